using System.Globalization;
using System.Net;
using AngleSharp.Html.Parser;
using DecisionAid.Web.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace DecisionAid.Web.Tests.Clinic;

/// <summary>
/// Clinic pages say things in words and in the practice's own time: the aid and language by name, no internal ids,
/// what matters to the patient as a table, and times in the practice's time zone (a setting; sealed records keep UTC).
/// </summary>
public sealed class ClinicWordsTests
{
    private static List<KeyValuePair<string, string>> Packet(string language) =>
    [
        new("Form.Aid", "neurolysis"), new("Form.Language", language), new("Form.Target", "genicular"), new("Form.Method", "heat"),
        new("Form.PatientName", "Pat Example"), new("Form.BirthDate", "1950-03-14"),
    ];

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Times_show_in_the_practices_time_zone_and_an_unknown_zone_is_refused(string provider)
    {
        using var clinic = new SignedInClinic(provider);
        var (clinician, _) = await clinic.NewPracticeAsync("Chicago Clinic");
        Dictionary<string, string> Settings(string zone) => new()
        {
            ["Name"] = "Chicago Clinic", ["AccentColour"] = "#1d4ed8", ["TabletIdleMinutes"] = "5", ["TimeZone"] = zone,
        };
        var unknown = await SignedInClinic.PostFormAsync(clinician, "/clinic/practice", Settings("Mars/Olympus_Mons"));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("'Mars/Olympus_Mons' is not a time zone this server knows", WebUtility.HtmlDecode(await unknown.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await SignedInClinic.PostFormAsync(clinician, "/clinic/practice", Settings("America/Chicago"))).StatusCode);
        var page = new HtmlParser().ParseDocument(await (await clinician.GetAsync("/clinic/practice")).Content.ReadAsStringAsync());
        Assert.Equal("America/Chicago", page.QuerySelector("#time-zone option[selected]")!.GetAttribute("value"));

        await SignedInClinic.CreatePacketAsync(clinician, Packet("es"));
        DateTime created;
        await using (var db = clinic.Database.Open()) created = (await db.Packets.SingleAsync()).CreatedAt;
        var chicago = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(created, DateTimeKind.Utc), TimeZoneInfo.FindSystemTimeZoneById("America/Chicago"));
        var list = new HtmlParser().ParseDocument(await (await clinician.GetAsync("/clinic/")).Content.ReadAsStringAsync());
        Assert.Contains("Created (America/Chicago)", list.QuerySelector("table.packets thead")!.TextContent, StringComparison.Ordinal);
        var row = list.QuerySelector("table.packets tbody tr")!;
        Assert.Equal(chicago.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), row.QuerySelector("td[data-label=Created]")!.TextContent);
        // The aid and the language by name, not "neurolysis (es)".
        Assert.Equal("Neurolysis (Spanish)", row.QuerySelector("td[data-label=Aid]")!.TextContent);
    }

    [Fact]
    public async Task Packet_ready_names_the_language_and_what_matters_is_a_table_without_run_on_punctuation()
    {
        using var clinic = new SignedInClinic(Storage.Sqlite);
        var (clinician, _) = await clinic.NewPracticeAsync("Words Clinic");
        var ready = new HtmlParser().ParseDocument(await (await SignedInClinic.PostFormAsync(clinician, "/clinic/packets/new", Packet("es"), "/clinic/packets/new?aid=neurolysis")).Content.ReadAsStringAsync());
        var summary = ready.QuerySelector(".packet-summary")!.TextContent;
        Assert.Contains("Spanish (Español)", summary, StringComparison.Ordinal);
        var token = System.Text.RegularExpressions.Regex.Match(ready.QuerySelector("code.link")!.TextContent, "/p/([A-Za-z0-9_-]+)$").Groups[1].Value;

        var patient = clinic.NewBrowser();
        await SignedInClinic.PostFormAsync(patient, $"/p/{token}", new Dictionary<string, string> { ["BirthDate"] = "1950-03-14" });
        await SignedInClinic.PostFormAsync(patient, "/packet?handler=Answer", new Dictionary<string, string> { ["kind"] = "value", ["item"] = "relief", ["value"] = "4" }, "/packet");
        Guid id;
        await using (var db = clinic.Database.Open()) id = (await db.Packets.SingleAsync()).Id;
        var detail = new HtmlParser().ParseDocument(await (await clinician.GetAsync($"/clinic/packets/{id}")).Content.ReadAsStringAsync());
        var cells = detail.QuerySelectorAll("h2 + table tbody tr td").Select(td => td.TextContent).ToList();
        Assert.Contains("A lot", cells);
        Assert.Contains(cells, c => c.StartsWith("Getting relief from my pain", StringComparison.Ordinal));
        Assert.DoesNotContain(".: ", detail.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Questions_over_the_limit_sent_without_script_come_back_with_their_length_and_every_word_kept()
    {
        using var clinic = new SignedInClinic(Storage.Sqlite);
        var (clinician, _) = await clinic.NewPracticeAsync("Limit Clinic");
        var token = await SignedInClinic.CreatePacketAsync(clinician, Packet("en"));
        var patient = clinic.NewBrowser();
        await SignedInClinic.PostFormAsync(patient, $"/p/{token}", new Dictionary<string, string> { ["BirthDate"] = "1950-03-14" });
        var typed = string.Concat(Enumerable.Repeat("Can I drive home? ", 120)).Trim(); // 2,159 characters
        var sent = await SignedInClinic.PostFormAsync(patient, "/packet?handler=Answer",
            new Dictionary<string, string> { ["kind"] = "questions", ["item"] = "1", ["value"] = typed }, "/packet");
        Assert.Equal(HttpStatusCode.BadRequest, sent.StatusCode);
        var page = new HtmlParser().ParseDocument(await sent.Content.ReadAsStringAsync());
        Assert.Equal(typed, page.QuerySelector("#questions-text")!.TextContent);
        Assert.Equal($"This is {typed.Length:N0} characters long. Please make it 2,000 or fewer.", page.QuerySelector("#questions-text-limit")!.TextContent);
        Assert.Null(page.QuerySelector("#questions-text")!.GetAttribute("maxlength"));
        await using var db = clinic.Database.Open();
        Assert.False(await db.PacketAnswers.AnyAsync(a => a.Kind == "questions"));
    }
}
