using Microsoft.AspNetCore.Identity;

namespace DecisionAid.Records.Data;

/// <summary>A clinic that uses DecisionAid, with the brand its patients see.</summary>
public sealed class Practice
{
    public Guid Id { get; set; }
    /// <summary>The practice's part of public URLs: /{lang}/p/{slug}/aids/{id}.</summary>
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public string? Phone { get; set; }
    public string? PhoneAfterHours { get; set; }
    public string? Address { get; set; }
    /// <summary>A colour as #rrggbb, held to 4.5:1 contrast on white.</summary>
    public string AccentColour { get; set; } = "#1d4ed8";
    public byte[]? Logo { get; set; }
    public string? LogoContentType { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>The practice's own words, one row per language and key (load them with Include(p => p.Texts)).</summary>
    public List<PracticeText> Texts { get; set; } = [];

    /// <summary>The practice's own words for a key in a language, or null when it wrote none.</summary>
    public string? TextIn(string key, string language) => Texts.FirstOrDefault(t => t.Key == key && t.Language == language)?.Text;

    /// <summary>What the practice adds to its patients' aftercare in a language.</summary>
    public DecisionAid.Rendering.Document.PracticeBrand BrandIn(string language) =>
        new(Name, Phone, PhoneAfterHours, Address, TextIn(PracticeText.Bathing, language));
    /// <summary>On a waiting-room tablet, minutes without a touch before the screen returns to the welcome screen (1 to 60).</summary>
    public int TabletIdleMinutes { get; set; } = 5;
    /// <summary>Whether patients may sign their consent on a shared clinic tablet (off: they sign on their own device, or on paper).</summary>
    public bool SigningOnSharedDevice { get; set; }
    /// <summary>The IANA time zone (e.g. "America/Chicago") the clinic's pages show times in; sealed records keep UTC.</summary>
    public string TimeZone { get; set; } = "UTC";
}

/// <summary>
/// A practice's own words in one language, e.g. its rule for bathing after a procedure (sources differ): a practice
/// writes them in every language it serves, and each is checked for reading level in its language.
/// </summary>
public sealed class PracticeText
{
    public const string Bathing = "bathing";
    public const int MaxLength = 400;

    public Guid PracticeId { get; set; }
    public required string Language { get; set; }
    public required string Key { get; set; }
    public required string Text { get; set; }
}

/// <summary>A clinician: an Identity user who belongs to one practice and sees only its data.</summary>
public sealed class Clinician : IdentityUser
{
    public Guid PracticeId { get; set; }
    public required string DisplayName { get; set; }
    /// <summary>A practice lead: also sees the practice's outcomes (understanding, conflict, satisfaction per aid and version).</summary>
    public bool IsLead { get; set; }
    /// <summary>Set by a one-time password (a new account, a reset): every clinic page sends them to change it first.</summary>
    public bool MustChangePassword { get; set; }
    /// <summary>The newest authenticator time step used: a code is accepted once (no replay within its 30 seconds).</summary>
    public long LastTotpStep { get; set; }
    /// <summary>Removed from the practice by a lead: cannot sign in, their sessions end and their API keys are revoked.</summary>
    public DateTime? RemovedAt { get; set; }
}

/// <summary>
/// One personalised aid for one patient. The patient's identity is kept to the minimum: a display name, the date
/// of birth that unlocks the link, and an optional record number. The link's token is stored only as a hash.
/// </summary>
public sealed class Packet
{
    public Guid Id { get; set; }
    public Guid PracticeId { get; set; }
    public required string CreatedById { get; set; }
    public required string AidId { get; set; }
    public required string Language { get; set; }
    /// <summary>The content version and hash the packet was made from: what the patient is shown.</summary>
    public required string ContentVersion { get; set; }
    public required string ContentHash { get; set; }
    public string? Target { get; set; }
    public string? Method { get; set; }
    /// <summary>Health factor ids, separated by spaces.</summary>
    public string HealthFactors { get; set; } = "";
    public required string PatientName { get; set; }
    public DateOnly PatientBirthDate { get; set; }
    public string? RecordNumber { get; set; }
    public required byte[] TokenHash { get; set; }
    public DateTime TokenExpiresAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? OpenedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    /// <summary>Seconds the packet page was open and visible, counted in 30-second steps by the page (capped per step).</summary>
    public int ReadingSeconds { get; set; }
    /// <summary>Wrong dates of birth in a row; after too many the link rests for a while (see PacketLinks).</summary>
    public int FailedUnlocks { get; set; }
    public DateTime? UnlockBlockedUntil { get; set; }
    /// <summary>The post-visit survey's own link (hash only), made by the clinician after the visit.</summary>
    public byte[]? SurveyTokenHash { get; set; }
    public DateTime? SurveyTokenExpiresAt { get; set; }

    public List<PacketAnswer> Answers { get; set; } = [];

    public IReadOnlyList<string> HealthFactorIds => HealthFactors.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>One answer of a patient (knowledge check, values, question, SURE, satisfaction), saved as they go.</summary>
public sealed class PacketAnswer
{
    public Guid PacketId { get; set; }
    /// <summary>knowledge, value, question, sure or satisfaction.</summary>
    public required string Kind { get; set; }
    public required string ItemId { get; set; }
    public required string Value { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>
/// A patient's signed-in visit to their packet: the cookie holds a random id, the database only its hash. A survey
/// session (from the survey link) opens only the post-visit survey. On a clinic tablet it belongs to the tablet's
/// session and ends after <see cref="IdleSeconds"/> without a touch.
/// </summary>
public sealed class PatientSession
{
    public const string PacketScope = "packet", SurveyScope = "survey";

    public required byte[] IdHash { get; set; }
    public Guid PacketId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public string Scope { get; set; } = PacketScope;
    public Guid? TabletId { get; set; }
    public int? IdleSeconds { get; set; }
    public DateTime LastSeenAt { get; set; }
}

/// <summary>
/// A clinic tablet handed to patients: the clinician who handed it over is signed out on it, and only their password
/// brings the clinic pages back. Ends at <see cref="ExpiresAt"/>, when the clinician's own sign-in would have ended.
/// </summary>
public sealed class TabletSession
{
    public Guid Id { get; set; }
    public required byte[] IdHash { get; set; }
    public required string ClinicianId { get; set; }
    public Guid PracticeId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? EndedAt { get; set; }
    /// <summary>Wrong passwords at this tablet's unlock; after <c>UnlockModel.MaxFailures</c> the tablet ends and a full sign-in is needed.</summary>
    public int FailedUnlocks { get; set; }
}

/// <summary>A practice's key for the integration API (health-record systems). Only the SHA-256 of the key is kept.</summary>
public sealed class ApiKey
{
    public Guid Id { get; set; }
    public Guid PracticeId { get; set; }
    public required string Name { get; set; }
    public required byte[] KeyHash { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    /// <summary>The clinician (a practice lead) who made the key; removing them revokes it.</summary>
    public string? OwnerId { get; set; }
    /// <summary>After this the key is refused (a year by default).</summary>
    public DateTime ExpiresAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
}

/// <summary>
/// How many guesses (sign-ins, codes, dates of birth, API keys, tablet unlocks) one address made in one minute, kept in
/// the database so every node of the site counts the same tries (see <see cref="AttemptLimits"/>).
/// </summary>
public sealed class AttemptCount
{
    /// <summary>What is limited and for whom, e.g. "attempt 203.0.113.7" or "tablet 203.0.113.7".</summary>
    public string Key { get; set; } = "";
    /// <summary>The window's number: minutes (of the window's length) since 1970.</summary>
    public long Window { get; set; }
    public int Count { get; set; }
}
