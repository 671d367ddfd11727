using DecisionAid.Core.Content;
using DecisionAid.Core.Personalising;
using DecisionAid.Web.Library;

namespace DecisionAid.Web.Packets;

/// <summary>What a clinician (or a health-record system through the API) asks for: one packet for one patient.</summary>
public sealed record NewPacket(
    string? Aid, string? Language, string? Target, string? Method, IReadOnlyList<string>? HealthFactors,
    string? PatientName, DateOnly? BirthDate, string? RecordNumber)
{
    public IReadOnlyList<string> Factors => HealthFactors ?? [];

    /// <summary>Every problem, by field (the names the API uses), in words a person can act on; empty when valid.</summary>
    public Dictionary<string, string[]> Validate(AidLibrary library, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(library);
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string field, string message)
        {
            if (!errors.TryGetValue(field, out var list)) errors[field] = list = [];
            list.Add(message);
        }
        var aid = library.Find(Aid ?? "");
        if (aid is null) Add("aid", $"'{Aid}' is not an aid in the library (aids: {string.Join(", ", library.Aids.Select(a => a.Id))})");
        else
        {
            if (Language is null || !aid.Texts.ContainsKey(Language)) Add("language", $"the aid '{aid.Id}' is written in: {string.Join(", ", aid.Languages)}");
            foreach (var problem in new PacketChoices(Blank(Target), Blank(Method), Factors).Problems(aid))
                Add(problem.Contains("health factor", StringComparison.Ordinal) ? "healthFactors" : problem.Contains("method", StringComparison.Ordinal) ? "method" : "target", problem);
        }
        var name = PatientName?.Trim() ?? "";
        if (name.Length is 0 or > 200) Add("patientName", "the patient's name is required, up to 200 characters");
        else if (DecisionAid.Rendering.Pdf.PrintableText.Problem(name, "the patient's name") is { } unprintable) Add("patientName", unprintable);
        if (BirthDate is not { } birth) Add("birthDate", "the patient's date of birth is required (YYYY-MM-DD)");
        else if (birth > today || birth < today.AddYears(-130)) Add("birthDate", "the date of birth must be a real past date");
        if (RecordNumber?.Trim().Length > 60) Add("recordNumber", "the record number can be up to 60 characters");
        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>The packet (with only the hash of its link's token) and the token itself, to show or send once.</summary>
    public (Packet Packet, string Token) Create(Aid aid, Guid practiceId, string createdBy, DateTime now, TimeSpan linkLifetime)
    {
        ArgumentNullException.ThrowIfNull(aid);
        var (token, hash) = PacketLinks.NewToken();
        var packet = new Packet
        {
            Id = Guid.NewGuid(), PracticeId = practiceId, CreatedById = createdBy, AidId = aid.Id, Language = Language!,
            ContentVersion = aid.Version, ContentHash = aid.ContentHash, Target = Blank(Target), Method = Blank(Method),
            HealthFactors = string.Join(' ', Factors), PatientName = PatientName!.Trim(), PatientBirthDate = BirthDate!.Value,
            RecordNumber = Blank(RecordNumber?.Trim()), TokenHash = hash, TokenExpiresAt = now + linkLifetime, CreatedAt = now,
        };
        return (packet, token);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
