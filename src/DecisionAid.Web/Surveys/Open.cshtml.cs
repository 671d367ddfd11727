using DecisionAid.Web.Library;
using DecisionAid.Web.Packets;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DecisionAid.Web.Surveys;

/// <summary>
/// The survey link. GET only shows a start button in the packet's language (link scanners use nothing up); POST
/// starts a survey-only session and redirects to /packet/survey, so the token leaves the address bar.
/// </summary>
public sealed class OpenModel(SurveyLinks links, PatientSessions sessions, DecisionAidDb db) : PageModel
{
    public string Lang { get; private set; } = "en";
    public bool Failed { get; private set; }

    public async Task OnGetAsync(string token) => Lang = await LanguageOf(token) ?? LanguageRouting.Negotiate(Request);

    public async Task<IActionResult> OnPostAsync(string token)
    {
        if (await links.OpenAsync(token) is not { } packet)
        {
            Lang = LanguageRouting.Negotiate(Request);
            Failed = true;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        // Already in this packet on this device: keep that session (a survey-only one would close the packet).
        if (await sessions.VisitAsync(HttpContext) is not { WholePacket: true } visit || visit.Packet.Id != packet.Id)
            await sessions.StartAsync(HttpContext, packet, PatientSession.SurveyScope);
        return Redirect("/packet/survey");
    }

    private async Task<string?> LanguageOf(string token) => !Packets.PacketLinks.Plausible(token) ? null
        : await db.Packets.Where(p => p.SurveyTokenHash == PacketLinks.Hash(token)).Select(p => p.Language).SingleOrDefaultAsync();
}
