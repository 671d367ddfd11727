using DecisionAid.Core.Consent;
using DecisionAid.Rendering.Pdf;
using DecisionAid.Web.Clinic;
using DecisionAid.Web.Fhir;
using DecisionAid.Web.Packets;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DecisionAid.Web.Consent;

/// <summary>
/// Copies of sealed records: the patient's newest one from their packet, and any of the practice's for a clinician
/// (PDF or FHIR bundle). Every download is audited; another practice's record is 404 and audited as denied.
/// </summary>
public static class ConsentDownloads
{
    public static WebApplication MapConsentDownloads(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/packet/consent.pdf", async (HttpContext context, PatientSessions sessions, ConsentSteps steps, AuditTrail audit) =>
        {
            if (await sessions.OwnDeviceAsync(context) is not { } packet) return Results.NotFound();
            if (await steps.NewestRecordAsync(packet.Id) is not { } record) return Results.NotFound();
            await audit.SaveAsync(new AuditEvent(AuditActions.ConsentExported, AuditActions.Patient, packet.PracticeId, packet.Id, record.Id, "pdf"));
            return Pdf(context, record, forPatient: true);
        });

        app.MapGet("/clinic/consents/{id:guid}/{format:regex(^(pdf|fhir)$)}", async (Guid id, string format, HttpContext context,
            DecisionAidDb db, AuditTrail audit, ConsentFhir fhir) =>
        {
            var clinician = ClinicPolicies.Current(context);
            var actor = AuditActions.Clinician(clinician);
            var record = await db.ConsentRecords.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id);
            if (record is null || record.PracticeId != clinician.PracticeId)
            {
                await audit.SaveAsync(new AuditEvent(AuditActions.AccessDenied, actor, clinician.PracticeId, record?.PacketId, record?.Id,
                    $"consent {id} {format}: {(record is null ? "no such record" : "another practice")}"));
                return Results.NotFound();
            }
            await audit.SaveAsync(new AuditEvent(AuditActions.ConsentExported, actor, record.PracticeId, record.PacketId, record.Id, format));
            if (format == "pdf") return Pdf(context, record);
            context.Response.Headers.CacheControl = "no-store";
            var bundle = await fhir.BundleAsync(record, FhirApi.BaseUrl(context));
            return Results.Text(ConsentFhir.Json(bundle), "application/fhir+json; charset=utf-8");
        }).RequireAuthorization(ClinicPolicies.Clinician);
        return app;
    }

    private static IResult Pdf(HttpContext context, ConsentRecord record, bool forPatient = false)
    {
        context.Response.Headers.CacheControl = "no-store";
        return Results.File(ConsentRecordPdf.Render(record, forPatient), "application/pdf", $"consent-{record.Id}.pdf");
    }
}
