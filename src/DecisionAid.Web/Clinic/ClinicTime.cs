using System.Globalization;

namespace DecisionAid.Web.Clinic;

/// <summary>
/// Times on the clinic's pages, in the practice's time zone (a practice setting, UTC until set). What is stored and
/// sealed stays in UTC; only what a clinician reads is shifted.
/// </summary>
public sealed record ClinicTime(TimeZoneInfo Zone)
{
    public static ClinicTime Utc { get; } = new(TimeZoneInfo.Utc);

    /// <summary>The zone of an IANA id, or UTC for none or one this machine does not know.</summary>
    public static ClinicTime Of(string? zoneId) =>
        zoneId is not null && TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone) ? new(zone) : Utc;

    /// <summary>Whether an id names a time zone this machine knows (the practice page offers only those).</summary>
    public static bool Known(string? zoneId) => zoneId is not null && TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out _);

    /// <summary>Every zone to choose from, by id, with its offset from UTC now ("America/Chicago (UTC-06:00)").</summary>
    public static IReadOnlyList<(string Id, string Label)> Choices(DateTime utcNow) =>
        [.. TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Append("UTC").Distinct().Order(StringComparer.Ordinal)
            .Select(id => (id, $"{id} (UTC{Offset(TimeZoneInfo.FindSystemTimeZoneById(id).GetUtcOffset(utcNow))})"))];

    /// <summary>The zone's name as the page says it once: "America/Chicago".</summary>
    public string Name => Zone.Id;

    /// <summary>A stored UTC time as the practice's local time ("2026-12-05 09:30").</summary>
    public string Format(DateTime utc, string pattern = "yyyy-MM-dd HH:mm") =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone).ToString(pattern, CultureInfo.InvariantCulture);

    private static string Offset(TimeSpan offset) =>
        (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture);
}
