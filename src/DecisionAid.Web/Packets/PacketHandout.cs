using DecisionAid.Core.Personalising;
using DecisionAid.Rendering.Pdf;
using DecisionAid.Web.Clinic;
using DecisionAid.Web.Consent;
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
        app.MapGet("/packet/handout.pdf", async (HttpContext context, PatientSessions sessions, AidArchive archive, DecisionAidDb db, AuditTrail audit) =>
        {
            if (await sessions.OwnDeviceAsync(context) is not { } packet) return Results.NotFound();
            await audit.SaveAsync(new AuditEvent(AuditActions.PacketExported, AuditActions.Patient, packet.PracticeId, packet.Id, Detail: "handout pdf"));
            return await Pdf(context, packet, archive, db);
        });

        // The aftercare page to keep by the phone: every item for everyone, or the patient's own with the practice's numbers.
        app.MapGet("/{lang:lang}/aids/{id}/aftercare.pdf", (string lang, string id, AidLibrary library) =>
            library.Find(id) is { } aid && aid.Texts.ContainsKey(lang) && aid.Aftercare.Count > 0
                ? Results.File(AftercarePdf.Render(aid, lang), "application/pdf", $"{aid.Id}-aftercare-{lang}.pdf")
                : Results.NotFound());
        app.MapGet("/packet/aftercare.pdf", async (HttpContext context, PatientSessions sessions, AidArchive archive, DecisionAidDb db, AuditTrail audit) =>
        {
            if (await sessions.OwnDeviceAsync(context) is not { } packet || await archive.ForPacketAsync(db, packet) is not { } aid || aid.Aftercare.Count == 0) return Results.NotFound();
            var practice = await db.Practices.AsNoTracking().Include(p => p.Texts).SingleAsync(p => p.Id == packet.PracticeId);
            await audit.SaveAsync(new AuditEvent(AuditActions.PacketExported, AuditActions.Patient, packet.PracticeId, packet.Id, Detail: "aftercare pdf"));
            context.Response.Headers.CacheControl = "no-store";
            var pdf = AftercarePdf.Render(aid, packet.Language, practice.BrandIn(packet.Language),
                new DecisionAid.Core.Personalising.PacketChoices(packet.Target, packet.Method, packet.HealthFactorIds));
            return Results.File(pdf, "application/pdf", $"{aid.Id}-aftercare-{packet.Language}.pdf");
        });

        app.MapGet("/clinic/packets/{id:guid}/handout.pdf", async (Guid id, HttpContext context, AidArchive archive, DecisionAidDb db, AuditTrail audit) =>
        {
            var clinician = ClinicPolicies.Current(context);
            var actor = AuditActions.Clinician(clinician);
            var packet = await db.Packets.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id);
            if (packet is null || packet.PracticeId != clinician.PracticeId)
            {
                await audit.SaveAsync(new AuditEvent(AuditActions.AccessDenied, actor, clinician.PracticeId, packet?.Id,
                    Detail: $"handout of packet {id}: {(packet is null ? "no such packet" : "another practice")}"));
                return Results.NotFound();
            }
            await audit.SaveAsync(new AuditEvent(AuditActions.PacketExported, actor, packet.PracticeId, packet.Id, Detail: "handout pdf"));
            return await Pdf(context, packet, archive, db);
        }).RequireAuthorization(ClinicPolicies.Clinician);
        return app;
    }

    private static async Task<IResult> Pdf(HttpContext context, Packet packet, AidArchive archive, DecisionAidDb db)
    {
        if (await archive.ForPacketAsync(db, packet) is not { } aid || !aid.Texts.ContainsKey(packet.Language)) return Results.NotFound();
        var practice = await db.Practices.AsNoTracking().Include(p => p.Texts).SingleAsync(p => p.Id == packet.PracticeId);
        var risks = YourRisks.For(aid, new PacketChoices(packet.Target, packet.Method, packet.HealthFactorIds));
        var pdf = HandoutPdf.Render(aid, packet.Language, practice.BrandIn(packet.Language), risks, packet.PatientName);
        context.Response.Headers.CacheControl = "no-store";
        return Results.File(pdf, "application/pdf", $"{aid.Id}-{packet.Language}.pdf");
    }
}
