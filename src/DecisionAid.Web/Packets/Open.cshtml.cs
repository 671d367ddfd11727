using DecisionAid.Web.Library;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DecisionAid.Web.Packets;

/// <summary>
/// The patient's link. GET only shows the date-of-birth form (mail scanners that open links use nothing up), in the
/// packet's language unless the patient switches; POST checks it, starts a session and redirects to /packet, so the
/// token leaves the address bar. A link that rests or has ended says which, so the patient knows to wait or to ask.
/// </summary>
public sealed class OpenModel(PacketLinks links, PatientSessions sessions, DecisionAidDb db, TimeProvider clock) : PageModel
{
    [BindProperty] public DateOnly? BirthDate { get; set; }
    [BindProperty(SupportsGet = true)] public string? Lang { get; set; }
    public Unlock? Result { get; private set; }
    /// <summary>Whole minutes until a resting link opens again (at least 1).</summary>
    public int RestMinutes => Result?.RestingUntil is { } until ? Math.Max(1, (int)Math.Ceiling((until - clock.GetUtcNow().UtcDateTime).TotalMinutes)) : 0;

    public async Task OnGetAsync(string token)
    {
        var packet = await FindAsync(token);
        Lang = Chosen() ?? packet?.Language ?? LanguageRouting.Negotiate(Request);
        // Say at once when the link cannot open, before the patient types anything.
        if (packet is not null && PacketLinks.StateOf(packet, clock.GetUtcNow().UtcDateTime) is { Outcome: UnlockOutcome.Resting or UnlockOutcome.Ended } state)
            Result = state;
    }

    public async Task<IActionResult> OnPostAsync(string token)
    {
        Lang = Chosen() ?? (await FindAsync(token))?.Language ?? LanguageRouting.Negotiate(Request);
        Result = BirthDate is { } date ? await links.UnlockAsync(token, date) : new Unlock(UnlockOutcome.WrongOrUnknown);
        if (Result is not { Outcome: UnlockOutcome.Open, Packet: { } packet })
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        await sessions.StartAsync(HttpContext, packet);
        return Redirect("/packet");
    }

    private string? Chosen() => Lang is { } l && LanguageRouting.Spoken(HttpContext).Contains(l) ? l : null;

    private async Task<Packet?> FindAsync(string token) =>
        !PacketLinks.Plausible(token) ? null : await db.Packets.AsNoTracking().SingleOrDefaultAsync(p => p.TokenHash == PacketLinks.Hash(token));
}
