namespace DecisionAid.Records.Data;

/// <summary>
/// What a patient chose on the consent step of their packet: sign, talk first or decline (and, before the clinician
/// countersigns, withdraw a signature). Never updated: a change of mind is a new row, and the newest row counts.
/// </summary>
public sealed class ConsentDecision
{
    public const string Signed = "signed", TalkFirst = "talk-first", Declined = "declined", Withdrawn = "withdrawn";

    public Guid Id { get; set; }
    public Guid PacketId { get; set; }
    /// <summary>signed, talk-first, declined or withdrawn.</summary>
    public required string Choice { get; set; }
    /// <summary>The full name the patient typed (signed only).</summary>
    public string? TypedName { get; set; }
    /// <summary>The drawn signature as SVG, rebuilt on the server from the strokes (signed only).</summary>
    public string? SignatureSvg { get; set; }
    /// <summary>The consent statement exactly as the patient was shown it.</summary>
    public required string Statement { get; set; }
    /// <summary>SHA-256 (hex) of the aid content exactly as rendered in the packet; the HTML is kept in <see cref="ShownContent"/>.</summary>
    public required string ContentHash { get; set; }
    /// <summary>The aid version the patient read (the library's at the time; a packet made earlier may name an older one).</summary>
    public required string AidVersion { get; set; }
    public DateTime At { get; set; }
    public string? Ip { get; set; }
    public string? UserAgent { get; set; }
    /// <summary>From the form: a retried or double-tapped submission carries the same key and makes no second row.</summary>
    public required string IdempotencyKey { get; set; }
}

/// <summary>
/// A sealed consent record: one canonical JSON document, its SHA-256 and its HMAC (the key lives in configuration,
/// not in the database). Never updated or deleted (database triggers refuse it); a withdrawal or correction is a
/// new record that names the one it supersedes.
/// </summary>
public sealed class ConsentRecord
{
    public const string Consent = "consent", Withdrawal = "withdrawal";

    public Guid Id { get; set; }
    public Guid PacketId { get; set; }
    public Guid PracticeId { get; set; }
    /// <summary>consent (patient signed and clinician countersigned) or withdrawal.</summary>
    public required string Kind { get; set; }
    public Guid DecisionId { get; set; }
    public Guid? SupersedesId { get; set; }
    /// <summary>One record per event: "consent:{decision}" or "withdrawal:{record}"; the unique index makes concurrent attempts make one.</summary>
    public required string SealKey { get; set; }
    public required string Document { get; set; }
    public required string DocumentHash { get; set; }
    public required string Hmac { get; set; }
    public DateTime SealedAt { get; set; }
}

/// <summary>
/// One published version of an aid: its folder's files (aid.yaml, each language, pictures) as a zip, keyed by the
/// aid and its content hash, so a packet renders the version it was made with after the content changes, on any node.
/// </summary>
public sealed class PublishedAid
{
    public required string AidId { get; set; }
    public required string ContentHash { get; set; }
    public required string Version { get; set; }
    public required byte[] Files { get; set; }
    public DateTime PublishedAt { get; set; }
}

/// <summary>The aid content exactly as a packet rendered it, kept once per hash so a record can show what was shown.</summary>
public sealed class ShownContent
{
    public required string Hash { get; set; }
    public required string Html { get; set; }
    public DateTime FirstShownAt { get; set; }
}

/// <summary>
/// One line of the audit trail. Each entry holds the hash of the one before, so a changed, removed or reordered row
/// breaks the chain; the database refuses UPDATE and DELETE on the table (triggers).
/// </summary>
public sealed class AuditEntry
{
    /// <summary>1, 2, 3, ... with no gaps; set by the trail, not the database.</summary>
    public long Seq { get; set; }
    public DateTime At { get; set; }
    public required string Action { get; set; }
    /// <summary>patient, clinician:{id}, api-key:{id}, anonymous or system.</summary>
    public required string Actor { get; set; }
    public Guid? PracticeId { get; set; }
    public Guid? PacketId { get; set; }
    public Guid? ConsentId { get; set; }
    public string? Ip { get; set; }
    public string? Detail { get; set; }
    public required string PreviousHash { get; set; }
    public required string Hash { get; set; }
}
