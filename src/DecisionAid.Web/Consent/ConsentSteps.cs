using DecisionAid.Core.Consent;
using DecisionAid.Core.Content;
using DecisionAid.Core.Personalising;
using DecisionAid.Rendering.Consent;
using DecisionAid.Rendering.Pdf;
using DecisionAid.Rendering.Text;
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
/// first. Each step checks the state and writes under the audit trail's lock, in one transaction with its audit
/// entry, so no other step can slip in between; a step out of order is refused and audited.
/// </summary>
public sealed class ConsentSteps(DecisionAidDb db, AuditTrail audit, AidArchive archive, PacketContent content, SealKey key)
{
    public async Task<ConsentState> StateAsync(Guid packetId)
    {
        var latest = await db.ConsentDecisions.AsNoTracking().Where(d => d.PacketId == packetId).OrderByDescending(d => d.At).FirstOrDefaultAsync();
        return new ConsentState(latest, await NewestRecordAsync(packetId));
    }

    /// <summary>The packet's current sealed record, decided by what the records seal (see <see cref="ConsentRecords.Current"/>).</summary>
    public async Task<ConsentRecord?> NewestRecordAsync(Guid packetId) =>
        ConsentRecords.Current(await db.ConsentRecords.AsNoTracking().Where(r => r.PacketId == packetId).ToListAsync());

    public static bool KnowledgeCheckDone(Packet packet, Aid aid) =>
        aid.KnowledgeCheck.All(q => packet.Answers.Any(a => a.Kind == AnswerKinds.Knowledge && a.ItemId == q.Id));

    public static ConsentStatement Statement(Packet packet, Aid aid) =>
        ConsentStatement.For(aid, packet.Language, YourRisks.For(aid, new PacketChoices(packet.Target, packet.Method, packet.HealthFactorIds)));

    /// <summary>The patient signs, asks to talk first, or declines. A repeated submission (same key) makes no second decision.</summary>
    public async Task<StepResult> DecideAsync(Packet packet, Aid aid, string choice, string? typedName, string? strokes, string idempotencyKey, HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(packet);
        ArgumentNullException.ThrowIfNull(http);
        string? svg = null;
        if (choice == ConsentDecision.Signed)
        {
            typedName = typedName?.Trim();
            if (string.IsNullOrEmpty(typedName) || typedName.Length > 200) return StepResult.Refused("name");
            if (PrintableText.Problem(typedName, "name") is not null) return StepResult.Refused("unprintable name");
            if ((svg = DrawnSignature.ToSvg(strokes)) is null) return StepResult.Refused("drawing");
        }
        else if (choice is not (ConsentDecision.TalkFirst or ConsentDecision.Declined))
        {
            return StepResult.Refused("unknown choice");
        }
        var html = await content.RenderAsync(packet, aid);

        await using var transaction = await audit.BeginAsync();
        if (await SameKeyExistsAsync(packet.Id, idempotencyKey)) return new StepResult(true);
        var state = await StateAsync(packet.Id);
        var refusal = !KnowledgeCheckDone(packet, aid) ? "the knowledge check comes first"
            : state.Record is not null ? "the consent is already sealed"
            : state.AwaitingCountersign ? "the patient has signed; withdraw the signature to decide again"
            : null;
        if (refusal is not null) return await RefuseAsync(transaction, packet, AuditActions.Patient, refusal);

        var hash = SealedDocument.Sha256(html);
        if (!await db.ShownContents.AnyAsync(c => c.Hash == hash))
            db.ShownContents.Add(new ShownContent { Hash = hash, Html = html, FirstShownAt = audit.Now() });
        var decision = NewDecision(packet, choice, choice == ConsentDecision.Signed ? typedName : null, svg,
            Statement(packet, aid).ToText(), hash, aid.Version, After(state.Latest?.At), idempotencyKey, http);
        await audit.SaveAsync(new AuditEvent(AuditActions.ConsentDecided, AuditActions.Patient, packet.PracticeId, packet.Id, Detail: $"{choice}, decision {decision.Id}, fields {Fingerprints.Of(decision)}"));
        await transaction.CommitAsync();
        return new StepResult(true);
    }

    /// <summary>The clinician countersigns the patient's newest signature (the one they saw: <paramref name="decisionId"/>), sealing the record.</summary>
    public async Task<StepResult> CountersignAsync(Packet packet, Clinician clinician, Guid decisionId, Countersignature form, HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(packet);
        ArgumentNullException.ThrowIfNull(clinician);
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(http);
        var actor = AuditActions.Clinician(clinician);
        var sealKey = $"consent:{decisionId}";
        await using var transaction = await audit.BeginAsync();
        // The same countersignature again (a double click, a second clinician): the record it made.
        if (await db.ConsentRecords.AsNoTracking().SingleOrDefaultAsync(r => r.SealKey == sealKey && r.PacketId == packet.Id) is { } done)
            return new StepResult(true, RecordId: done.Id);
        var state = await StateAsync(packet.Id);
        var refusal = packet.RevokedAt is not null ? "the packet was revoked"
            : !state.AwaitingCountersign ? "there is no patient signature waiting for a countersignature"
            : state.Latest!.Id != decisionId ? "the patient's decision changed since the page was opened"
            : !form.ConversationConfirmed ? "confirm that the conversation took place"
            : PrintableText.Problem(form.InterpreterName, "the interpreter's name") ?? PrintableText.Problem(form.Witness, "the witness's name")
            ?? PrintableText.Problem(form.InterpreterLanguage, "the interpreter's language")
            ?? await ChangedBehindOurBackAsync(packet, state.Latest!);
        if (refusal is not null) return await RefuseAsync(transaction, packet, actor, refusal);

        var now = After(null);
        var signature = ClinicianPart(clinician, now, http, ConsentText.English.ClinicianMeaning, true, form.InterpreterName, form.InterpreterLanguage, form.Witness);
        var result = await SealAsync(packet, ConsentRecord.Consent, state.Latest!, null, signature, sealKey, actor, AuditActions.ConsentSealed, now);
        await transaction.CommitAsync();
        return result;
    }

    /// <summary>
    /// The patient (from the packet) or a clinician (for the patient) takes consent back. Before the countersignature
    /// this only withdraws the signature; after it, a withdrawal record is sealed that supersedes the consent. It
    /// needs nothing from the content library, so it works for an aid that has since been withdrawn too.
    /// </summary>
    public async Task<StepResult> WithdrawAsync(Packet packet, Clinician? recordedBy, string idempotencyKey, HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(packet);
        ArgumentNullException.ThrowIfNull(http);
        var actor = recordedBy is null ? AuditActions.Patient : AuditActions.Clinician(recordedBy);
        await using var transaction = await audit.BeginAsync();
        if (await SameKeyExistsAsync(packet.Id, idempotencyKey)) return new StepResult(true);
        var state = await StateAsync(packet.Id);
        if (!state.Sealed && !state.AwaitingCountersign) return await RefuseAsync(transaction, packet, actor, "there is no signature or consent to withdraw");

        var signed = state.Latest!;
        var decision = NewDecision(packet, ConsentDecision.Withdrawn, null, null, signed.Statement, signed.ContentHash, signed.AidVersion, After(signed.At), idempotencyKey, http);
        StepResult result;
        if (state.Sealed)
        {
            var now = After(state.Record!.SealedAt);
            var by = recordedBy is null ? null : ClinicianPart(recordedBy, now, http, ConsentText.English.WithdrawalMeaning, false, null, null, null);
            result = await SealAsync(packet, ConsentRecord.Withdrawal, decision, state.Record, by, $"withdrawal:{state.Record.Id}", actor, AuditActions.ConsentWithdrawn, now);
        }
        else
        {
            await audit.SaveAsync(new AuditEvent(AuditActions.ConsentWithdrawn, actor, packet.PracticeId, packet.Id,
                Detail: $"signature withdrawn before the countersignature, decision {decision.Id}, fields {Fingerprints.Of(decision)}"));
            result = new StepResult(true);
        }
        await transaction.CommitAsync();
        return result;
    }

    private async Task<StepResult> SealAsync(
        Packet packet, string kind, ConsentDecision decision, ConsentRecord? supersedes, SealedDocument.ClinicianSignaturePart? clinician,
        string sealKey, string actor, string action, DateTime now)
    {
        // A withdrawal withdraws exactly the consent it supersedes: it repeats that record's packet and patient.
        var withdrawn = supersedes is null ? null : SealedDocument.Parse(supersedes.Document);
        var aid = withdrawn is null ? await archive.ForPacketAsync(db, packet) : null;
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
            Packet = withdrawn?.Packet ?? new(packet.Id, packet.AidId, aid?.Texts.GetValueOrDefault(packet.Language)?.Title.Value ?? packet.AidId, packet.Language,
                decision.AidVersion, decision.ContentHash, packet.Target, packet.Method, packet.HealthFactorIds),
            Patient = withdrawn?.Patient ?? new(packet.PatientName, packet.PatientBirthDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), packet.RecordNumber),
            ShownContentHash = decision.ContentHash,
            Statement = decision.Statement,
            Answers = SealedAnswers.Of(answers),
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
        await audit.SaveAsync(new AuditEvent(action, actor, packet.PracticeId, packet.Id, record.Id, $"{kind} sealed, decision {decision.Id}, fields {Fingerprints.Of(decision)}, sha256 {record.DocumentHash}"));
        return new StepResult(true, RecordId: record.Id);
    }

    private ConsentDecision NewDecision(
        Packet packet, string choice, string? typedName, string? svg, string statement, string contentHash, string aidVersion, DateTime at, string idempotencyKey, HttpContext http)
    {
        var decision = new ConsentDecision
        {
            Id = Guid.NewGuid(), PacketId = packet.Id, Choice = choice, TypedName = typedName, SignatureSvg = svg, Statement = statement,
            ContentHash = contentHash, AidVersion = aidVersion, At = at, Ip = AuditTrail.AddressOf(http), UserAgent = UserAgent(http), IdempotencyKey = idempotencyKey,
        };
        db.ConsentDecisions.Add(decision);
        return decision;
    }

    private static SealedDocument.ClinicianSignaturePart ClinicianPart(
        Clinician clinician, DateTime at, HttpContext http, string meaning, bool confirmed, string? interpreter, string? language, string? witness) =>
        new(clinician.Id, clinician.DisplayName, clinician.Email ?? "", AuditTrail.Time(at), AuditTrail.AddressOf(http), UserAgent(http), meaning, confirmed,
            Clean(interpreter), Clean(language), Clean(witness));

    /// <summary>
    /// Now, but strictly after <paramref name="previous"/>: "newest" is decided by time, and nodes' clocks may
    /// disagree by a little, so each decision or record of a packet is later than the one before it.
    /// </summary>
    private DateTime After(DateTime? previous)
    {
        var now = audit.Now();
        if (previous is not { } p) return now;
        var before = DateTime.SpecifyKind(p, DateTimeKind.Utc);
        return before >= now ? before.AddMilliseconds(1) : now;
    }

    /// <summary>
    /// Null when the packet and the patient's decision are as the audit trail recorded them (chained, keyed entries);
    /// else why the consent cannot be sealed: someone changed a row outside the site.
    /// </summary>
    private async Task<string?> ChangedBehindOurBackAsync(Packet packet, ConsentDecision decision)
    {
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(e => e.PacketId == packet.Id && (e.Action == AuditActions.PacketCreated || e.Action == AuditActions.ConsentDecided)).ToListAsync();
        const string changed = "the packet or the patient's decision was changed outside the site (run pda audit verify)";
        if (entries.Any(e => AuditTrail.HashOf(e, key) != e.Hash)) return changed;
        var created = entries.Select(e => Fingerprints.PacketIn(e.Detail)).FirstOrDefault(f => f is not null);
        if (created is not null && created != Fingerprints.Of(packet)) return changed;
        var decided = entries.FirstOrDefault(e => e.Detail?.Contains($"decision {decision.Id}", StringComparison.Ordinal) == true);
        if (decided is null || Fingerprints.DecisionIn(decided.Detail) is { } fields && fields != Fingerprints.Of(decision)) return changed;
        return null;
    }

    private Task<bool> SameKeyExistsAsync(Guid packetId, string idempotencyKey) =>
        db.ConsentDecisions.AsNoTracking().AnyAsync(d => d.PacketId == packetId && d.IdempotencyKey == idempotencyKey);

    private async Task<StepResult> RefuseAsync(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, Packet packet, string actor, string why)
    {
        await audit.SaveAsync(new AuditEvent(AuditActions.StepRefused, actor, packet.PracticeId, packet.Id, Detail: why));
        await transaction.CommitAsync();
        return StepResult.Refused(why);
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim() is { Length: > 200 } t ? t[..200] : text.Trim();

    public static string? UserAgent(HttpContext http) => http?.Request.Headers.UserAgent.ToString() is { Length: > 0 } ua ? (ua.Length > 400 ? ua[..400] : ua) : null;
}
