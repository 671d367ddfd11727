using DecisionAid.Web.Api;
using DecisionAid.Web.Consent;
using Hl7.Fhir.Model;
using AuditEvent = DecisionAid.Records.Audit.AuditEvent;
using Microsoft.EntityFrameworkCore;

namespace DecisionAid.Web.Fhir;

/// <summary>
/// Sealed consents for health-record systems, as FHIR R4, with the practice's API key (X-Api-Key):
/// GET /fhir/Consent/{id}, GET /fhir/Consent?patient={packet id}, and the PDF at GET /fhir/Binary/consent-{id}.
/// Another practice's record is 404 and audited as denied; every read is audited.
/// </summary>
public static class FhirApi
{
    /// <summary>The base of every fullUrl and of the PDF's address: the site's public address.</summary>
    public static string BaseUrl(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Library.PublicAddress.Of(context.RequestServices.GetRequiredService<IConfiguration>(), context.Request);
    }

    private const string FhirJson = "application/fhir+json; charset=utf-8";

    public static WebApplication MapFhirApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var fhir = app.MapGroup("/fhir").WithTags("FHIR").AddEndpointFilter(PacketsApi.RequireKey);

        fhir.MapGet("/Consent/{id:guid}", async (Guid id, HttpContext context, DecisionAidDb db, AuditTrail audit, ConsentFhir build) =>
            await FindAsync(id, context, db, audit, "fhir") is { } record
                ? Results.Text(ConsentFhir.Json(await build.ConsentAsync(record, FhirApi.BaseUrl(context))), FhirJson)
                : NotFound($"Consent/{id} is not known to this practice"))
            .WithSummary("A sealed consent record as a FHIR R4 Consent");

        fhir.MapGet("/Consent", async (string? patient, HttpContext context, DecisionAidDb db, AuditTrail audit, ConsentFhir build) =>
        {
            var key = (ApiKey)context.Items[nameof(ApiKey)]!;
            var value = patient?.StartsWith("Patient/", StringComparison.Ordinal) == true ? patient["Patient/".Length..] : patient;
            if (!Guid.TryParse(value, out var packetId))
                return Results.Text(ConsentFhir.Json(Outcome(OperationOutcome.IssueType.Invalid, "Search with patient={id} (the packet's id, as in Patient/{id}).")), FhirJson, statusCode: 400);
            var owner = await db.Packets.AsNoTracking().Where(p => p.Id == packetId).Select(p => (Guid?)p.PracticeId).SingleOrDefaultAsync();
            if (owner is { } practice && practice != key.PracticeId)
            {
                // Another practice's patient: the same empty answer as an unknown one, but on the record.
                await audit.SaveAsync(new AuditEvent(AuditActions.AccessDenied, AuditActions.ApiKey(key.Id), key.PracticeId, packetId, Detail: "consent search: another practice's patient"));
            }
            var records = owner == key.PracticeId
                ? await db.ConsentRecords.AsNoTracking().Where(r => r.PacketId == packetId).OrderBy(r => r.SealedAt).ToListAsync()
                : [];
            if (records.Count > 0)
                await audit.SaveAsync([.. records.Select(r => new AuditEvent(AuditActions.ConsentExported, AuditActions.ApiKey(key.Id), key.PracticeId, r.PacketId, r.Id, "fhir search"))]);
            var baseUrl = FhirApi.BaseUrl(context);
            return Results.Text(ConsentFhir.Json(await build.SearchsetAsync(records, baseUrl, $"{baseUrl}/fhir/Consent?patient={packetId}")), FhirJson);
        }).WithSummary("Search sealed consents by patient (the packet's id); a searchset with the records' Patient, Practitioner, QuestionnaireResponse and Provenance");

        fhir.MapGet("/Binary/consent-{id:guid}", async (Guid id, HttpContext context, DecisionAidDb db, AuditTrail audit) =>
            await FindAsync(id, context, db, audit, "pdf") is { } record
                ? Results.File(ConsentRecordPdf.Render(record), "application/pdf", $"consent-{record.Id}.pdf")
                : NotFound($"Binary/consent-{id} is not known to this practice"))
            .WithSummary("The PDF a Consent's sourceAttachment points to");
        return app;
    }

    private static async Task<ConsentRecord?> FindAsync(Guid id, HttpContext context, DecisionAidDb db, AuditTrail audit, string format)
    {
        var key = (ApiKey)context.Items[nameof(ApiKey)]!;
        var actor = AuditActions.ApiKey(key.Id);
        context.Response.Headers.CacheControl = "no-store";
        var record = await db.ConsentRecords.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id);
        if (record is null || record.PracticeId != key.PracticeId)
        {
            await audit.SaveAsync(new AuditEvent(AuditActions.AccessDenied, actor, key.PracticeId, record?.PacketId, record?.Id,
                $"consent {id} {format}: {(record is null ? "no such record" : "another practice")}"));
            return null;
        }
        await audit.SaveAsync(new AuditEvent(AuditActions.ConsentExported, actor, record.PracticeId, record.PacketId, record.Id, format));
        return record;
    }

    private static IResult NotFound(string why) => Results.Text(ConsentFhir.Json(Outcome(OperationOutcome.IssueType.NotFound, why)), FhirJson, statusCode: 404);

    private static OperationOutcome Outcome(OperationOutcome.IssueType type, string text) => new()
    {
        Issue = [new OperationOutcome.IssueComponent { Severity = OperationOutcome.IssueSeverity.Error, Code = type, Diagnostics = text }],
    };
}
