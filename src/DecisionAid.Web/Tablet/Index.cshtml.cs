using DecisionAid.Web.Packets;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DecisionAid.Web.Tablet;

/// <summary>
/// The tablet's home: the patient's packet (or survey) while one is handed over, else a neutral welcome screen that
/// shows nothing of anyone. "I'm finished" and the idle timer end the patient's session here.
/// </summary>
public sealed class IndexModel(TabletSessions tablets, PatientSessions sessions, DecisionAidDb db, AuditTrail audit, AidArchive archive) : PageModel
{
    public Practices.Brand? Brand { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Response.Headers.CacheControl = "no-store";
        if (await tablets.CurrentAsync(HttpContext) is not { } tablet) return Redirect("/");
        if (await sessions.VisitAsync(HttpContext) is { } visit && visit.TabletId == tablet.Id)
        {
            // An aid no longer in the library would send /packet back here: end that session instead of looping.
            if (!visit.WholePacket || (await archive.ForPacketAsync(db, visit.Packet))?.Texts.ContainsKey(visit.Packet.Language) == true)
                return Redirect(visit.WholePacket ? "/packet" : "/packet/survey");
            await tablets.EndPatientAsync(HttpContext, tablet);
        }
        if (await db.Practices.FindAsync(tablet.PracticeId) is { } practice) Brand = Practices.Brand.Of(practice);
        return Page();
    }

    /// <summary>"I'm finished", or the page's idle timer (reason=idle): the patient's session ends, the welcome screen shows.</summary>
    public async Task<IActionResult> OnPostFinishAsync(string? reason)
    {
        var visit = await sessions.VisitAsync(HttpContext, touch: false);
        await sessions.EndAsync(HttpContext); // whatever else holds: the patient's session on this browser ends
        var tablet = await tablets.CurrentAsync(HttpContext);
        if (tablet is not null) await tablets.EndPatientAsync(HttpContext, tablet);
        if (visit is not null)
            await audit.SaveAsync(new AuditEvent(AuditActions.TabletFinished, AuditActions.Patient, visit.Packet.PracticeId, visit.Packet.Id,
                Detail: reason == "idle" ? "idle time reached" : "patient finished"));
        // Clears what the browser may keep of the pages (its cache, and pages held for the back button).
        Response.Headers["Clear-Site-Data"] = "\"cache\"";
        return Redirect(tablet is null ? "/" : "/tablet");
    }

    /// <summary>The page saw a touch: the patient is still there (the server's idle limit starts again).</summary>
    public async Task<IActionResult> OnPostPingAsync() =>
        await sessions.VisitAsync(HttpContext) is { OnTablet: true } ? new NoContentResult() : NotFound();
}
