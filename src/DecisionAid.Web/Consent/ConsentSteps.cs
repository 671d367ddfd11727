using DecisionAid.Core.Consent;
using DecisionAid.Core.Content;
using DecisionAid.Core.Personalising;
using DecisionAid.Rendering.Consent;
using DecisionAid.Rendering.Text;
using DecisionAid.Web.Audit;
using DecisionAid.Web.Data;
using DecisionAid.Web.Library;
using DecisionAid.Web.Packets;
using Microsoft.EntityFrameworkCore;

namespace DecisionAid.Web.Consent;

/// <summary>Where a packet's consent stands: the patient's newest decision and the newest sealed record.</summary>
public sealed record ConsentState(ConsentDecision? Latest, ConsentRecord? Record)
{
    /// <summary>Signed by the patient and waiting for the clinician.</summary>
    public bool AwaitingCountersign => Latest?.Choice == ConsentDecision.Signed && Record is null;
    public bool Sealed => Record?.Kind == ConsentRecord.Consent;
    public bool Withdrawn => Record?.Kind == ConsentRecord.Withdrawal;
    /// <summary>From the patient's signature on, the answers are part of what is signed and stay as they are.</summary>
    public bool AnswersLocked => AwaitingCountersign || Record is not null;
}

/// <summary>The outcome of a step: done (with the record it made or found), or refused with the reason.</summary>
public sealed record StepResult(bool Done, string? Refusal = null, Guid? RecordId = null)
{
    public static StepResult Refused(string why) => new(false, why);
}

/// <summary>What the clinician confirms and who else was there.</summary>
public sealed record Countersignature(bool ConversationConfirmed, string? InterpreterName, string? InterpreterLanguage, string? Witness);

/// <summary>
/// The consent steps in their order: the patient decides (sign, talk first, decline); the clinician countersigns
/// the newest signature, which seals the record; either may then withdraw, which seals a new record pointing to the
/// first. Each step is audited in the same transaction, and a step out of order is refused and audited.
/// </summary>
public sealed class ConsentSteps(DecisionAidDb db, AuditTrail audit, AidLibrary library, PacketContent content, SealKey key, TimeProvider clock)
{
    public const string PatientActor = "patient";

    public static string ClinicianActor(Clinician clinician) => $"clinician:{clinician?.Id}";

    public async Task<ConsentState> StateAsync(Guid packetId)
    {
        var latest = await db.ConsentDecisions.AsNoTracking().Where(d => d.PacketId == packetId).OrderByDescending(d => d.At).FirstOrDefaultAsync();
        var record = await db.ConsentRecords.AsNoTracking().Where(r => r.PacketId == packetId).OrderByDescending(r => r.SealedAt).FirstOrDefaultAsync();
        return new ConsentState(latest, record);
    }

    public static bool KnowledgeCheckDone(Packet packet, Aid aid) =>
        aid.KnowledgeCheck.All(q => packet.Answers.Any(a => a.Kind == AnswerKinds.Knowledge && a.ItemId == q.Id));

    public static ConsentStatement Statement(Packet packet, Aid aid) =>
        ConsentStatement.For(aid, packet.Language, YourRisks.For(aid, new PacketChoices(packet.Target, packet.Method, packet.HealthFactorIds)));

    /// <summary>The patient signs, asks to talk first, or declines. A repeated submission (same key) makes no second decision.</summary>
    public async Task<StepResult> DecideAsync(Packet packet, Aid aid, string choice, string? typedName, string? strokes, string idempotencyKey, HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(packet);
        ArgumentNullException.ThrowIfNull(http);
        if (await db.ConsentDecisions.AnyAsync(d => d.PacketId == packet.Id && d.IdempotencyKey == idempotencyKey)) return new StepResult(true);
        var state = await StateAsync(packet.Id);
        string? refusal = !KnowledgeCheckDone(packet, aid) ? "the knowledge check comes first"
            : state.Record is not null ? "the consent is already sealed"
            : state.AwaitingCountersign ? "the patient has signed; withdraw the signature to decide again"
            : null;
        if (refusal is not null)
        {
            // A parallel copy of this very submission may have landed between the two reads above.
            if (await SameKeyExistsAsync(packet.Id, idempotencyKey)) return new StepResult(true);
            return await RefuseAsync(packet, PatientActor, refusal);
        }

        string? svg = null;
        if (choice == ConsentDecision.Signed)
        {
            typedName = typedName?.Trim();
            if (string.IsNullOrEmpty(typedName) || typedName.Length > 200) return StepResult.Refused("name");
            if ((svg = DrawnSignature.ToSvg(strokes)) is null) return StepResult.Refused("drawing");
        }
        else if (choice is not (ConsentDecision.TalkFirst or ConsentDecision.Declined))
        {
            return StepResult.Refused("unknown choice");
        }
        var decision = await NewDecisionAsync(packet, aid, choice, choice == ConsentDecision.Signed ? typedName : null, svg, idempotencyKey, http);
        try
        {
            await audit.SaveAsync(new AuditEvent(AuditActions.ConsentDecided, PatientActor, packet.PracticeId, packet.Id, Detail: choice));
        }
        catch (DbUpdateException)
        {
            db.Entry(decision).State = EntityState.Detached;
            if (!await SameKeyExistsAsync(packet.Id, idempotencyKey)) throw; // else a parallel copy of this submission won
        }
        return new StepResult(true);
    }

    /// <summary>The clinician countersigns the patient's newest signature (the one they saw: <paramref name="decisionId"/>), sealing the record.</summary>
    public async Task<StepResult> CountersignAsync(Packet packet, Clinician clinician, Guid decisionId, Countersignature form, HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(packet);
        ArgumentNullException.ThrowIfNull(clinician);
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(http);
        var sealKey = $"consent:{decisionId}";
        if (await db.ConsentRecords.AsNoTracking().SingleOrDefaultAsync(r => r.SealKey == sealKey) is { } done) return new StepResult(true, RecordId: done.Id);
        var state = await StateAsync(packet.Id);
        string? refusal = !state.AwaitingCountersign ? "there is no patient signature waiting for a countersignature"
            : state.Latest!.Id != decisionId ? "the patient's decision changed since the page was opened"
            : !form.ConversationConfirmed ? "confirm that the conversation took place"
            : null;
        if (refusal is not null)
        {
            // A parallel countersignature of the same signature may have sealed it between the two reads above.
            if (await db.ConsentRecords.AsNoTracking().SingleOrDefaultAsync(r => r.SealKey == sealKey) is { } sealedMeanwhile)
                return new StepResult(true, RecordId: sealedMeanwhile.Id);
            return await RefuseAsync(packet, ClinicianActor(clinician), refusal);
        }

        var now = AuditTrail.Truncate(clock.GetUtcNow().UtcDateTime);
        var decision = state.Latest!;
        var clinicianPart = new SealedDocument.ClinicianSignaturePart(
            clinician.Id, clinician.DisplayName, clinician.Email ?? "", AuditTrail.Time(now), Ip(http), UserAgent(http),
            ConsentText.English.ClinicianMeaning, true, Clean(form.InterpreterName), Clean(form.InterpreterLanguage), Clean(form.Witness));
        return await SealAsync(packet, ConsentRecord.Consent, decision, null, clinicianPart, sealKey, ClinicianActor(clinician), AuditActions.ConsentSealed, now);
    }

    /// <summary>
    /// The patient (from the packet) or a clinician (for the patient) takes consent back. Before the countersignature
    /// this only withdraws the signature; after it, a withdrawal record is sealed that supersedes the consent.
    /// </summary>
    public async Task<StepResult> WithdrawAsync(Packet packet, Aid aid, Clinician? recordedBy, string idempotencyKey, HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(packet);
        ArgumentNullException.ThrowIfNull(http);
        var actor = recordedBy is null ? PatientActor : ClinicianActor(recordedBy);
        var state = await StateAsync(packet.Id);
        if (state.Sealed)
        {
            var sealKey = $"withdrawal:{state.Record!.Id}";
            var now = AuditTrail.Truncate(clock.GetUtcNow().UtcDateTime);
            var decision = await NewDecisionAsync(packet, aid, ConsentDecision.Withdrawn, null, null, idempotencyKey, http);
            SealedDocument.ClinicianSignaturePart? by = recordedBy is null ? null : new(
                recordedBy.Id, recordedBy.DisplayName, recordedBy.Email ?? "", AuditTrail.Time(now), Ip(http), UserAgent(http),
                ConsentText.English.WithdrawalMeaning, false, null, null, null);
            return await SealAsync(packet, ConsentRecord.Withdrawal, decision, state.Record, by, sealKey, actor, AuditActions.ConsentWithdrawn, now);
        }
        if (state.AwaitingCountersign)
        {
            await NewDecisionAsync(packet, aid, ConsentDecision.Withdrawn, null, null, idempotencyKey, http);
            await audit.SaveAsync(new AuditEvent(AuditActions.ConsentWithdrawn, actor, packet.PracticeId, packet.Id, Detail: "signature withdrawn before the countersignature"));
            return new StepResult(true);
        }
        return await RefuseAsync(packet, actor, "there is no signature or consent to withdraw");
    }

    private async Task<StepResult> SealAsync(
        Packet packet, string kind, ConsentDecision decision, ConsentRecord? supersedes, SealedDocument.ClinicianSignaturePart? clinician,
        string sealKey, string actor, string action, DateTime now)
    {
        var aid = library.Find(packet.AidId);
        var practice = await db.Practices.AsNoTracking().SingleAsync(p => p.Id == packet.PracticeId);
        var answers = await db.PacketAnswers.AsNoTracking().Where(a => a.PacketId == packet.Id).ToListAsync();
        var words = ConsentText.For(packet.Language);
        var document = new SealedDocument
        {
            RecordId = Guid.NewGuid(),
            Kind = kind,
            Supersedes = supersedes?.Id,
            SupersedesHash = supersedes?.DocumentHash,
            SealedAt = AuditTrail.Time(now),
            Practice = new(practice.Id, practice.Name),
            Packet = new(packet.Id, packet.AidId, aid?.Texts[packet.Language].Title.Value ?? packet.AidId, packet.Language, decision.AidVersion,
                decision.ContentHash, packet.Target, packet.Method, packet.HealthFactorIds),
            Patient = new(packet.PatientName, packet.PatientBirthDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), packet.RecordNumber),
            ShownContentHash = decision.ContentHash,
            Statement = decision.Statement,
            Answers = Answers(answers),
            PatientSignature = new(decision.Id, decision.Choice, decision.TypedName, decision.SignatureSvg, AuditTrail.Time(decision.At),
                decision.Ip, decision.UserAgent, kind == ConsentRecord.Consent ? words.PatientMeaning : words.WithdrawConfirm),
            ClinicianSignature = clinician,
        };
        var json = document.ToJson();
        var record = new ConsentRecord
        {
            Id = document.RecordId, PacketId = packet.Id, PracticeId = packet.PracticeId, Kind = kind, DecisionId = decision.Id,
            SupersedesId = supersedes?.Id, SealKey = sealKey, Document = json, DocumentHash = SealedDocument.Sha256(json), Hmac = key.Hmac(json), SealedAt = now,
        };
        db.ConsentRecords.Add(record);
        try
        {
            await audit.SaveAsync(new AuditEvent(action, actor, packet.PracticeId, packet.Id, record.Id, $"{kind} sealed, sha256 {record.DocumentHash}"));
        }
        catch (DbUpdateException)
        {
            // Two clinicians (or a double click) sealing at once: the unique seal key lets one through.
            db.ChangeTracker.Clear();
            if (await db.ConsentRecords.AsNoTracking().SingleOrDefaultAsync(r => r.SealKey == sealKey) is { } winner) return new StepResult(true, RecordId: winner.Id);
            throw;
        }
        return new StepResult(true, RecordId: record.Id);
    }

    /// <summary>The answers as sealed: sorted, so the same answers always read the same.</summary>
    public static IReadOnlyList<SealedDocument.AnswerPart> Answers(IEnumerable<PacketAnswer> answers) =>
        [.. answers.OrderBy(a => a.Kind, StringComparer.Ordinal).ThenBy(a => a.ItemId, StringComparer.Ordinal).Select(a => new SealedDocument.AnswerPart(a.Kind, a.ItemId, a.Value))];

    private async Task<ConsentDecision> NewDecisionAsync(Packet packet, Aid aid, string choice, string? typedName, string? svg, string idempotencyKey, HttpContext http)
    {
        var html = await content.RenderAsync(packet, aid);
        var hash = SealedDocument.Sha256(html);
        await KeepShownContentAsync(hash, html);
        var decision = new ConsentDecision
        {
            Id = Guid.NewGuid(), PacketId = packet.Id, Choice = choice, TypedName = typedName, SignatureSvg = svg,
            Statement = Statement(packet, aid).ToText(), ContentHash = hash, AidVersion = aid.Version,
            At = AuditTrail.Truncate(clock.GetUtcNow().UtcDateTime), Ip = Ip(http), UserAgent = UserAgent(http), IdempotencyKey = idempotencyKey,
        };
        db.ConsentDecisions.Add(decision);
        return decision;
    }

    /// <summary>Keeps the HTML once per hash; another packet may store the same content at the same moment, which is fine.</summary>
    private async Task KeepShownContentAsync(string hash, string html)
    {
        if (await db.ShownContents.AnyAsync(c => c.Hash == hash)) return;
        var shown = new ShownContent { Hash = hash, Html = html, FirstShownAt = clock.GetUtcNow().UtcDateTime };
        db.ShownContents.Add(shown);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            db.Entry(shown).State = EntityState.Detached;
        }
    }

    private Task<bool> SameKeyExistsAsync(Guid packetId, string idempotencyKey) =>
        db.ConsentDecisions.AsNoTracking().AnyAsync(d => d.PacketId == packetId && d.IdempotencyKey == idempotencyKey);

    private async Task<StepResult> RefuseAsync(Packet packet, string actor, string why)
    {
        db.ChangeTracker.Clear();
        await audit.SaveAsync(new AuditEvent(AuditActions.StepRefused, actor, packet.PracticeId, packet.Id, Detail: why));
        return StepResult.Refused(why);
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim() is { Length: > 200 } t ? t[..200] : text.Trim();

    public static string? Ip(HttpContext http) => http?.Connection.RemoteIpAddress?.ToString();

    public static string? UserAgent(HttpContext http) => http?.Request.Headers.UserAgent.ToString() is { Length: > 0 } ua ? (ua.Length > 400 ? ua[..400] : ua) : null;
}
