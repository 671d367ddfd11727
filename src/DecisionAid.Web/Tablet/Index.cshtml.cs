using DecisionAid.Web.Data;
using DecisionAid.Web.Packets;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DecisionAid.Web.Tablet;

/// <summary>
/// The tablet's home: the patient's packet (or survey) while one is handed over, else a neutral welcome screen that
/// shows nothing of anyone. "I'm finished" and the idle timer end the patient's session here.
/// </summary>
public sealed class IndexModel(TabletSessions tablets, PatientSessions sessions, DecisionAidDb db, Audit.AuditTrail audit) : PageModel
{
    public Practices.Brand? Brand { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Response.Headers.CacheControl = "no-store";
        if (await tablets.CurrentAsync(HttpContext) is not { } tablet) return Redirect("/");
        if (await sessions.VisitAsync(HttpContext) is { } visit && visit.TabletId == tablet.Id)
            return Redirect(visit.WholePacket ? "/packet" : "/packet/survey");
        if (await db.Practices.FindAsync(tablet.PracticeId) is { } practice) Brand = Practices.Brand.Of(practice);
        return Page();
    }

    /// <summary>"I'm finished", or the page's idle timer (reason=idle): the patient's session ends, the welcome screen shows.</summary>
    public async Task<IActionResult> OnPostFinishAsync(string? reason)
    {
        if (await tablets.CurrentAsync(HttpContext) is not { } tablet) return Redirect("/");
        var visit = await sessions.VisitAsync(HttpContext, touch: false);
        await tablets.EndPatientAsync(HttpContext, tablet);
        if (visit is not null)
            await audit.SaveAsync(new Audit.AuditEvent(Audit.AuditActions.TabletFinished, Audit.AuditActions.Patient, tablet.PracticeId, visit.Packet.Id,
                Detail: reason == "idle" ? "idle time reached" : "patient finished"));
        return Redirect("/tablet");
    }

    /// <summary>The page saw a touch: the patient is still there (the server's idle limit starts again).</summary>
    public async Task<IActionResult> OnPostPingAsync() =>
        await sessions.VisitAsync(HttpContext) is { OnTablet: true } ? new NoContentResult() : NotFound();
}
