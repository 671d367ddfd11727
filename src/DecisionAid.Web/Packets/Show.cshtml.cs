using DecisionAid.Core.Content;
using DecisionAid.Rendering.Text;
using DecisionAid.Web.Library;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DecisionAid.Web.Packets;

/// <summary>The patient's own packet: "Your risks", the aid, and the knowledge check, answers saved as they go.</summary>
public sealed class ShowModel(PatientSessions sessions, AidArchive archive, DecisionAidDb db, TimeProvider clock, PacketContent content, Consent.ConsentSteps steps, AuditTrail audit) : PageModel
{
    public Packet Packet { get; private set; } = default!;
    public Aid Aid { get; private set; } = default!;
    public Practices.Brand? Brand { get; private set; }
    /// <summary>"Your risks" and the aid, exactly as a consent will seal them.</summary>
    public string ContentHtml { get; private set; } = "";
    /// <summary>Questions sent over the length limit (without script): shown again, unsaved, with the limit.</summary>
    public string? TypedQuestions { get; private set; }
    /// <summary>Signed: the answers are part of the consent now and cannot change.</summary>
    public bool Locked { get; private set; }

    public string? Answer(string kind, string item) => Packet.Answers.FirstOrDefault(a => a.Kind == kind && a.ItemId == item)?.Value;

    public async Task<IActionResult> OnGetAsync()
    {
        if (await Load() is { } elsewhere) return Redirect(elsewhere);
        ContentHtml = await content.RenderAsync(Packet, Aid);
        await audit.SaveAsync(new AuditEvent(AuditActions.PacketViewed, AuditActions.Patient, Packet.PracticeId, Packet.Id));
        return Page();
    }

    /// <summary>Saves one answer (knowledge, value, sure, satisfaction or questions); the same item answered again replaces it.</summary>
    public async Task<IActionResult> OnPostAnswerAsync(string kind, string item, string? value)
    {
        // A background save (autosave.js) must hear that nothing was saved, not follow a redirect it would take for "saved".
        if (await Load() is { } elsewhere) return Request.Headers.ContainsKey("X-Autosave") ? Unauthorized() : Redirect(elsewhere);
        value = (value ?? "").Trim();
        // The survey is answered on its own page, where a signed consent does not freeze it.
        if (kind == AnswerKinds.Survey) return BadRequest("the post-visit survey is answered at /packet/survey");
        if (AnswerKinds.Problem(Aid, kind, item, value) is { } problem)
        {
            // Questions too long, sent without script: the page again, with what was typed and how long it is.
            if (kind == AnswerKinds.Questions && !Request.Headers.ContainsKey("X-Autosave") && value.Length > AnswerKinds.MaxQuestionsLength)
            {
                TypedQuestions = value;
                ContentHtml = await content.RenderAsync(Packet, Aid);
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Page();
            }
            return BadRequest(problem);
        }
        // Checked again under the audit trail's lock: a signature cannot land between this check and the save.
        await using var transaction = await audit.BeginAsync();
        if ((await steps.StateAsync(Packet.Id)).AnswersLocked) return new ConflictObjectResult("the patient has signed; the answers are part of the consent now");
        var now = clock.GetUtcNow().UtcDateTime;
        AnswerKinds.Put(Packet, kind, item, value, now);
        // Finished once the knowledge check, the SURE test and the satisfaction item are all answered.
        bool Has(string k, string i) => Packet.Answers.Any(a => a.Kind == k && a.ItemId == i);
        if (Aid.KnowledgeCheck.All(q => Has(AnswerKinds.Knowledge, q.Id)) && AnswerKinds.SureItems.All(i => Has(AnswerKinds.Sure, i))
            && Has(AnswerKinds.Satisfaction, AnswerKinds.Single))
            Packet.FinishedAt ??= now;
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        // A knowledge answer saved in the background gets its feedback to show beside it; a form post comes back to its question.
        if (kind == AnswerKinds.Knowledge && Aid.KnowledgeCheck.FirstOrDefault(q => q.Id == item) is { } question)
            return Request.Headers.ContainsKey("X-Autosave")
                ? Partial("_KnowledgeFeedback", new KnowledgeFeedback(question, Aid.Texts[Packet.Language].KnowledgeCheck[item], UiText.For(Packet.Language), value))
                : Redirect($"/packet#kc-{item}");
        return Redirect($"/packet#{Anchor(kind)}");
    }

    /// <summary>30 more seconds of reading (the page calls this while visible); at most 4 hours are counted per packet.</summary>
    public async Task<IActionResult> OnPostReadingAsync()
    {
        if (await sessions.VisitAsync(HttpContext, touch: false) is not { WholePacket: true, Packet: var packet }) return NotFound();
        await OutcomeCounts.ExecuteAsync(db, packet.Id, () => db.Packets.Where(p => p.Id == packet.Id && p.ReadingSeconds < MaxReadingSeconds)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.ReadingSeconds, p => p.ReadingSeconds + ReadingStep)));
        return new NoContentResult();
    }

    public const int ReadingStep = 30, MaxReadingSeconds = 4 * 3600;

    private static string Anchor(string kind) => kind switch
    {
        AnswerKinds.Knowledge => "my-check",
        AnswerKinds.Value => "what-matters",
        AnswerKinds.Sure => "how-sure",
        AnswerKinds.Satisfaction => "satisfaction",
        _ => "my-questions",
    };

    /// <summary>Null when the whole packet is open to this session; else where to go instead.</summary>
    private async Task<string?> Load()
    {
        Response.Headers.CacheControl = "no-store";
        var visit = await sessions.VisitAsync(HttpContext);
        if (visit is { WholePacket: false }) return "/packet/survey";
        if (visit is null || await archive.ForPacketAsync(db, visit.Packet) is not { } aid || !aid.Texts.ContainsKey(visit.Packet.Language))
            return PatientSessions.NoSessionPage(Request);
        Packet = visit.Packet;
        Aid = aid;
        var practice = await db.Practices.FindAsync(Packet.PracticeId);
        if (practice is not null) Brand = Practices.Brand.Of(practice);
        TabletIdleSeconds = visit.IdleSeconds;
        SigningHere = !visit.OnTablet || practice?.SigningOnSharedDevice == true;
        Locked = (await steps.StateAsync(Packet.Id)).AnswersLocked;
        return null;
    }

    /// <summary>On a clinic tablet: its idle time (the page shows "I'm finished" and keeps no downloads); null on the patient's own device.</summary>
    public int? TabletIdleSeconds { get; private set; }
    /// <summary>Whether the consent can be signed here: always on the patient's device, on a tablet only if the practice allows it.</summary>
    public bool SigningHere { get; private set; }
}
