using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using DecisionAid.Web.Tests.Clinic;
using DecisionAid.Web.Tests.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DecisionAid.Web.Tests.Packets;

/// <summary>A clinician makes a packet, the patient opens it with their date of birth and answers; on both databases.</summary>
public partial class PacketFlowTests
{
    private static async Task<string> CreatePacketAsync(HttpClient clinician, string birthDate = "1950-03-14", string target = "genicular", string method = "heat", params string[] factors)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Form.Aid", "neurolysis"), new("Form.Language", "en"), new("Form.Target", target), new("Form.Method", method),
            new("Form.PatientName", "Pat Example"), new("Form.BirthDate", birthDate), new("Form.RecordNumber", "MRN-0042"),
        };
        fields.AddRange(factors.Select(f => new KeyValuePair<string, string>("Form.HealthFactors", f)));
        return await SignedInClinic.CreatePacketAsync(clinician, fields);
    }

    private static async Task<HttpResponseMessage> OpenAsync(HttpClient patient, string token, string birthDate) =>
        await SignedInClinic.PostFormAsync(patient, $"/p/{token}", new Dictionary<string, string> { ["BirthDate"] = birthDate });

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_patient_opens_the_link_with_their_birth_date_answers_and_the_clinician_sees_it(string provider)
    {
        using var clinic = new SignedInClinic(provider);
        var (clinician, _) = await clinic.NewPracticeAsync("North Clinic");
        var token = await CreatePacketAsync(clinician, factors: "blood-thinners");

        // At least 128 random bits, and only its hash at rest.
        Assert.True(token.Length >= 43, token);
        await using (var db = clinic.Database.Open())
        {
            var packet = await db.Packets.SingleAsync();
            Assert.Equal(SHA256.HashData(Encoding.ASCII.GetBytes(token)), packet.TokenHash);
            Assert.Null(packet.OpenedAt);
        }

        var patient = clinic.NewBrowser();
        // Looking at the link (as a mail scanner does) uses nothing up.
        Assert.Equal(HttpStatusCode.OK, (await patient.GetAsync($"/p/{token}")).StatusCode);
        await using (var db = clinic.Database.Open()) Assert.Null((await db.Packets.SingleAsync()).OpenedAt);

        Assert.Equal(HttpStatusCode.BadRequest, (await OpenAsync(patient, token, "1950-03-15")).StatusCode);
        var opened = await OpenAsync(patient, token, "1950-03-14");
        Assert.Equal("/packet", opened.Headers.Location!.OriginalString);
        var cookie = Assert.Single(opened.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-da-patient=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(token, cookie, StringComparison.Ordinal);

        var packetPage = await patient.GetAsync("/packet");
        Assert.Equal(HttpStatusCode.OK, packetPage.StatusCode);
        var page = new HtmlParser().ParseDocument(await packetPage.Content.ReadAsStringAsync());
        var yourRisks = page.GetElementById("your-risks")!;
        Assert.Contains("Nerves around the knee", yourRisks.TextContent, StringComparison.Ordinal);
        var bleeding = yourRisks.QuerySelectorAll("li.item").Single(li => li.QuerySelector("h3")!.TextContent.Contains("Bleeding", StringComparison.Ordinal));
        Assert.Contains("Higher for you.", bleeding.TextContent, StringComparison.Ordinal);
        Assert.Contains("Blood thinners make bleeding more likely", bleeding.TextContent, StringComparison.Ordinal);

        async Task Answer(string kind, string item, string value) =>
            Assert.Equal(HttpStatusCode.Redirect, (await SignedInClinic.PostFormAsync(patient, "/packet?handler=Answer",
                new Dictionary<string, string> { ["kind"] = kind, ["item"] = item, ["value"] = value }, "/packet")).StatusCode);
        await Answer("knowledge", "what-it-does", "sleeps");
        async Task<string> Feedback(string question) =>
            new HtmlParser().ParseDocument(await (await patient.GetAsync("/packet")).Content.ReadAsStringAsync())
                .QuerySelector($"form:has(input[name=item][value={question}]) .feedback")!.TextContent;
        // Wrong: which answer is right; right: said once, without "The right answer" repeating what was chosen.
        Assert.Contains("Not quite. The right answer: ", await Feedback("what-it-does"), StringComparison.Ordinal);
        await Answer("knowledge", "numbing", "numbed");
        var right = await Feedback("numbing");
        Assert.Contains("That is right.", right, StringComparison.Ordinal);
        Assert.DoesNotContain("The right answer", right, StringComparison.Ordinal);

        var list = await (await clinician.GetAsync("/clinic/")).Content.ReadAsStringAsync();
        Assert.Contains("Pat Example", list, StringComparison.Ordinal);
        Assert.Contains("Opened", list, StringComparison.Ordinal);
        Assert.Contains("1 of 6 right (2 answered)", list, StringComparison.Ordinal);

        // The rest: the knowledge check, what matters, questions, SURE and satisfaction; answered again, an answer is replaced.
        await Answer("knowledge", "what-it-does", "destroys");
        foreach (var (question, choice) in new[] { ("numbing", "numbed"), ("infection-chance", "one"), ("main-risk", "other-nerves"), ("relief-lasts", "forever"), ("no-treatment-ok", "yes") })
            await Answer("knowledge", question, choice);
        await Answer("value", "relief", "5");
        await Answer("questions", "1", "Can I drive home after?");
        foreach (var item in new[] { "1", "2", "3" }) await Answer("sure", item, "yes");
        await Answer("sure", "4", "no");
        await Answer("satisfaction", "1", "4");
        Assert.Equal(HttpStatusCode.BadRequest, (await SignedInClinic.PostFormAsync(patient, "/packet?handler=Answer",
            new Dictionary<string, string> { ["kind"] = "value", ["item"] = "relief", ["value"] = "9" }, "/packet")).StatusCode);

        Guid id;
        await using (var db = clinic.Database.Open()) id = (await db.Packets.SingleAsync()).Id;
        var detail = new HtmlParser().ParseDocument(await (await clinician.GetAsync($"/clinic/packets/{id}")).Content.ReadAsStringAsync());
        var text = detail.QuerySelector("main")!.TextContent;
        Assert.Contains("Finished", text, StringComparison.Ordinal);
        Assert.Contains("5 of 6 right (6 answered)", text, StringComparison.Ordinal);
        Assert.Contains("Does the relief always last for good?", text, StringComparison.Ordinal); // the one missed
        Assert.Contains("3 of 4 yes: some doubt, talk it through", text, StringComparison.Ordinal);
        Assert.Contains("Can I drive home after?", text, StringComparison.Ordinal);
        Assert.Contains("Very much", text, StringComparison.Ordinal);
        Assert.Contains("4 of 5", text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Unknown_and_wrong_get_the_same_answer_and_an_ended_link_says_to_ask_for_a_new_one(string provider)
    {
        using var clinic = new SignedInClinic(provider);
        var (clinician, _) = await clinic.NewPracticeAsync("South Clinic");
        var revoked = await CreatePacketAsync(clinician);
        var expired = await CreatePacketAsync(clinician);
        var wrong = await CreatePacketAsync(clinician);
        await using (var db = clinic.Database.Open())
        {
            var all = await db.Packets.ToListAsync();
            all.Single(p => p.TokenHash.SequenceEqual(SHA256.HashData(Encoding.ASCII.GetBytes(revoked)))).RevokedAt = DateTime.UtcNow;
            all.Single(p => p.TokenHash.SequenceEqual(SHA256.HashData(Encoding.ASCII.GetBytes(expired)))).TokenExpiresAt = DateTime.UtcNow.AddMinutes(-1);
            await db.SaveChangesAsync();
        }
        var unknown = new string('x', 43);
        var answers = new List<(HttpStatusCode, string)>();
        foreach (var (token, date) in new[] { (unknown, "1950-03-14"), (wrong, "1960-01-01"), (revoked, "1950-03-14"), (expired, "1950-03-14") })
        {
            // An ended link shows no form; the post takes its form token from an unknown link's page, as a script would.
            var response = await SignedInClinic.PostFormAsync(clinic.NewBrowser(), $"/p/{token}", new Dictionary<string, string> { ["BirthDate"] = date }, $"/p/{unknown}");
            answers.Add((response.StatusCode, new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()).QuerySelector("main")!.TextContent));
        }
        Assert.Equal(answers[0], answers[1]);
        Assert.Equal(answers[2], answers[3]);
        Assert.NotEqual(answers[0], answers[2]);
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.BadRequest, a.Item1));
        Assert.Contains("Check the date and try again", answers[0].Item2, StringComparison.Ordinal);
        Assert.Contains("Please ask your care team for a new link", answers[2].Item2, StringComparison.Ordinal);
        // The ended link says so on opening, before any date is typed.
        var page = await (await clinic.NewBrowser().GetAsync($"/p/{revoked}")).Content.ReadAsStringAsync();
        Assert.Contains("Please ask your care team for a new link", page, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"BirthDate\"", page, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Five_wrong_birth_dates_rest_the_link_even_for_the_right_one(string provider)
    {
        using var clinic = new SignedInClinic(provider);
        var (clinician, _) = await clinic.NewPracticeAsync("East Clinic");
        var token = await CreatePacketAsync(clinician);
        for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.BadRequest, (await OpenAsync(clinic.NewBrowser(), token, $"1951-01-0{i + 1}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await OpenAsync(clinic.NewBrowser(), token, "1950-03-14")).StatusCode);
        await using var db = clinic.Database.Open();
        Assert.NotNull((await db.Packets.SingleAsync()).UnlockBlockedUntil);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_clinician_of_another_practice_gets_404_for_every_packet_route(string provider)
    {
        using var clinic = new SignedInClinic(provider);
        var (north, _) = await clinic.NewPracticeAsync("North Clinic");
        var (south, _) = await clinic.NewPracticeAsync("South Clinic");
        await CreatePacketAsync(north);
        Guid id;
        await using (var db = clinic.Database.Open()) id = (await db.Packets.SingleAsync()).Id;
        Assert.Equal(HttpStatusCode.OK, (await north.GetAsync($"/clinic/packets/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await south.GetAsync($"/clinic/packets/{id}")).StatusCode);
        var revoke = await SignedInClinic.PostFormAsync(south, $"/clinic/packets/{id}?handler=Revoke", [new("confirm", "yes")], "/clinic/packets/new");
        Assert.Equal(HttpStatusCode.NotFound, revoke.StatusCode);
        Assert.DoesNotContain("Pat Example", await (await south.GetAsync("/clinic/")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using (var db = clinic.Database.Open()) Assert.Null((await db.Packets.SingleAsync()).RevokedAt);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Revoking_ends_the_patients_session_too(string provider)
    {
        using var clinic = new SignedInClinic(provider);
        var (clinician, _) = await clinic.NewPracticeAsync("West Clinic");
        var token = await CreatePacketAsync(clinician);
        var patient = clinic.NewBrowser();
        await OpenAsync(patient, token, "1950-03-14");
        Assert.Equal(HttpStatusCode.OK, (await patient.GetAsync("/packet")).StatusCode);
        Guid id;
        await using (var db = clinic.Database.Open()) id = (await db.Packets.SingleAsync()).Id;
        // Without the confirming tick nothing happens (issue 17 item 4): a stray click cannot end a packet.
        var unconfirmed = await SignedInClinic.PostFormAsync(clinician, $"/clinic/packets/{id}?handler=Revoke", [], $"/clinic/packets/{id}");
        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);
        Assert.Contains("The packet was not revoked: tick the box", await unconfirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await patient.GetAsync("/packet")).StatusCode);
        await SignedInClinic.PostFormAsync(clinician, $"/clinic/packets/{id}?handler=Revoke", [new("confirm", "yes")], $"/clinic/packets/{id}");
        Assert.Equal(HttpStatusCode.Redirect, (await patient.GetAsync("/packet")).StatusCode);
    }

    [Fact]
    public async Task A_form_whose_choices_were_shown_for_another_aid_makes_no_packet_and_shows_the_chosen_aids_choices()
    {
        using var clinic = new SignedInClinic(Storage.Sqlite);
        var (clinician, _) = await clinic.NewPracticeAsync("Form Clinic");
        // The list says neurolysis; the choices on screen were nerve block's (no script, list changed without "Show").
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Form.Aid", "neurolysis"), new("Form.ChoicesFor", "nerve-block"), new("Form.Language", "es"), new("Form.Target", "low-back"),
            new("Form.Method", "steroid"), new("Form.PatientName", "Kept Name"), new("Form.BirthDate", "1950-03-14"), new("Form.RecordNumber", "R-7"),
        };
        var response = await SignedInClinic.PostFormAsync(clinician, "/clinic/packets/new", fields, "/clinic/packets/new?aid=nerve-block");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Contains("No packet was made: the decision aid is now Neurolysis, but the choices below the list were for Nerve block", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("neurolysis", page.QuerySelector("input[name='Form.ChoicesFor']")!.GetAttribute("value"));
        var targets = page.QuerySelectorAll("#target option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Contains("celiac-plexus", targets);
        Assert.Null(page.QuerySelector("#target option[selected]")); // nerve block's choice is not carried over...
        Assert.Equal("es", page.QuerySelector("#language option[selected]")!.GetAttribute("value")); // ...what fits is
        Assert.Equal("Kept Name", page.QuerySelector("#name")!.GetAttribute("value"));
        Assert.Equal("R-7", page.QuerySelector("#record")!.GetAttribute("value"));
        await using (var db = clinic.Database.Open()) Assert.Empty(await db.Packets.ToListAsync());

        // Made for the aid shown, the ready panel names everything in words.
        fields = [new("Form.Aid", "neurolysis"), new("Form.ChoicesFor", "neurolysis"), new("Form.Language", "es"), new("Form.Target", "genicular"),
            new("Form.Method", "heat"), new("Form.HealthFactors", "blood-thinners"), new("Form.PatientName", "Kept Name"), new("Form.BirthDate", "1950-03-14")];
        var made = await SignedInClinic.PostFormAsync(clinician, "/clinic/packets/new", fields, "/clinic/packets/new?aid=neurolysis");
        Assert.Equal(HttpStatusCode.OK, made.StatusCode);
        var summary = new HtmlParser().ParseDocument(await made.Content.ReadAsStringAsync()).QuerySelector(".packet-summary")!.TextContent;
        foreach (var words in new[] { "Neurolysis", "Español", "Nerves around the knee", "Heat", "You take a blood thinner" })
            Assert.Contains(words, summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Choices_that_do_not_fit_the_aid_are_refused_with_a_reason()
    {
        using var clinic = new SignedInClinic(Storage.Sqlite);
        var (clinician, _) = await clinic.NewPracticeAsync("Central Clinic");
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Form.Aid", "neurolysis"), new("Form.Language", "en"), new("Form.Target", "celiac-plexus"), new("Form.Method", "heat"),
            new("Form.PatientName", "Pat"), new("Form.BirthDate", "2999-01-01"),
        };
        var response = await SignedInClinic.PostFormAsync(clinician, "/clinic/packets/new", fields, "/clinic/packets/new");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()).QuerySelector("[role=alert]")!.TextContent;
        Assert.Contains("the method 'heat' is not used for the target 'celiac-plexus'", errors, StringComparison.Ordinal);
        Assert.Contains("date of birth", errors, StringComparison.Ordinal);
        await using var db = clinic.Database.Open();
        Assert.Empty(await db.Packets.ToListAsync());
    }

}
