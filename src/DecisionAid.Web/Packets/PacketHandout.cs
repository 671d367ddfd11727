using DecisionAid.Core.Personalising;
using DecisionAid.Rendering.Pdf;
using DecisionAid.Web.Clinic;
using DecisionAid.Web.Data;
using DecisionAid.Web.Library;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DecisionAid.Web.Packets;

/// <summary>
/// The branded, personalised PDF handout of a packet: for the patient from their session, for a clinician of the
/// packet's practice from the clinic (another practice's packet is 404). Made on the server, no browser involved.
/// </summary>
public static class PacketHandout
{
    public static WebApplication MapPacketHandouts(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/packet/handout.pdf", async (HttpContext context, PatientSessions sessions, AidLibrary library, DecisionAidDb db) =>
            await sessions.CurrentAsync(context) is { } packet ? await Pdf(context, packet, library, db) : Results.NotFound());

        app.MapGet("/clinic/packets/{id:guid}/handout.pdf", async (Guid id, HttpContext context, UserManager<Clinician> users, AidLibrary library, DecisionAidDb db) =>
        {
            var clinician = await users.GetUserAsync(context.User);
            if (clinician is null || !clinician.TwoFactorEnabled) return Results.Challenge();
            var packet = await db.Packets.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id && p.PracticeId == clinician.PracticeId);
            return packet is null ? Results.NotFound() : await Pdf(context, packet, library, db);
        }).RequireAuthorization();
        return app;
    }

    private static async Task<IResult> Pdf(HttpContext context, Packet packet, AidLibrary library, DecisionAidDb db)
    {
        if (library.Find(packet.AidId) is not { } aid || !aid.Texts.ContainsKey(packet.Language)) return Results.NotFound();
        var practice = await db.Practices.AsNoTracking().SingleAsync(p => p.Id == packet.PracticeId);
        var risks = YourRisks.For(aid, new PacketChoices(packet.Target, packet.Method, packet.HealthFactorIds));
        var pdf = HandoutPdf.Render(aid, packet.Language, new HandoutBrand(practice.Name, practice.Phone, practice.PhoneAfterHours, practice.Address), risks, packet.PatientName);
        context.Response.Headers.CacheControl = "no-store";
        return Results.File(pdf, "application/pdf", $"{aid.Id}-{packet.Language}.pdf");
    }
}
