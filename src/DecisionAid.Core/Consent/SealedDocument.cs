using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace DecisionAid.Core.Consent;

/// <summary>
/// The one JSON document a consent record seals: what was shown (aid, language, version, the hash of the content
/// exactly as rendered, the statement), for whom (the packet's personalisation and patient), the answers, and both
/// signatures with UTC times, address and browser. Written once with a fixed property order, no whitespace and
/// times to the millisecond; the stored text is what is hashed and verified, byte for byte.
/// </summary>
public sealed record SealedDocument
{
    public const string CurrentFormat = "decisionaid-consent/1";

    public string Format { get; init; } = CurrentFormat;
    public required Guid RecordId { get; init; }
    public required string Kind { get; init; }
    public Guid? Supersedes { get; init; }
    public string? SupersedesHash { get; init; }
    public required string SealedAt { get; init; }
    public required PracticePart Practice { get; init; }
    public required PacketPart Packet { get; init; }
    public required PatientPart Patient { get; init; }
    public required string ShownContentHash { get; init; }
    public required string Statement { get; init; }
    public required IReadOnlyList<AnswerPart> Answers { get; init; }
    public required PatientSignaturePart PatientSignature { get; init; }
    public ClinicianSignaturePart? ClinicianSignature { get; init; }

    public sealed record PracticePart(Guid Id, string Name);

    public sealed record PacketPart(
        Guid Id, string Aid, string AidTitle, string Language, string ContentVersion, string ContentHash,
        string? Target, string? Method, IReadOnlyList<string> HealthFactors);

    public sealed record PatientPart(string Name, string BirthDate, string? RecordNumber);

    public sealed record AnswerPart(string Kind, string Item, string Value);

    /// <summary>The patient's act: signed, or (in a withdrawal record) withdrawn, by the patient or recorded for them.</summary>
    public sealed record PatientSignaturePart(
        Guid DecisionId, string Choice, string? TypedName, string? SignatureSvg, string At, string? Ip, string? UserAgent, string Meaning);

    public sealed record ClinicianSignaturePart(
        string ClinicianId, string Name, string Email, string At, string? Ip, string? UserAgent, string Meaning,
        bool ConversationConfirmed, string? InterpreterName, string? InterpreterLanguage, string? Witness);

    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = false };

    public string ToJson() => JsonSerializer.Serialize(this, Options);

    public static SealedDocument? Parse(string json) => JsonSerializer.Deserialize<SealedDocument>(json, Options);

    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
