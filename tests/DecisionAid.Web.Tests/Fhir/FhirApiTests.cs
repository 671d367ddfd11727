using System.Net;
using System.Security.Cryptography;
using AngleSharp.Html.Parser;
using DecisionAid.Cli;
using DecisionAid.Web.Tests.Clinic;
using DecisionAid.Web.Tests.Consent;
using DecisionAid.Web.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace DecisionAid.Web.Tests.Fhir;

/// <summary>Health-record systems read sealed consents as FHIR R4 with the practice's API key; `pda export consent` writes the same.</summary>
public sealed class FhirApiTests
{
    private static async Task<string> NewKeyAsync(HttpClient clinician)
    {
        var created = await SignedInClinic.PostFormAsync(clinician, "/clinic/api-keys?handler=Create", new Dictionary<string, string> { ["Name"] = "EHR" }, "/clinic/api-keys");
        return new HtmlParser().ParseDocument(await created.Content.ReadAsStringAsync()).QuerySelector("code.link")!.TextContent;
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string url, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (key is not null) request.Headers.Add("X-Api-Key", key);
        return await client.SendAsync(request);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_record_system_reads_a_consent_searches_by_patient_and_fetches_the_pdf(string provider)
    {
        using var s = await ConsentScenario.StartAsync(provider);
        var recordId = await s.SignAndCountersignAsync();
        var key = await NewKeyAsync(s.Clinician);
        var api = s.Clinic.NewBrowser();

        var read = await GetAsync(api, $"/fhir/Consent/{recordId}", key);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("application/fhir+json", read.Content.Headers.ContentType!.MediaType);
        var consent = await read.Content.ReadAsStringAsync();
        FhirValidation.AssertValid(consent);
        Assert.Contains("\"resourceType\": \"Consent\"", consent, StringComparison.Ordinal);
        Assert.Contains("\"code\": \"treatment\"", consent, StringComparison.Ordinal);
        Assert.Contains("59284-0", consent, StringComparison.Ordinal);

        var search = await (await GetAsync(api, $"/fhir/Consent?patient=Patient/{s.PacketId}", key)).Content.ReadAsStringAsync();
        FhirValidation.AssertValid(search);
        Assert.Contains("\"type\": \"searchset\"", search, StringComparison.Ordinal);
        Assert.Contains("\"total\": 1", search, StringComparison.Ordinal);
        Assert.Contains("\"resourceType\": \"Provenance\"", search, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await GetAsync(api, "/fhir/Consent?patient=someone", key)).StatusCode);

        // The PDF the Consent points to is the one whose SHA-1 it names.
        var pdf = await (await GetAsync(api, $"/fhir/Binary/consent-{recordId}", key)).Content.ReadAsByteArrayAsync();
#pragma warning disable CA5350 // R4's Attachment.hash is SHA-1 by definition
        Assert.Contains(Convert.ToBase64String(SHA1.HashData(pdf)), consent, StringComparison.Ordinal);
#pragma warning restore CA5350

        // No key, a wrong key, or another practice's key: nothing.
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(api, $"/fhir/Consent/{recordId}", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(api, $"/fhir/Consent/{recordId}", "wrong-key-wrong-key-wrong-key")).StatusCode);
        var (other, otherPractice) = await s.Clinic.NewPracticeAsync("Other Clinic");
        var otherKey = await NewKeyAsync(other);
        var denied = await GetAsync(api, $"/fhir/Consent/{recordId}", otherKey);
        Assert.Equal(HttpStatusCode.NotFound, denied.StatusCode);
        FhirValidation.AssertValid(await denied.Content.ReadAsStringAsync()); // an OperationOutcome
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(api, $"/fhir/Binary/consent-{recordId}", otherKey)).StatusCode);
        Assert.Contains("\"total\": 0", await (await GetAsync(api, $"/fhir/Consent?patient={s.PacketId}", otherKey)).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await using var db = s.Clinic.Database.Open();
        Assert.Equal(3, await db.AuditEntries.CountAsync(e => e.Action == AuditActions.AccessDenied && e.PracticeId == otherPractice));
        Assert.True(await db.AuditEntries.CountAsync(e => e.Action == AuditActions.ConsentExported && e.Actor.StartsWith("api-key:")) >= 3);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Pda_exports_a_consent_as_fhir_and_as_the_same_pdf_the_site_serves(string provider)
    {
        using var s = await ConsentScenario.StartAsync(provider);
        var recordId = await s.SignAndCountersignAsync();
        var folder = TestFolders.NewTemp("pda-export");
        var keyFile = Path.Combine(folder, "seal.key");
        await File.WriteAllTextAsync(keyFile, SiteFactory.SealKey, TestContext.Current.CancellationToken);
        try
        {
            string[] where = [.. s.Clinic.Database.CliArgs(), "--seal-key-file", keyFile, "--content", TestFolders.ShippedContent()];
            using var output = new StringWriter();
            using var error = new StringWriter();
            var json = Path.Combine(folder, "consent.json");
            Assert.Equal(PdaCommand.Ok, PdaCommand.Run(["export", "consent", recordId.ToString(), "--format", "fhir", "--out", json, .. where], output, error));
            var bundle = await File.ReadAllTextAsync(json, TestContext.Current.CancellationToken);
            FhirValidation.AssertValid(bundle);
            Assert.Contains("Ana Ruiz", PdfText.Read(await (await s.Clinician.GetAsync($"/clinic/consents/{recordId}/pdf")).Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);

            var pdf = Path.Combine(folder, "consent.pdf");
            Assert.Equal(PdaCommand.Ok, PdaCommand.Run(["export", "consent", recordId.ToString(), "--format", "pdf", "--out", pdf, .. where], output, error));
            Assert.Equal(await (await s.Clinician.GetAsync($"/clinic/consents/{recordId}/pdf")).Content.ReadAsByteArrayAsync(), await File.ReadAllBytesAsync(pdf, TestContext.Current.CancellationToken));
            Assert.Contains($"consent record {recordId}", output.ToString(), StringComparison.Ordinal);

            Assert.Equal(PdaCommand.ProblemsFound, PdaCommand.Run(["export", "consent", Guid.NewGuid().ToString(), .. where], output, error));
            Assert.Contains("no consent record", error.ToString(), StringComparison.Ordinal);
            await using var db = s.Clinic.Database.Open();
            Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.Action == AuditActions.ConsentExported && e.Actor == "cli"));
            Assert.True((await AuditVerification.RunAsync(db, new DecisionAid.Records.Consent.SealKey(Convert.FromBase64String(SiteFactory.SealKey)), cancel: TestContext.Current.CancellationToken)).Intact);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_withdrawn_consent_reads_inactive_wherever_it_is_read_while_its_sealed_document_stays_unchanged(string provider)
    {
        using var s = await ConsentScenario.StartAsync(provider);
        var recordId = await s.SignAndCountersignAsync();
        string sealedBefore;
        await using (var db = s.Clinic.Database.Open()) sealedBefore = (await db.ConsentRecords.SingleAsync(r => r.Id == recordId, TestContext.Current.CancellationToken)).Document;
        Assert.Equal(HttpStatusCode.Redirect, (await s.WithdrawByPatientAsync()).StatusCode);
        Guid withdrawalId;
        DateTime withdrawnAt;
        await using (var db = s.Clinic.Database.Open())
        {
            var withdrawal = await db.ConsentRecords.SingleAsync(r => r.Kind == "withdrawal", TestContext.Current.CancellationToken);
            (withdrawalId, withdrawnAt) = (withdrawal.Id, withdrawal.SealedAt);
            Assert.Equal(sealedBefore, (await db.ConsentRecords.SingleAsync(r => r.Id == recordId, TestContext.Current.CancellationToken)).Document);
        }
        var key = await NewKeyAsync(s.Clinician);
        var api = s.Clinic.NewBrowser();
        var end = withdrawnAt.ToString("yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var json in new[]
        {
            await (await GetAsync(api, $"/fhir/Consent/{recordId}", key)).Content.ReadAsStringAsync(),
            await (await s.Clinician.GetAsync($"/clinic/consents/{recordId}/fhir")).Content.ReadAsStringAsync(),
        })
        {
            FhirValidation.AssertValid(json);
            var consent = System.Text.Json.JsonDocument.Parse(json).RootElement;
            if (consent.GetProperty("resourceType").GetString() == "Bundle")
                consent = consent.GetProperty("entry").EnumerateArray().Select(e => e.GetProperty("resource")).Single(r => r.GetProperty("resourceType").GetString() == "Consent");
            Assert.Equal("inactive", consent.GetProperty("status").GetString());
            Assert.StartsWith(end, consent.GetProperty("provision").GetProperty("period").GetProperty("end").GetString(), StringComparison.Ordinal);
            Assert.Contains($"Consent/{withdrawalId}", consent.GetProperty("extension").GetRawText(), StringComparison.Ordinal);
        }
    }
}
