using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using DecisionAid.Web.Tests.Clinic;
using DecisionAid.Web.Tests.Data;
using DecisionAid.Web.Tests.Tablet;
using Microsoft.EntityFrameworkCore;

namespace DecisionAid.Web.Tests.Surveys;

/// <summary>The post-visit survey by its own link, on both databases: one question per screen, skips stored as skipped, nothing else open.</summary>
public sealed class SurveyTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task The_survey_link_opens_only_the_survey_one_question_at_a_time_and_a_skip_is_stored_as_skipped(string provider)
    {
        using var clinic = new SignedInClinic(provider);
        var (clinician, _) = await clinic.NewPracticeAsync("Survey Clinic");
        await SignedInClinic.CreatePacketAsync(clinician, TabletModeTests.Packet);
        Guid id;
        await using (var db = clinic.Database.Open()) id = (await db.Packets.SingleAsync()).Id;

        var made = await SignedInClinic.PostFormAsync(clinician, $"/clinic/packets/{id}?handler=SurveyLink", [], $"/clinic/packets/{id}");
        Assert.Equal(HttpStatusCode.OK, made.StatusCode);
        var link = new HtmlParser().ParseDocument(await made.Content.ReadAsStringAsync()).QuerySelector("code.link")!.TextContent;
        var token = Regex.Match(link, "/s/([A-Za-z0-9_-]{43,})$").Groups[1].Value;
        await using (var db = clinic.Database.Open())
            Assert.Equal(Web.Packets.PacketLinks.Hash(token), (await db.Packets.SingleAsync()).SurveyTokenHash); // only the hash at rest

        var patient = clinic.NewBrowser();
        Assert.Contains("About your visit", await (await patient.GetAsync($"/s/{token}")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await SignedInClinic.PostFormAsync(patient, $"/s/{token}x", [], $"/s/{token}")).StatusCode);
        var started = await SignedInClinic.PostFormAsync(patient, $"/s/{token}", []);
        Assert.Equal("/packet/survey", started.Headers.Location!.OriginalString);

        // The survey alone: not the packet, not its downloads.
        Assert.Equal("/packet/survey", (await patient.GetAsync("/packet")).Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, (await patient.GetAsync("/packet/handout.pdf")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await patient.GetAsync("/packet/consent")).StatusCode);

        var first = await (await patient.GetAsync("/packet/survey")).Content.ReadAsStringAsync();
        Assert.Contains("Question 1 of 8", first, StringComparison.Ordinal);
        Assert.Contains("How well do you understand what the procedure involves?", first, StringComparison.Ordinal);
        Assert.DoesNotContain("Tabitha", first, StringComparison.Ordinal);

        async Task<HttpResponseMessage> Post(Dictionary<string, string> fields) => await SignedInClinic.PostFormAsync(patient, "/packet/survey", fields);
        Assert.Equal("/packet/survey?q=2", (await Post(new() { ["item"] = "procedure", ["value"] = "4" })).Headers.Location!.OriginalString);
        Assert.Equal("/packet/survey?q=3", (await Post(new() { ["item"] = "benefits", ["skip"] = "1" })).Headers.Location!.OriginalString);
        var none = await Post(new() { ["item"] = "risks" });
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Contains("Choose one answer, or skip this question.", await none.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await Post(new() { ["item"] = "risks", ["value"] = "6" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Post(new() { ["item"] = "no-such-item", ["value"] = "3" })).StatusCode);
        // "Change" from the summary goes back to the summary.
        Assert.Equal("/packet/survey?q=9", (await Post(new() { ["item"] = "procedure", ["value"] = "5", ["summary"] = "true" })).Headers.Location!.OriginalString);
        Assert.Equal("/packet/survey", (await patient.GetAsync("/packet/consent")).Headers.Location!.OriginalString);
        // Opening the survey again goes to the first question not yet answered.
        Assert.Contains("Question 3 of 8", await (await patient.GetAsync("/packet/survey")).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await using (var db = clinic.Database.Open())
        {
            var answers = await db.PacketAnswers.Where(a => a.Kind == "survey").OrderBy(a => a.ItemId).Select(a => new { a.ItemId, a.Value }).ToListAsync();
            Assert.Equal([new { ItemId = "benefits", Value = "skipped" }, new { ItemId = "procedure", Value = "5" }], answers);
        }
        var seen = await (await clinician.GetAsync($"/clinic/packets/{id}")).Content.ReadAsStringAsync();
        Assert.Contains("Very well (5 of 5)", seen, StringComparison.Ordinal);
        Assert.Contains("Skipped", seen, StringComparison.Ordinal);

        // An expired link opens nothing.
        await using (var db = clinic.Database.Open())
            await db.Packets.ExecuteUpdateAsync(p => p.SetProperty(x => x.SurveyTokenExpiresAt, DateTime.UtcNow.AddMinutes(-1)));
        Assert.Equal(HttpStatusCode.BadRequest, (await SignedInClinic.PostFormAsync(clinic.NewBrowser(), $"/s/{token}", [])).StatusCode);
    }
}
