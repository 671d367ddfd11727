using DecisionAid.Web.Library;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DecisionAid.Web.Packets;

/// <summary>
/// The patient's link. GET only shows the date-of-birth form (mail scanners that open links use nothing up);
/// POST checks it, starts a session and redirects to /packet, so the token leaves the address bar.
/// </summary>
public sealed class OpenModel(PacketLinks links, PatientSessions sessions) : PageModel
{
    [BindProperty] public DateOnly? BirthDate { get; set; }
    public string Lang { get; private set; } = "en";
    public bool Failed { get; private set; }

    public void OnGet() => Lang = LanguageRouting.Negotiate(Request);

    public async Task<IActionResult> OnPostAsync(string token)
    {
        Lang = LanguageRouting.Negotiate(Request);
        var packet = BirthDate is { } date ? await links.UnlockAsync(token, date) : null;
        if (packet is null)
        {
            Failed = true;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        await sessions.StartAsync(HttpContext, packet);
        return Redirect("/packet");
    }
}
