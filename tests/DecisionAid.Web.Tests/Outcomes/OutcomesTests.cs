using System.Globalization;
using System.Net;
using AngleSharp.Html.Parser;
using DecisionAid.Core.Loading;
using DecisionAid.Web.Consent;
using DecisionAid.Web.Outcomes;
using DecisionAid.Web.Tests.Clinic;
using DecisionAid.Web.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace DecisionAid.Web.Tests.Outcomes;

/// <summary>The outcomes area: its numbers against the database itself, its exports, privacy and access; on both databases.</summary>
public sealed class OutcomesTests
{
    private const string Canary = "CANARY-7731";
    private static readonly SealKey Key = new(Convert.FromBase64String(SiteFactory.SealKey));
    private static readonly DateTime Now = DateTime.UtcNow;

    /// <summary>A lead of a practice filled with generated packets, plus one canary packet whose identifying fields must never appear.</summary>
    private static async Task<(SignedInClinic Clinic, HttpClient Lead, Guid Practice)> LeadWithPacketsAsync(string provider, int packets)
    {
        var clinic = new SignedInClinic(provider);
        var (lead, practice) = await clinic.NewPracticeAsync("Outcome Clinic");
        await using var db = clinic.Database.Open();
        await db.Users.ExecuteUpdateAsync(u => u.SetProperty(c => c.IsLead, true));
        var aids = ContentLibrary.Load(TestFolders.ShippedContent()).Aids;
        await OutcomesSeed.RunAsync(db, aids, Key, packets, Now, seed: 7, into: practice);
        var canary = new Packet
        {
            Id = Guid.NewGuid(), PracticeId = practice, CreatedById = "test", AidId = "neurolysis", Language = "en", ContentVersion = "1.0.0", ContentHash = "x",
            PatientName = $"{Canary} Name", PatientBirthDate = new DateOnly(1901, 2, 3), RecordNumber = $"{Canary}-MRN", TokenHash = new byte[32],
            TokenExpiresAt = Now.AddDays(1), CreatedAt = Now.AddHours(-1), OpenedAt = Now.AddMinutes(-50),
        };
        canary.Answers.Add(new PacketAnswer { PacketId = canary.Id, Kind = "questions", ItemId = "1", Value = $"Ask about {Canary} please", UpdatedAt = Now });
        canary.Answers.Add(new PacketAnswer { PacketId = canary.Id, Kind = "satisfaction", ItemId = "1", Value = "5", UpdatedAt = Now });
        db.Packets.Add(canary);
        await db.SaveChangesAsync();
        return (clinic, lead, practice);
    }

    private static string Query => $"aid=neurolysis&from={Now.AddDays(-200):yyyy-MM-dd}&to={Now:yyyy-MM-dd}";

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task The_page_and_the_csv_show_what_the_database_holds(string provider)
    {
        var (clinic, lead, practice) = await LeadWithPacketsAsync(provider, 600);
        using var _ = clinic;
        var aid = ContentLibrary.Load(TestFolders.ShippedContent()).Find("neurolysis")!;

        // Expected numbers, straight from the rows.
        await using var db = clinic.Database.Open();
        var packets = await db.Packets.AsNoTracking().Include(p => p.Answers).Where(p => p.PracticeId == practice && p.AidId == "neurolysis").ToListAsync();
        var decisions = await db.ConsentDecisions.AsNoTracking().ToListAsync();
        var expected = packets.GroupBy(p => (p.Language, p.ContentVersion)).ToDictionary(g => g.Key, g =>
        {
            var checks = g.Where(p => aid.KnowledgeCheck.All(q => p.Answers.Any(a => a.Kind == "knowledge" && a.ItemId == q.Id))).ToList();
            return new
            {
                Sent = g.Count(), Opened = g.Count(p => p.OpenedAt != null), Finished = g.Count(p => p.FinishedAt != null),
                Checks = checks.Count,
                Perfect = checks.Count(p => aid.KnowledgeCheck.All(q => p.Answers.Single(a => a.Kind == "knowledge" && a.ItemId == q.Id).Value == q.Answer)),
                Missed = aid.KnowledgeCheck.ToDictionary(q => q.Id, q => g.SelectMany(p => p.Answers).Count(a => a.Kind == "knowledge" && a.ItemId == q.Id && a.Value != q.Answer)),
                Sure = g.Count(p => p.Answers.Count(a => a.Kind == "sure") == 4),
                SureNo = g.Count(p => p.Answers.Count(a => a.Kind == "sure") == 4 && p.Answers.Any(a => a.Kind == "sure" && a.Value == "no")),
                Signed = g.Count(p => decisions.Where(d => d.PacketId == p.Id).MaxBy(d => d.At)?.Choice == "signed"),
            };
        });
        Assert.True(expected.Count >= 3, "the generated data has several versions and languages");

        var page = new HtmlParser().ParseDocument(await (await lead.GetAsync($"/clinic/outcomes?{Query}")).Content.ReadAsStringAsync());
        foreach (var ((language, version), e) in expected)
        {
            var section = page.GetElementById($"v-{language}-{version.Replace('.', '-')}")!.ParentElement!;
            string Cell(string rowHeader) => section.QuerySelectorAll("tr").Single(r => r.QuerySelector("th")?.TextContent.Trim() == rowHeader).QuerySelector("td")!.TextContent;
            Assert.Equal(e.Sent.ToString("N0", CultureInfo.InvariantCulture), Cell("Sent"));
            Assert.Equal(e.Opened.ToString("N0", CultureInfo.InvariantCulture), Cell("Opened"));
            Assert.Equal(e.Finished.ToString("N0", CultureInfo.InvariantCulture), Cell("Finished"));
            Assert.Equal(e.Perfect.ToString("N0", CultureInfo.InvariantCulture), Cell("6 of 6"));
            // Each question numbered as its bar in the chart is, with its wording.
            foreach (var (q, i) in aid.KnowledgeCheck.Select((q, i) => (q, i)))
                Assert.Contains($"({e.Missed[q.Id]:N0} of {e.Checks:N0})", Cell($"Question {i + 1}: {aid.Texts[language].KnowledgeCheck[q.Id].Question.Value}"), StringComparison.Ordinal);
            var chart = section.QuerySelectorAll("svg.chart").Single(c => c.QuerySelector("title")!.Id!.StartsWith("chart-missed", StringComparison.Ordinal)).TextContent;
            Assert.Contains("Question 1", chart, StringComparison.Ordinal);
            foreach (var q in aid.KnowledgeCheck) Assert.DoesNotContain(q.Id, chart, StringComparison.Ordinal);
            Assert.Contains($"({e.SureNo:N0} of {e.Sure:N0})", Cell("SURE: any \"no\" (a sign of decisional conflict)"), StringComparison.Ordinal);
            Assert.StartsWith(e.Signed.ToString("N0", CultureInfo.InvariantCulture), Cell("Consent: signed"), StringComparison.Ordinal);
        }
        // Versions are compared only with enough patients (20 by default), otherwise the page says so.
        Assert.Contains("every answer right:", page.QuerySelector(".comparisons")!.TextContent, StringComparison.Ordinal);

        // The CSV: one row per packet, and the same numbers when counted again from it.
        var csv = (await (await lead.GetAsync($"/clinic/outcomes/packets.csv?{Query}")).Content.ReadAsStringAsync()).TrimEnd('\n').Split('\n');
        var header = csv[0].Split(',');
        var rows = csv.Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(packets.Count, rows.Count);
        int Col(string name) => Array.IndexOf(header, name);
        foreach (var ((language, version), e) in expected)
        {
            var mine = rows.Where(r => r[Col("language")] == language && r[Col("version")] == version).ToList();
            Assert.Equal(e.Sent, mine.Count);
            Assert.Equal(e.Opened, mine.Count(r => r[Col("opened")].Length > 0));
            Assert.Equal(e.Perfect, mine.Count(r => r[Col("knowledge_answered")] == "6" && r[Col("knowledge_right")] == "6"));
            Assert.Equal(e.SureNo, mine.Count(r => r[Col("sure_any_no")] == "yes"));
            Assert.Equal(e.Signed, mine.Count(r => r[Col("consent")] == "signed"));
        }
        Assert.Equal(packets.Count, rows.Select(r => r[0]).Distinct().Count()); // a pseudonym per packet
        Assert.Equal(packets.Select(p => OutcomesExports.Pseudonym(Key, p.Id)).Order(StringComparer.Ordinal), rows.Select(r => r[0]).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task The_post_visit_survey_means_intervals_and_counts_are_those_of_the_database_beside_the_trial(string provider)
    {
        var (clinic, lead, practice) = await LeadWithPacketsAsync(provider, 400);
        using var _ = clinic;
        await using var db = clinic.Database.Open();
        var rows = await (from a in db.PacketAnswers.AsNoTracking()
                          join p in db.Packets.AsNoTracking() on a.PacketId equals p.Id
                          where p.PracticeId == practice && p.AidId == "neurolysis" && a.Kind == "survey"
                          select new { p.Language, p.ContentVersion, a.ItemId, a.Value }).ToListAsync();
        Assert.True(rows.Count > 100, "the generated data has survey answers");
        var page = new HtmlParser().ParseDocument(await (await lead.GetAsync($"/clinic/outcomes?{Query}")).Content.ReadAsStringAsync());
        var words = DecisionAid.Rendering.Text.SurveyText.English;
        foreach (var group in rows.GroupBy(r => (r.Language, r.ContentVersion)))
        {
            var section = page.GetElementById($"v-{group.Key.Language}-{group.Key.ContentVersion.Replace('.', '-')}")!.ParentElement!;
            foreach (var (item, i) in DecisionAid.Core.Surveys.VisitSurvey.Items.Select((item, i) => (item, i)))
            {
                var said = group.Where(r => r.ItemId == item.Id).ToList();
                var ratings = said.Where(r => r.Value != "skipped").Select(r => double.Parse(r.Value, CultureInfo.InvariantCulture)).ToList();
                var mean = ratings.Average();
                var sd = Math.Sqrt(ratings.Sum(r => (r - mean) * (r - mean)) / (ratings.Count - 1));
                var half = DecisionAid.Core.Outcomes.StudentT.Quantile975(ratings.Count - 1) * sd / Math.Sqrt(ratings.Count);
                var cells = section.QuerySelectorAll("tr").Single(r => r.QuerySelector("th")?.TextContent.Trim() == $"Item {i + 1}: {words.Questions[item.Id]}").QuerySelectorAll("td").Select(c => c.TextContent).ToList();
                Assert.Equal(ratings.Count.ToString("N0", CultureInfo.InvariantCulture), cells[0]);
                Assert.Equal(said.Count(r => r.Value == "skipped").ToString("N0", CultureInfo.InvariantCulture), cells[1]);
                Assert.Equal(mean.ToString("0.00", CultureInfo.InvariantCulture), cells[2]);
                Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, mean - half):0.00} to {Math.Min(5, mean + half):0.00}"), cells[3]);
                // Beside the published trial (../shared/facts/trials.md); items it gave no confirmed value show none.
                Assert.Equal(item.Id switch { "procedure" => "4.4", "benefits" => "4.5", "risks" => "4.4", "alternatives" => "4.0", "time" => "4.7", _ => "none" }, cells[4]);
                Assert.Equal(item.Id switch { "procedure" => "4.1", "benefits" => "4.0", "risks" => "3.6", "alternatives" => "3.3", "time" => "4.5", _ => "none" }, cells[5]);
            }
        }

        // The CSV holds each packet's survey answers as stored (a rating, "skipped", or empty when not asked).
        var csv = (await (await lead.GetAsync($"/clinic/outcomes/packets.csv?{Query}")).Content.ReadAsStringAsync()).TrimEnd('\n').Split('\n');
        var header = csv[0].Split(',');
        var lines = csv.Skip(1).Select(l => l.Split(',')).ToList();
        foreach (var item in DecisionAid.Core.Surveys.VisitSurvey.Items)
        {
            var column = Array.IndexOf(header, $"survey_{item.Id}");
            Assert.True(column > 0, $"survey_{item.Id} column");
            Assert.Equal(rows.Where(r => r.ItemId == item.Id).Select(r => r.Value).Order(StringComparer.Ordinal),
                lines.Select(l => l[column]).Where(v => v.Length > 0).Order(StringComparer.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task No_page_or_export_holds_a_name_a_birth_date_a_record_number_or_free_text(string provider)
    {
        var (clinic, lead, _) = await LeadWithPacketsAsync(provider, 60);
        using var _c = clinic;
        foreach (var url in new[] { $"/clinic/outcomes?{Query}", $"/clinic/outcomes/packets.csv?{Query}", $"/clinic/outcomes/responses.fhir.json?{Query}" })
        {
            var body = await (await lead.GetAsync(url)).Content.ReadAsStringAsync();
            Assert.DoesNotContain(Canary, body, StringComparison.Ordinal);
            Assert.DoesNotContain("1901-02-03", body, StringComparison.Ordinal);
            Assert.DoesNotContain("Generated Patient", body, StringComparison.Ordinal);
        }
        var fhir = await (await lead.GetAsync($"/clinic/outcomes/responses.fhir.json?{Query}")).Content.ReadAsStringAsync();
        FhirValidation.AssertValid(fhir);
        await using var db = clinic.Database.Open();
        // One response per packet, and one more per packet whose patient began the post-visit survey.
        var expected = await db.Packets.CountAsync(p => p.AidId == "neurolysis")
            + await db.Packets.CountAsync(p => p.AidId == "neurolysis" && db.PacketAnswers.Any(a => a.PacketId == p.Id && a.Kind == "survey"));
        Assert.Equal(expected, fhir.Split("\"resourceType\":\"QuestionnaireResponse\"").Length - 1);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Clinicians_who_are_not_leads_get_404_and_another_practice_sees_nothing_of_this_one(string provider)
    {
        var (clinic, _, _) = await LeadWithPacketsAsync(provider, 40);
        using var _c = clinic;
        var (colleague, _) = await clinic.NewPracticeAsync("Colleague Clinic", lead: false);
        foreach (var url in new[] { "/clinic/outcomes", "/clinic/outcomes/packets.csv", "/clinic/outcomes/responses.fhir.json" })
            Assert.Equal(HttpStatusCode.NotFound, (await colleague.GetAsync(url)).StatusCode);
        var (otherLead, other) = await clinic.NewPracticeAsync("Other Clinic");
        await using (var db = clinic.Database.Open()) await db.Users.Where(u => u.PracticeId == other).ExecuteUpdateAsync(u => u.SetProperty(c => c.IsLead, true));
        Assert.Contains("No packets of this aid were made in these dates.", await (await otherLead.GetAsync($"/clinic/outcomes?{Query}")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single((await (await otherLead.GetAsync($"/clinic/outcomes/packets.csv?{Query}")).Content.ReadAsStringAsync()).TrimEnd('\n').Split('\n'));
        Assert.Equal(HttpStatusCode.BadRequest, (await otherLead.GetAsync("/clinic/outcomes?aid=neurolysis&from=2026-13-01")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await clinic.NewBrowser().GetAsync("/clinic/outcomes")).StatusCode);
    }
}
