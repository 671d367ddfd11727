using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using DecisionAid.Web.Tests.Clinic;
using DecisionAid.Web.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace DecisionAid.Web.Tests.Api;

/// <summary>The integration API: a practice's key creates packets and reads them; on both databases.</summary>
public partial class PacketsApiTests
{
    private static async Task<string> NewKeyAsync(HttpClient clinician, string name)
    {
        var created = await SignedInClinic.PostFormAsync(clinician, "/clinic/api-keys?handler=Create", new Dictionary<string, string> { ["Name"] = name }, "/clinic/api-keys");
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        return new HtmlParser().ParseDocument(await created.Content.ReadAsStringAsync()).QuerySelector("code.link")!.TextContent;
    }

    private static HttpRequestMessage Request(HttpMethod method, string url, string? key, object? body = null)
    {
        var request = new HttpRequestMessage(method, url);
        if (key is not null) request.Headers.Add("X-Api-Key", key);
        if (body is not null) request.Content = JsonContent.Create(body);
        return request;
    }

    private static readonly object ValidPacket = new
    {
        aid = "neurolysis", language = "es", target = "intercostal", method = "cold", healthFactors = new[] { "diabetes" },
        patientName = "Luis Example", birthDate = "1961-09-30", recordNumber = "MRN-7",
    };

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_health_record_system_creates_a_packet_and_reads_its_status(string provider)
    {
        using var clinic = new SignedInClinic(provider);
        var (clinician, _) = await clinic.NewPracticeAsync("API Clinic");
        var key = await NewKeyAsync(clinician, "Record system");
        var api = clinic.NewBrowser();

        var created = await api.SendAsync(Request(HttpMethod.Post, "/api/packets", key, ValidPacket));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var id = body.RootElement.GetProperty("id").GetGuid();
        var link = body.RootElement.GetProperty("link").GetString()!;
        Assert.Matches(LinkPattern(), link);
        Assert.StartsWith("<svg", body.RootElement.GetProperty("qrCodeSvg").GetString(), StringComparison.Ordinal);
        Assert.Equal($"/api/packets/{id}", created.Headers.Location!.OriginalString);

        var status = await api.SendAsync(Request(HttpMethod.Get, $"/api/packets/{id}", key));
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        using var read = JsonDocument.Parse(await status.Content.ReadAsStringAsync());
        Assert.Equal("Sent", read.RootElement.GetProperty("status").GetString());
        Assert.Equal("es", read.RootElement.GetProperty("language").GetString());
        Assert.Equal("diabetes", read.RootElement.GetProperty("healthFactors")[0].GetString());
        Assert.False(read.RootElement.TryGetProperty("patientName", out _)); // identity stays out of the status

        // The link the API returned opens like any other.
        var patient = clinic.NewBrowser();
        var token = LinkPattern().Match(link).Groups[1].Value;
        var opened = await SignedInClinic.PostFormAsync(patient, $"/p/{token}", new Dictionary<string, string> { ["BirthDate"] = "1961-09-30" });
        Assert.Equal("/packet", opened.Headers.Location!.OriginalString);
        Assert.Contains("Luis Example", await (await clinician.GetAsync("/clinic/")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Invalid_input_gets_a_problem_details_400_naming_each_bad_field(string provider)
    {
        using var clinic = new SignedInClinic(provider);
        var (clinician, _) = await clinic.NewPracticeAsync("API Clinic");
        var key = await NewKeyAsync(clinician, "Record system");
        var bad = new { aid = "neurolysis", language = "fr", target = "celiac-plexus", method = "heat", healthFactors = new[] { "smoker" }, patientName = "", birthDate = "2999-01-01" };
        var response = await clinic.NewBrowser().SendAsync(Request(HttpMethod.Post, "/api/packets", key, bad));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var fields = problem.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["birthDate", "healthFactors", "language", "method", "patientName"], fields);
        await using var db = clinic.Database.Open();
        Assert.Empty(await db.Packets.ToListAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Missing_wrong_or_revoked_keys_get_401_and_another_practices_packet_is_404(string provider)
    {
        using var clinic = new SignedInClinic(provider);
        var (north, _) = await clinic.NewPracticeAsync("North Clinic");
        var (south, _) = await clinic.NewPracticeAsync("South Clinic");
        var northKey = await NewKeyAsync(north, "North records");
        var southKey = await NewKeyAsync(south, "South records");
        var api = clinic.NewBrowser();
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.SendAsync(Request(HttpMethod.Post, "/api/packets", null, ValidPacket))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.SendAsync(Request(HttpMethod.Post, "/api/packets", "da_" + new string('x', 43), ValidPacket))).StatusCode);

        var created = await api.SendAsync(Request(HttpMethod.Post, "/api/packets", northKey, ValidPacket));
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NotFound, (await api.SendAsync(Request(HttpMethod.Get, $"/api/packets/{id}", southKey))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await south.GetAsync($"/clinic/packets/{id}")).StatusCode);

        Guid keyId;
        await using (var db = clinic.Database.Open()) keyId = (await db.ApiKeys.SingleAsync(k => k.Name == "North records")).Id;
        var revoked = await SignedInClinic.PostFormAsync(north, "/clinic/api-keys?handler=Revoke", new Dictionary<string, string> { ["id"] = keyId.ToString(), ["confirm"] = "yes" }, "/clinic/api-keys");
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.SendAsync(Request(HttpMethod.Get, $"/api/packets/{id}", northKey))).StatusCode);
        await using (var db = clinic.Database.Open())
        {
            var stored = await db.ApiKeys.SingleAsync(k => k.Name == "South records");
            Assert.Equal(Web.Api.PacketsApi.Hash(southKey), stored.KeyHash);
        }
    }

    [Fact]
    public async Task The_openapi_document_describes_the_packet_endpoints()
    {
        using var site = new SiteFactory();
        var response = await site.Client().GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var paths = doc.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/packets", paths);
        Assert.Contains("/api/packets/{id}", paths);
    }

    [GeneratedRegex(@"^https?://[^/]+/p/([A-Za-z0-9_-]{43})$")]
    private static partial Regex LinkPattern();
}
