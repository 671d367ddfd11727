using System.Net;

using AngleSharp.Html.Parser;
using DecisionAid.Web.Tests.Clinic;

namespace DecisionAid.Web.Tests.Consent;

/// <summary>
/// One practice, one clinician and one patient with an opened neurolysis packet (celiac plexus, medicine), on a
/// fresh database; each consent step is a method, so tests can take them in order or out of it.
/// </summary>
public sealed partial class ConsentScenario : IDisposable
{
    public const string BirthDate = "1950-03-14";
    public const string PatientName = "Pat Example";
    /// <summary>Strokes as the signature pad sends them: a zigzag across the box.</summary>
    public const string Strokes = "M 40 150 L 90 60 L 140 150 L 190 60 L 240 150 L 290 60 M 320 120 L 560 110";

    private ConsentScenario(SignedInClinic clinic) => Clinic = clinic;

    public SignedInClinic Clinic { get; }
    public HttpClient Clinician { get; private set; } = default!;
    public Guid Practice { get; private set; }
    public HttpClient Patient { get; private set; } = default!;
    public Guid PacketId { get; private set; }

    public static readonly DecisionAid.Core.Loading.ContentLibrary Library = DecisionAid.Core.Loading.ContentLibrary.Load(TestFolders.ShippedContent());

    /// <summary>The aid the packet is for; by default neurolysis (celiac plexus, medicine, blood thinners), else the aid's first nerve and method.</summary>
    public DecisionAid.Core.Content.Aid Aid { get; private set; } = default!;

    public static async Task<ConsentScenario> StartAsync(string provider, string language = "en", string aid = "neurolysis")
    {
        var scenario = new ConsentScenario(new SignedInClinic(provider)) { Aid = Library.Find(aid)! };
        (scenario.Clinician, scenario.Practice) = await scenario.Clinic.NewPracticeAsync("Riverside Pain Clinic");
        var p = scenario.Aid.Personalisation;
        var target = aid == "neurolysis" ? "celiac-plexus" : p.Targets.Count > 0 ? p.Targets[0].Id : "";
        var method = aid == "neurolysis" ? "medicine" : p.Targets.Count > 0 && p.Targets[0].Methods.Count > 0 ? p.Targets[0].Methods[0] : p.Methods.Count > 0 ? p.Methods[0].Id : "";
        var token = await SignedInClinic.CreatePacketAsync(scenario.Clinician,
        [
            new("Form.Aid", aid), new("Form.Language", language), new("Form.Target", target), new("Form.Method", method),
            new("Form.PatientName", PatientName), new("Form.BirthDate", BirthDate), new("Form.RecordNumber", "MRN-0042"),
            .. p.HealthFactors.Take(1).Select(f => new KeyValuePair<string, string>("Form.HealthFactors", f.Id)),
        ]);
        scenario.Patient = scenario.Clinic.NewBrowser();
        var opened = await SignedInClinic.PostFormAsync(scenario.Patient, $"/p/{token}", new Dictionary<string, string> { ["BirthDate"] = BirthDate });
        Assert.Equal("/packet", opened.Headers.Location!.OriginalString);
        await using var db = scenario.Clinic.Database.Open();
        scenario.PacketId = db.Packets.Single().Id;
        return scenario;
    }

    public async Task AnswerAsync(string kind, string item, string value, HttpStatusCode expected = HttpStatusCode.Redirect) =>
        Assert.Equal(expected, (await SignedInClinic.PostFormAsync(Patient, "/packet?handler=Answer",
            new Dictionary<string, string> { ["kind"] = kind, ["item"] = item, ["value"] = value }, "/packet")).StatusCode);

    public async Task AnswerKnowledgeCheckAsync()
    {
        // Neurolysis: one answer wrong on purpose (the main risk), as the tests of scores and misses expect; another aid: its own answer key.
        var answers = Aid.Id == "neurolysis"
            ? [("what-it-does", "destroys"), ("numbing", "numbed"), ("infection-chance", "one"), ("main-risk", "bone"), ("relief-lasts", "wear-off"), ("no-treatment-ok", "yes")]
            : Aid.KnowledgeCheck.Select(q => (q.Id, q.Answer)).ToArray();
        foreach (var (item, value) in answers)
            await AnswerAsync("knowledge", item, value);
    }

    /// <summary>Posts the consent form as the page gives it (its idempotency key), with the given choice.</summary>
    public async Task<HttpResponseMessage> DecideAsync(string choice, string? name = PatientName, string? strokes = Strokes, string? key = null)
    {
        var page = new HtmlParser().ParseDocument(await (await Patient.GetAsync("/packet/consent")).Content.ReadAsStringAsync());
        // Before the knowledge check the consent page has no form; the packet page's token serves a forged attempt.
        var tokenPage = page.QuerySelector("input[name=__RequestVerificationToken]") is null
            ? new HtmlParser().ParseDocument(await (await Patient.GetAsync("/packet")).Content.ReadAsStringAsync())
            : page;
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = tokenPage.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["choice"] = choice,
            ["idempotency"] = key ?? page.QuerySelector("input[name=idempotency]")?.GetAttribute("value") ?? System.Security.Cryptography.RandomNumberGenerator.GetHexString(32),
        };
        if (name is not null) fields["TypedName"] = name;
        if (strokes is not null) fields["strokes"] = strokes;
        return await Patient.PostAsync("/packet/consent?handler=Decide", new FormUrlEncodedContent(fields));
    }

    /// <summary>The idempotency key the consent page gives now.</summary>
    public async Task<string> PageKeyAsync()
    {
        var response = await Patient.GetAsync("/packet/consent");
        var html = await response.Content.ReadAsStringAsync();
        return new HtmlParser().ParseDocument(html).QuerySelector("input[name=idempotency]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"no idempotency key on the consent page ({response.StatusCode}): {html}");
    }

    public async Task<HttpResponseMessage> CountersignAsync(Guid? decision = null, string password = SignedInClinic.Password, bool confirmed = true, HttpClient? as_ = null)
    {
        var browser = as_ ?? Clinician;
        var url = $"/clinic/packets/{PacketId}/consent";
        var page = new HtmlParser().ParseDocument(await (await browser.GetAsync(url)).Content.ReadAsStringAsync());
        // With nothing to countersign the page has no form; a forged post takes its token from another clinic page.
        var form = page.QuerySelector("#countersign")
            ?? new HtmlParser().ParseDocument(await (await browser.GetAsync("/clinic/")).Content.ReadAsStringAsync()).QuerySelector("form")!;
        var shown = form.QuerySelector("input[name=decision]")?.GetAttribute("value") is { } id ? Guid.Parse(id) : Guid.Empty;
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["decision"] = (decision ?? shown).ToString(), ["password"] = password, ["ConversationConfirmed"] = confirmed ? "true" : "false",
            ["InterpreterName"] = "Ana Ruiz", ["InterpreterLanguage"] = "Spanish", ["Witness"] = "Sam Nurse",
        };
        return await browser.PostAsync($"{url}?handler=Countersign", new FormUrlEncodedContent(fields));
    }

    public async Task<HttpResponseMessage> WithdrawByPatientAsync()
    {
        var key = await PageKeyAsync();
        return await SignedInClinic.PostFormAsync(Patient, "/packet/consent?handler=Withdraw",
            new Dictionary<string, string> { ["confirm"] = "true", ["idempotency"] = key }, "/packet/consent");
    }

    /// <summary>Patient answers the check, signs; clinician countersigns. Returns the sealed record's id.</summary>
    public async Task<Guid> SignAndCountersignAsync()
    {
        await AnswerKnowledgeCheckAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await DecideAsync("signed")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await CountersignAsync()).StatusCode);
        await using var db = Clinic.Database.Open();
        return db.ConsentRecords.Single(r => r.Kind == "consent").Id;
    }

    public void Dispose() => Clinic.Dispose();
}
