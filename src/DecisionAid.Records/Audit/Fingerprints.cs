using System.Globalization;
using System.Text.RegularExpressions;
using DecisionAid.Core.Consent;
using DecisionAid.Records.Data;

namespace DecisionAid.Records.Audit;

/// <summary>
/// What the audit trail remembers of the rows the consent relies on before anything is sealed: a packet's patient and
/// choices (from its creation) and each patient decision. The entry that holds the fingerprint is chained and keyed,
/// so a row changed behind the site's back no longer matches it: `pda audit verify` says so, and the site refuses to
/// seal it.
/// </summary>
public static partial class Fingerprints
{
    /// <summary>The packet's creation, with the fingerprint of who it is for and what it holds.</summary>
    public static AuditEvent PacketCreated(Packet packet, string actor, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(packet);
        return new AuditEvent(AuditActions.PacketCreated, actor, packet.PracticeId, packet.Id, Detail: $"{(note is null ? "" : note + ", ")}identity {Of(packet)}");
    }

    public static string Of(Packet packet)
    {
        ArgumentNullException.ThrowIfNull(packet);
        return Hash(packet.Id.ToString(), packet.PracticeId.ToString(), packet.CreatedById, packet.AidId, packet.Language, packet.ContentVersion,
            packet.ContentHash, packet.Target, packet.Method, packet.HealthFactors, packet.PatientName,
            packet.PatientBirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), packet.RecordNumber);
    }

    public static string Of(ConsentDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return Hash(decision.Id.ToString(), decision.PacketId.ToString(), decision.Choice, decision.TypedName, decision.SignatureSvg, decision.Statement,
            decision.ContentHash, decision.AidVersion, AuditTrail.Time(decision.At), decision.Ip, decision.UserAgent, decision.IdempotencyKey);
    }

    /// <summary>The fingerprint a decision's entry holds ("..., decision ID, fields HASH"), or null in an entry written before fingerprints.</summary>
    public static string? DecisionIn(string? detail) => detail is not null && DecisionPattern().Match(detail) is { Success: true } m ? m.Groups[1].Value : null;

    public static string? PacketIn(string? detail) => detail is not null && PacketPattern().Match(detail) is { Success: true } m ? m.Groups[1].Value : null;

    /// <summary>The fields encoded as the audit hash encodes them, so no two rows read alike.</summary>
    private static string Hash(params string?[] fields) => SealedDocument.Sha256(AuditTrail.Canonical(fields));

    [GeneratedRegex("fields ([0-9a-f]{64})")]
    private static partial Regex DecisionPattern();

    [GeneratedRegex("identity ([0-9a-f]{64})")]
    private static partial Regex PacketPattern();
}
