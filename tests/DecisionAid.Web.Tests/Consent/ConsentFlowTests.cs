using System.Net;
using System.Security.Cryptography;
using System.Text;
using DecisionAid.Core.Consent;
using DecisionAid.Web.Consent;
using DecisionAid.Web.Tests.Data;

using Microsoft.EntityFrameworkCore;

namespace DecisionAid.Web.Tests.Consent;

/// <summary>The consent from the patient's signature to the sealed record and its copies; on both databases.</summary>
public sealed class ConsentFlowTests
{
    private static readonly SealKey TestKey = new(Convert.FromBase64String(SiteFactory.SealKey));

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_signed_and_countersigned_consent_is_sealed_to_exactly_what_the_patient_was_shown(string provider)
    {
        using var s = await ConsentScenario.StartAsync(provider);
        await s.AnswerKnowledgeCheckAsync();
        var packetPage = await (await s.Patient.GetAsync("/packet")).Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await s.DecideAsync("signed")).StatusCode);
        var signedPage = await (await s.Patient.GetAsync("/packet/consent")).Content.ReadAsStringAsync();
        Assert.Contains("You signed on", signedPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await s.Patient.GetAsync("/packet/consent.pdf")).StatusCode); // nothing sealed yet

        Assert.Equal(HttpStatusCode.Redirect, (await s.CountersignAsync()).StatusCode);

        await using var db = s.Clinic.Database.Open();
        var record = await db.ConsentRecords.SingleAsync();
        Assert.Equal(SealedDocument.Sha256(record.Document), record.DocumentHash);
        Assert.Equal(Convert.ToHexStringLower(HMACSHA256.HashData(Convert.FromBase64String(SiteFactory.SealKey), Encoding.UTF8.GetBytes(record.Document))), record.Hmac);
        var document = SealedDocument.Parse(record.Document)!;
        Assert.Equal(("neurolysis", "en", s.Aid.Version), (document.Packet.Aid, document.Packet.Language, document.Packet.ContentVersion));
        Assert.Equal(("celiac-plexus", "medicine"), (document.Packet.Target, document.Packet.Method));
        Assert.Equal(["blood-thinners"], document.Packet.HealthFactors);

        // The content hash is of the HTML the packet page showed, byte for byte, and that HTML is kept.
        var shown = await db.ShownContents.SingleAsync(c => c.Hash == document.ShownContentHash);
        Assert.Equal(document.ShownContentHash, SealedDocument.Sha256(shown.Html));
        Assert.Contains(shown.Html, packetPage, StringComparison.Ordinal);

        // The statement names the procedure, the nerve, the method, every risk shown (with "higher for me") and the alternatives.
        Assert.Contains("I agree to have this procedure: Neurolysis.", document.Statement, StringComparison.Ordinal);
        Assert.Contains("The nerve to treat: Celiac plexus.", document.Statement, StringComparison.Ordinal);
        Assert.Contains("- Bleeding: 1 in 1,000 people (may be higher for me)", document.Statement, StringComparison.Ordinal);
        Assert.Contains("- Infection: 1 in 1,000 people", document.Statement, StringComparison.Ordinal);
        Assert.Contains("The other choices I was shown:", document.Statement, StringComparison.Ordinal);

        Assert.Equal(ConsentScenario.PatientName, document.PatientSignature.TypedName);
        Assert.StartsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"", document.PatientSignature.SignatureSvg, StringComparison.Ordinal);
        Assert.Contains("M40 150 L90 60", document.PatientSignature.SignatureSvg, StringComparison.Ordinal);
        var clinician = document.ClinicianSignature!;
        Assert.True(clinician.ConversationConfirmed);
        Assert.Equal(("Ana Ruiz", "Spanish", "Sam Nurse"), (clinician.InterpreterName, clinician.InterpreterLanguage, clinician.Witness));
        Assert.True(string.CompareOrdinal(document.PatientSignature.At, clinician.At) <= 0);
        Assert.EndsWith("Z", clinician.At, StringComparison.Ordinal);
        Assert.Equal(6, document.Answers.Count(a => a.Kind == "knowledge"));

        // The clinician sees the drawing as an image (an SVG in an img element runs no script), never as inline markup.
        var clinicPage = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await (await s.Clinician.GetAsync($"/clinic/packets/{s.PacketId}/consent")).Content.ReadAsStringAsync());
        Assert.StartsWith("data:image/svg+xml;base64,", clinicPage.QuerySelector(".signature-image img")!.GetAttribute("src"), StringComparison.Ordinal);
        Assert.Empty(clinicPage.QuerySelectorAll("main svg"));

        // Sealed means the answers are frozen and the patient cannot sign again.
        await s.AnswerAsync("knowledge", "main-risk", "other-nerves", HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.Conflict, (await s.DecideAsync("declined")).StatusCode);

        var actions = await db.AuditEntries.OrderBy(e => e.Seq).Select(e => e.Action).ToListAsync();
        Assert.Contains(AuditActions.PacketCreated, actions);
        Assert.Contains(AuditActions.PacketOpened, actions);
        Assert.Contains(AuditActions.ConsentDecided, actions);
        Assert.Contains(AuditActions.ConsentSealed, actions);
        var report = await AuditVerification.RunAsync(db, TestKey, cancel: TestContext.Current.CancellationToken);
        Assert.True(report.Intact, report.Problem);
        Assert.Equal(1, report.RecordsChecked);

        // The clinic's copy: names, times, meanings, addresses, the version and the hash on every page.
        var patientPdf = await (await s.Patient.GetAsync("/packet/consent.pdf")).Content.ReadAsByteArrayAsync();
        var clinicPdf = await (await s.Clinician.GetAsync($"/clinic/consents/{record.Id}/pdf")).Content.ReadAsByteArrayAsync();
        var text = PdfText.Read(clinicPdf);
        Assert.Contains("Consent to a procedure", text, StringComparison.Ordinal);
        Assert.Contains("Patient: Pat Example", text, StringComparison.Ordinal);
        Assert.Contains("Interpreter: Ana Ruiz (Spanish)", text, StringComparison.Ordinal);
        Assert.Contains("When you sign, you say that you read this page", text, StringComparison.Ordinal);
        Assert.Contains("By signing, I confirm that I talked with the patient", text, StringComparison.Ordinal);
        Assert.All(PdfText.Pages(clinicPdf), page =>
        {
            Assert.Contains(record.DocumentHash, page, StringComparison.Ordinal);
            Assert.Contains($"neurolysis {s.Aid.Version}", page, StringComparison.Ordinal);
        });
        // The patient's copy says what they agreed to, when and who signed, in words; the record's code only in small print.
        var mine = PdfText.Read(patientPdf);
        Assert.Contains("Patient: Pat Example", mine, StringComparison.Ordinal);
        Assert.Contains("When you sign, you say that you read this page", mine, StringComparison.Ordinal);
        Assert.Contains("Interpreter: Ana Ruiz (Spanish)", mine, StringComparison.Ordinal);
        Assert.Matches(@"Signed: [A-Z][a-z]+ \d{1,2}, \d{4}, \d{2}:\d{2} UTC", mine);
        Assert.DoesNotContain("IP: ", mine, StringComparison.Ordinal);
        Assert.DoesNotContain("Mozilla", mine, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"(?m)^SHA-256: ", mine); // the content hash field of the clinic's copy
        Assert.Single(PdfText.Pages(patientPdf), page => page.Contains(record.DocumentHash, StringComparison.Ordinal));
        if (provider == DecisionAid.Records.Data.Storage.Sqlite)
            PdfText.FirstPagePng(patientPdf, Path.Combine(TestFolders.RepositoryRoot(), "docs", "screenshots", "consent-page1"));

        // The FHIR bundle validates against R4 with no errors, and points to the clinic's PDF by its SHA-1.
        var bundle = await (await s.Clinician.GetAsync($"/clinic/consents/{record.Id}/fhir")).Content.ReadAsStringAsync();
        FhirValidation.AssertValid(bundle);
#pragma warning disable CA5350 // R4's Attachment.hash is SHA-1 by definition
        Assert.Contains(Convert.ToBase64String(SHA1.HashData(clinicPdf)), bundle, StringComparison.Ordinal);
#pragma warning restore CA5350
        Assert.Contains("\"resourceType\": \"QuestionnaireResponse\"", bundle, StringComparison.Ordinal);
        Assert.Contains("1.2.840.10065.1.12.1.7", bundle, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Steps_out_of_order_are_refused_and_audited(string provider)
    {
        using var s = await ConsentScenario.StartAsync(provider);
        // Before the knowledge check: no decision.
        Assert.Equal(HttpStatusCode.Conflict, (await s.DecideAsync("signed")).StatusCode);
        // No countersignature before the patient signs.
        Assert.Equal(HttpStatusCode.BadRequest, (await s.CountersignAsync(Guid.NewGuid())).StatusCode);
        await s.AnswerKnowledgeCheckAsync();
        // A signature needs a name and a drawing (a dot is not one); nothing is recorded.
        Assert.Equal(HttpStatusCode.BadRequest, (await s.DecideAsync("signed", name: " ")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await s.DecideAsync("signed", strokes: "M 10 10 L 11 11")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await s.DecideAsync("signed", strokes: "<svg onload=alert(1)>")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await s.DecideAsync("talk-first")).StatusCode);
        // "Talk first" is recorded, and there is nothing to countersign.
        Assert.Equal(HttpStatusCode.BadRequest, (await s.CountersignAsync(Guid.NewGuid())).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await s.DecideAsync("signed")).StatusCode);
        // Signed: answers are frozen; a wrong password or no confirmation does not sign.
        await s.AnswerAsync("satisfaction", "1", "4", HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.BadRequest, (await s.CountersignAsync(password: "not the password at all")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await s.CountersignAsync(confirmed: false)).StatusCode);
        await using (var db = s.Clinic.Database.Open())
        {
            Assert.Empty(db.ConsentRecords);
            var signed = await db.ConsentDecisions.Where(d => d.Choice == "signed").SingleAsync();
            // The patient takes the signature back and signs again: the clinician's page from before is stale.
            Assert.Equal(HttpStatusCode.Redirect, (await s.WithdrawByPatientAsync()).StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, (await s.DecideAsync("signed")).StatusCode);
            Assert.Equal(HttpStatusCode.BadRequest, (await s.CountersignAsync(signed.Id)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Redirect, (await s.CountersignAsync()).StatusCode);

        await using var check = s.Clinic.Database.Open();
        var refusals = await check.AuditEntries.Where(e => e.Action == AuditActions.StepRefused).Select(e => e.Detail).ToListAsync();
        Assert.Contains("the knowledge check comes first", refusals);
        Assert.Contains("there is no patient signature waiting for a countersignature", refusals);
        Assert.Contains("password: wrong", refusals);
        Assert.Contains("confirm that the conversation took place", refusals);
        Assert.Contains("the patient's decision changed since the page was opened", refusals);
        Assert.Equal(["talk-first", "signed", "withdrawn", "signed"], await check.ConsentDecisions.OrderBy(d => d.At).Select(d => d.Choice).ToListAsync());
        Assert.Single(check.ConsentRecords);
        Assert.True((await AuditVerification.RunAsync(check, TestKey, cancel: TestContext.Current.CancellationToken)).Intact);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Another_practice_gets_404_for_every_consent_route_and_each_attempt_is_audited(string provider)
    {
        using var s = await ConsentScenario.StartAsync(provider);
        var recordId = await s.SignAndCountersignAsync();
        var (other, otherPractice) = await s.Clinic.NewPracticeAsync("Other Clinic");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/clinic/packets/{s.PacketId}/consent")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/clinic/consents/{recordId}/pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/clinic/consents/{recordId}/fhir")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await s.CountersignAsync(as_: other)).StatusCode);
        // Signed out, the clinic routes send to sign-in; the patient's routes need the patient's session.
        var stranger = s.Clinic.NewBrowser();
        Assert.Equal(HttpStatusCode.Redirect, (await stranger.GetAsync($"/clinic/packets/{s.PacketId}/consent")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync("/packet/consent.pdf")).StatusCode);

        await using var db = s.Clinic.Database.Open();
        var denied = await db.AuditEntries.Where(e => e.Action == AuditActions.AccessDenied && e.PracticeId == otherPractice).ToListAsync();
        Assert.True(denied.Count >= 4, string.Join("; ", denied.Select(d => d.Detail)));
        Assert.All(denied, e => Assert.Contains("another practice", e.Detail, StringComparison.Ordinal));
        Assert.Equal(1, await db.ConsentRecords.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_double_tapped_signature_makes_one_decision_and_concurrent_countersignatures_one_record(string provider)
    {
        using var s = await ConsentScenario.StartAsync(provider);
        await s.AnswerKnowledgeCheckAsync();
        var key = await s.PageKeyAsync();
        var taps = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => s.DecideAsync("signed", key: key)));
        Assert.All(taps, t => Assert.Equal(HttpStatusCode.Redirect, t.StatusCode));
        Assert.Equal(HttpStatusCode.Redirect, (await s.DecideAsync("signed", key: key)).StatusCode); // a retry later too
        await using (var db = s.Clinic.Database.Open()) Assert.Equal(1, await db.ConsentDecisions.CountAsync());

        var signs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => s.CountersignAsync()));
        Assert.All(signs, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        await using var check = s.Clinic.Database.Open();
        Assert.Equal(1, await check.ConsentRecords.CountAsync());
        Assert.Equal(1, await check.AuditEntries.CountAsync(e => e.Action == AuditActions.ConsentSealed));
        Assert.True((await AuditVerification.RunAsync(check, TestKey, cancel: TestContext.Current.CancellationToken)).Intact);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_withdrawal_racing_the_countersignature_never_leaves_a_withdrawn_signature_sealed(string provider)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            using var s = await ConsentScenario.StartAsync(provider);
            await s.AnswerKnowledgeCheckAsync();
            Assert.Equal(HttpStatusCode.Redirect, (await s.DecideAsync("signed")).StatusCode);
            await Task.WhenAll(s.CountersignAsync(), s.WithdrawByPatientAsync());
            await using var db = s.Clinic.Database.Open();
            var kinds = await db.ConsentRecords.OrderBy(r => r.SealedAt).Select(r => r.Kind).ToListAsync();
            var latest = await db.ConsentDecisions.OrderByDescending(d => d.At).Select(d => d.Choice).FirstAsync();
            // Either the seal came first and the withdrawal superseded it, or the withdrawal came first and nothing was sealed.
            Assert.True(kinds.SequenceEqual(["consent", "withdrawal"]) || (kinds.Count == 0 && latest == "withdrawn"), $"{string.Join(",", kinds)} / {latest}");
            Assert.True((await AuditVerification.RunAsync(db, TestKey, cancel: TestContext.Current.CancellationToken)).Intact);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_withdrawal_is_a_new_sealed_record_that_supersedes_the_consent(string provider)
    {
        using var s = await ConsentScenario.StartAsync(provider, language: "es");
        var consentId = await s.SignAndCountersignAsync();
        string before;
        await using (var db = s.Clinic.Database.Open()) before = (await db.ConsentRecords.SingleAsync()).Document;

        Assert.Equal(HttpStatusCode.Redirect, (await s.WithdrawByPatientAsync()).StatusCode);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await (await s.Patient.GetAsync("/packet/consent")).Content.ReadAsStringAsync());
        Assert.Contains("Usted retiró su consentimiento", page.Body!.TextContent, StringComparison.Ordinal);

        await using var check = s.Clinic.Database.Open();
        var records = await check.ConsentRecords.OrderBy(r => r.SealedAt).ToListAsync();
        Assert.Equal(2, records.Count);
        Assert.Equal(before, records[0].Document); // never updated
        Assert.Equal(("withdrawal", consentId), (records[1].Kind, records[1].SupersedesId));
        var withdrawal = SealedDocument.Parse(records[1].Document)!;
        Assert.Equal(records[0].DocumentHash, withdrawal.SupersedesHash);
        Assert.Equal("withdrawn", withdrawal.PatientSignature.Choice);
        Assert.True((await AuditVerification.RunAsync(check, TestKey, cancel: TestContext.Current.CancellationToken)).Intact);

        var bundle = await (await s.Clinician.GetAsync($"/clinic/consents/{records[1].Id}/fhir")).Content.ReadAsStringAsync();
        FhirValidation.AssertValid(bundle);
        Assert.Contains("\"status\": \"inactive\"", bundle, StringComparison.Ordinal);
        var pdf = PdfText.Read(await (await s.Patient.GetAsync("/packet/consent.pdf")).Content.ReadAsByteArrayAsync());
        Assert.Contains("Retiro del consentimiento", pdf, StringComparison.Ordinal);
        // Withdrawn is final: nothing more to withdraw.
        Assert.DoesNotContain("name=\"idempotency\"", page.Body.InnerHtml, StringComparison.Ordinal);
        var forged = await Clinic.SignedInClinic.PostFormAsync(s.Patient, "/packet/consent?handler=Withdraw",
            new Dictionary<string, string> { ["confirm"] = "true", ["idempotency"] = "0123456789abcdef0123" }, "/packet");
        Assert.Equal(HttpStatusCode.Conflict, forged.StatusCode);
    }
}
