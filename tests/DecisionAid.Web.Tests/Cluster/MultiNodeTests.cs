using System.Collections.Concurrent;
using System.Net;
using AngleSharp.Html.Parser;
using DecisionAid.Cli;
using DecisionAid.Web.Tests.Clinic;
using DecisionAid.Web.Tests.Consent;
using DecisionAid.Web.Tests.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DecisionAid.Web.Tests.Cluster;

/// <summary>
/// Two published nodes on one PostgreSQL behind nginx. Patients open their links, answer and sign while one node is
/// killed with SIGKILL and started again; a clinician countersigns. Every acknowledged answer, signature and sealed
/// record is there afterwards, the audit trail verifies, and nobody has to sign in or open their link again.
/// </summary>
public sealed class MultiNodeTests
{
    private const int Patients = 4;
    private static readonly (string Item, string Value)[] Answers =
        [.. ConsentScenario.Library.Find("neurolysis")!.KnowledgeCheck.Select(q => (q.Id, q.Answer))];

    [Fact]
    public async Task Patients_and_a_clinician_carry_on_while_a_node_is_killed_and_restarted()
    {
        using var database = TestDatabases.Create(Storage.Postgres);
        var (email, authenticator) = await SeedClinicianAsync(database);
        await using var cluster = await NodeCluster.StartAsync(database, nodes: 2);

        var clinician = cluster.Browser();
        Assert.Equal("/clinic/two-factor", (await SignedInClinic.PostFormAsync(clinician, "/clinic/sign-in",
            new Dictionary<string, string> { ["Email"] = email, ["Password"] = SignedInClinic.Password })).Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await SignedInClinic.PostFormAsync(clinician, "/clinic/two-factor",
            new Dictionary<string, string> { ["Code"] = Totp.Code(authenticator) })).StatusCode);
        var tokens = new List<string>();
        for (var i = 0; i < Patients; i++)
            tokens.Add(await SignedInClinic.CreatePacketAsync(clinician,
            [
                new("Form.Aid", "neurolysis"), new("Form.Language", "en"), new("Form.Target", "genicular"), new("Form.Method", "heat"),
                new("Form.PatientName", $"Patient {i}"), new("Form.BirthDate", "1950-03-14"),
            ]));

        // Patients work at once; each request that fails while a node goes away is tried again, as a person would.
        var acknowledged = new ConcurrentBag<(string Token, string Item, string Value)>();
        var signed = new ConcurrentBag<string>();
        var patients = tokens.Select(token => Task.Run(() => PatientAsync(cluster, token, acknowledged, signed))).ToList();

        while (acknowledged.Count < Patients * 2 && !patients.Any(p => p.IsFaulted)) await Task.Delay(20);
        await cluster.KillAsync(0);
        var afterKill = acknowledged.Count;
        Assert.True(afterKill < Patients * Answers.Length, "the node went away while patients were still answering");
        while (acknowledged.Count < afterKill + Patients && !patients.Any(p => p.IsFaulted)) await Task.Delay(20);
        await cluster.RestartAsync(0);
        await Task.WhenAll(patients);
        Assert.Equal(Patients, signed.Count);

        // The clinician, signed in before the kill, countersigns every packet without signing in again.
        await using (var db = database.Open())
            foreach (var packet in await db.Packets.AsNoTracking().Select(p => p.Id).ToListAsync())
                Assert.Equal(HttpStatusCode.Redirect, (await CountersignAsync(clinician, packet)).StatusCode);

        await using (var db = database.Open())
        {
            var stored = await db.PacketAnswers.AsNoTracking().Where(a => a.Kind == "knowledge").Select(a => new { a.PacketId, a.ItemId, a.Value }).ToListAsync();
            Assert.Equal(Patients * Answers.Length, acknowledged.Count);
            Assert.Equal(acknowledged.Count, stored.Count);
            Assert.All(acknowledged, a => Assert.Contains(stored, s => s.ItemId == a.Item && s.Value == a.Value));
            Assert.Equal(Patients, await db.ConsentDecisions.CountAsync(d => d.Choice == ConsentDecision.Signed));
            Assert.Equal(Patients, await db.ConsentRecords.CountAsync(r => r.Kind == "consent"));
        }
        var keyFile = Path.Combine(TestFolders.NewTemp("pda-key"), "seal.key");
        await File.WriteAllTextAsync(keyFile, SiteFactory.SealKey);
        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.True(PdaCommand.Run(["audit", "verify", "--seal-key-file", keyFile, .. database.CliArgs()], output, error) == 0, output.ToString() + error);
        Assert.Contains("intact", output.ToString(), StringComparison.Ordinal);
    }

    /// <summary>Opens the link, answers the check, signs: every step tried again (same session, same idempotency key) if the node it met went away.</summary>
    private static async Task PatientAsync(NodeCluster cluster, string token, ConcurrentBag<(string, string, string)> acknowledged, ConcurrentBag<string> signed)
    {
        using var patient = cluster.Browser();
        var opened = await RetryAsync(() => SignedInClinic.PostFormAsync(patient, $"/p/{token}", new Dictionary<string, string> { ["BirthDate"] = "1950-03-14" }));
        Assert.Equal("/packet", opened.Headers.Location?.OriginalString);
        foreach (var (item, value) in Answers)
        {
            var saved = await RetryAsync(() => SignedInClinic.PostFormAsync(patient, "/packet?handler=Answer",
                new Dictionary<string, string> { ["kind"] = "knowledge", ["item"] = item, ["value"] = value }, "/packet"));
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode); // a 302 back to the packet: not to the link's date-of-birth page
            Assert.DoesNotContain("/p/", saved.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
            acknowledged.Add((token, item, value));
        }
        var consent = new HtmlParser().ParseDocument(await (await RetryAsync(() => patient.GetAsync("/packet/consent"))).Content.ReadAsStringAsync());
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = consent.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["idempotency"] = consent.QuerySelector("input[name=idempotency]")!.GetAttribute("value")!,
            ["choice"] = "signed", ["TypedName"] = "Pat Example", ["strokes"] = ConsentScenario.Strokes,
        };
        var decided = await RetryAsync(() => patient.PostAsync("/packet/consent?handler=Decide", new FormUrlEncodedContent(fields)));
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        signed.Add(token);
    }

    /// <summary>A request that met a node going away (a refused or cut connection, a 502) is sent again.</summary>
    private static async Task<HttpResponseMessage> RetryAsync(Func<Task<HttpResponseMessage>> send)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var response = await send();
                if (response.StatusCode is not (HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout) || attempt == 10)
                    return response;
            }
            catch (HttpRequestException) when (attempt < 10)
            {
                // the connection went away with the node
            }
            await Task.Delay(200 * attempt);
        }
    }

    private static async Task<HttpResponseMessage> CountersignAsync(HttpClient clinician, Guid packet)
    {
        var url = $"/clinic/packets/{packet}/consent";
        var page = new HtmlParser().ParseDocument(await (await clinician.GetAsync(url)).Content.ReadAsStringAsync());
        var form = page.QuerySelector("#countersign") ?? throw new InvalidOperationException($"nothing to countersign on {url}: {page.Title}");
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["decision"] = form.QuerySelector("input[name=decision]")!.GetAttribute("value")!,
            ["password"] = SignedInClinic.Password, ["ConversationConfirmed"] = "true",
        };
        return await RetryAsync(() => clinician.PostAsync($"{url}?handler=Countersign", new FormUrlEncodedContent(fields)));
    }

    /// <summary>A practice and its lead with an authenticator, made through the site's own services on the shared database.</summary>
    private static async Task<(string Email, string Authenticator)> SeedClinicianAsync(TestDatabase database)
    {
        using var site = new SiteFactory(settings: database.SiteSettings());
        using var scope = site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DecisionAidDb>();
        var practice = new Practice { Id = Guid.NewGuid(), Slug = "two-nodes", Name = "Two Node Clinic", CreatedAt = DateTime.UtcNow };
        db.Practices.Add(practice);
        await db.SaveChangesAsync();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Clinician>>();
        var email = "dr.nodes@example.org";
        var clinician = new Clinician { UserName = email, Email = email, DisplayName = "Dr Nodes", PracticeId = practice.Id, IsLead = true };
        Assert.True((await users.CreateAsync(clinician, SignedInClinic.Password)).Succeeded);
        await users.ResetAuthenticatorKeyAsync(clinician);
        await users.SetTwoFactorEnabledAsync(clinician, true);
        return (email, (await users.GetAuthenticatorKeyAsync(clinician))!);
    }
}
