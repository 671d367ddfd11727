using DecisionAid.Core.Content;
using DecisionAid.Web.Library;
using DecisionAid.Web.Packets;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DecisionAid.Web.Consent;

/// <summary>
/// The patient's consent step, after the knowledge check: what signing electronically means, the statement made
/// from their packet, and the signature (typed name and a drawing), or "talk first" or "decline". Once signed, they
/// wait for the clinician; once sealed, they can download their copy or withdraw.
/// </summary>
public sealed class DecideModel(PatientSessions sessions, AidArchive archive, ConsentSteps steps, AuditTrail audit, DecisionAidDb db) : PageModel
{
    public Packet Packet { get; private set; } = default!;
    public Aid Aid { get; private set; } = default!;
    public ConsentState State { get; private set; } = default!;
    public Practices.Brand? Brand { get; private set; }
    public bool KnowledgeCheckDone { get; private set; }
    public string Statement { get; private set; } = "";
    /// <summary>A fresh key per page: submitting this page twice makes one decision.</summary>
    public string IdempotencyKey { get; } = Security.Secrets.Token();
    public string? Problem { get; private set; }
    /// <summary>The problem is the missing drawing: shown inside the signature box, not above the name.</summary>
    public bool DrawingProblem { get; private set; }
    [BindProperty] public string? TypedName { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await Load() is { } elsewhere) return Redirect(elsewhere);
        await audit.SaveAsync(new AuditEvent(AuditActions.ConsentViewed, AuditActions.Patient, Packet.PracticeId, Packet.Id));
        return Page();
    }

    public async Task<IActionResult> OnPostDecideAsync(string choice, string? strokes, string idempotency)
    {
        if (await Load() is { } elsewhere) return Redirect(elsewhere);
        var result = await steps.DecideAsync(Packet, Aid, choice, TypedName, strokes, Key(idempotency) + ":" + choice, HttpContext);
        if (result.Done) return Redirect("/packet/consent#decision");
        var words = Rendering.Text.ConsentText.For(Packet.Language);
        Problem = result.Refusal switch { "name" => words.NameMissing, "unprintable name" => words.NameUnprintable, "drawing" => words.DrawingMissing, _ => null };
        DrawingProblem = result.Refusal == "drawing";
        if (Problem is null) return new ConflictObjectResult(result.Refusal);
        State = await steps.StateAsync(Packet.Id);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public async Task<IActionResult> OnPostWithdrawAsync(bool confirm, string idempotency)
    {
        if (await Load() is { } elsewhere) return Redirect(elsewhere);
        if (!confirm) return Redirect("/packet/consent#withdraw");
        var result = await steps.WithdrawAsync(Packet, null, Key(idempotency) + ":withdraw", HttpContext);
        return result.Done ? Redirect("/packet/consent#decision") : new ConflictObjectResult(result.Refusal);
    }

    /// <summary>
    /// The page's key (one per rendering; each button adds its own suffix), or a new one when a hand-made request
    /// brings none, in which case nothing can be recognised as a repeat.
    /// </summary>
    private static string Key(string? given) => given is { Length: >= 16 and <= 44 } ? given : Security.Secrets.Token();

    /// <summary>On a clinic tablet (that allows signing): its idle time; the page offers no download there.</summary>
    public int? TabletIdleSeconds { get; private set; }

    /// <summary>Null when this session can decide here; else where it goes: the survey it opens, the packet on a tablet that does not take signatures, or away.</summary>
    private async Task<string?> Load()
    {
        var visit = await sessions.VisitAsync(HttpContext);
        if (visit is null) return PatientSessions.NoSessionPage(Request);
        if (!visit.WholePacket) return "/packet/survey";
        if (await archive.ForPacketAsync(db, visit.Packet) is not { } aid || !aid.Texts.ContainsKey(visit.Packet.Language)) return $"/{LanguageRouting.Negotiate(Request)}/";
        var packet = visit.Packet;
        // On a shared clinic tablet the patient signs only where the practice allows it.
        if (visit.OnTablet && (await db.Practices.FindAsync(packet.PracticeId))?.SigningOnSharedDevice != true) return "/packet";
        TabletIdleSeconds = visit.IdleSeconds;
        Packet = packet;
        Aid = aid;
        KnowledgeCheckDone = ConsentSteps.KnowledgeCheckDone(packet, aid);
        State = await steps.StateAsync(packet.Id);
        Statement = ConsentSteps.Statement(packet, aid).ToText();
        if (await db.Practices.FindAsync(packet.PracticeId) is { } practice) Brand = Practices.Brand.Of(practice);
        Response.Headers.CacheControl = "no-store";
        return null;
    }
}
