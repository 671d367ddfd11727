namespace DecisionAid.Rendering;

/// <summary>
/// What a practice adds to an aftercare part: its daytime and after-hours numbers for "Call the clinic", and its own
/// rule for bathing (sources differ, so each practice says what it wants its patients to do), in the packet's language.
/// </summary>
public sealed record ClinicAftercare(string? Phone, string? PhoneAfterHours, string? Bathing);
