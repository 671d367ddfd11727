using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using AngleSharp.Html.Parser;
using DecisionAid.Web.Tests.Clinic;
using DecisionAid.Web.Tests.Data;
using DecisionAid.Web.Tests.Library;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DecisionAid.Web.Tests.Consent;

/// <summary>
/// The published app is killed (SIGKILL) again and again while patients sign and a clinician countersigns. After
/// each kill every acknowledged signature and record is in the database and verifies, and nothing is half-written:
/// each decision and record has its audit entry, and the chain is whole. On SQLite and on PostgreSQL.
/// </summary>
public sealed class CrashSafetyTests
{
    private const int Packets = 24, Rounds = 4;
    /// <summary>Answers the workers did not expect, to say why a run did not finish.</summary>
    private static readonly ConcurrentQueue<string> Unexpected = new();

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Killing_the_app_while_signatures_arrive_loses_no_acknowledged_record_and_leaves_none_half_written(string provider)
    {
        using var database = TestDatabases.Create(provider);
        var (patients, clinicianEmail, authenticatorKey) = await SeedAsync(database);
        var environment = new Dictionary<string, string>(database.SiteSettings().Select(kv => new KeyValuePair<string, string>(kv.Key.Replace(":", "__", StringComparison.Ordinal), kv.Value)))
        {
            ["RateLimits__AttemptsPerMinute"] = "10000",
        };
        var clinician = new CookieBrowser();
        var signed = new ConcurrentDictionary<Guid, bool>();   // acknowledged patient signatures
        var sealedPackets = new ConcurrentDictionary<Guid, bool>(); // acknowledged countersignatures
        var kills = 0;

        for (var round = 0; round < Rounds + 1 && (signed.Count < Packets || sealedPackets.Count < Packets); round++)
        {
            var (server, port) = PublishedApp.Start(environment);
            using var _ = server;
            clinician.Base = patients.Values.First().Base = new Uri($"http://127.0.0.1:{port}");
            foreach (var p in patients.Values) p.Base = clinician.Base;
            using (var probe = new HttpClient { BaseAddress = clinician.Base }) await PublishedApp.WaitUntilUpAsync(probe, server);
            if (!clinician.Has(Clinic.ClinicAccessCookie)) await SignInAsync(clinician, clinicianEmail, authenticatorKey);

            using var stop = new CancellationTokenSource();
            var work = new List<Task>
            {
                PatientsAsync(patients, signed, stop.Token),
                PatientsAsync(patients, signed, stop.Token),
                ClinicianAsync(clinician, signed, sealedPackets, stop.Token),
            };
            var last = round == Rounds;
            if (last)
            {
                // The final run is left alone to finish what is left, so every packet ends sealed.
                try
                {
                    await Task.WhenAll(work).WaitAsync(TimeSpan.FromSeconds(90), TestContext.Current.CancellationToken);
                }
                catch (TimeoutException)
                {
                    Assert.Fail($"the last run did not finish: {signed.Count} signed, {sealedPackets.Count} sealed; {string.Join(" | ", Unexpected.Take(8))}");
                }
                finally
                {
                    server.Kill(entireProcessTree: true); // a failed run leaves no app behind
                }
            }
            else
            {
                await Task.Delay(Random.Shared.Next(600, 1600), TestContext.Current.CancellationToken);
                server.Kill(entireProcessTree: true); // SIGKILL: no shutdown, no flush
                kills++;
                await stop.CancelAsync();
                await Task.WhenAll(work.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
            }
            await server.WaitForExitAsync(TestContext.Current.CancellationToken);
            await AssertIntactAsync(database, signed.Keys, sealedPackets.Keys);
            TestContext.Current.TestOutputHelper?.WriteLine($"round {round + 1}: {signed.Count} signatures and {sealedPackets.Count} records acknowledged so far; all present and verified after the kill");
        }

        Assert.True(kills >= Rounds - 1, $"killed {kills} times");
        Assert.Equal(Packets, signed.Count);
        Assert.Equal(Packets, sealedPackets.Count);
    }

    private static async Task AssertIntactAsync(TestDatabase database, ICollection<Guid> signed, ICollection<Guid> sealedPackets)
    {
        await using var db = database.Open();
        if (database.Provider == Storage.Sqlite)
            Assert.Equal("ok", (await db.Database.SqlQueryRaw<string>("PRAGMA integrity_check").ToListAsync()).Single());
        var decisions = await db.ConsentDecisions.AsNoTracking().ToListAsync();
        var records = await db.ConsentRecords.AsNoTracking().ToListAsync();
        var audit = await db.AuditEntries.AsNoTracking().ToListAsync();
        foreach (var packet in signed) Assert.Contains(decisions, d => d.PacketId == packet && d.Choice == ConsentDecision.Signed);
        foreach (var packet in sealedPackets) Assert.Contains(records, r => r.PacketId == packet);
        foreach (var group in decisions.GroupBy(d => d.PacketId))
        {
            // One decision per acknowledged submission, each with its audit entry: retries after a kill made no second one.
            Assert.Single(group);
            Assert.Equal(1, audit.Count(e => e.PacketId == group.Key && e.Action == AuditActions.ConsentDecided));
        }
        Assert.Equal(records.Count, records.Select(r => r.PacketId).Distinct().Count());
        Assert.Equal(records.Count, audit.Count(e => e.Action == AuditActions.ConsentSealed));
        var report = await AuditVerification.RunAsync(db, new DecisionAid.Records.Consent.SealKey(Convert.FromBase64String(SiteFactory.SealKey)), cancel: TestContext.Current.CancellationToken);
        Assert.True(report.Intact, report.Problem);
    }

    /// <summary>Patients sign, each with their page's idempotency key; after a kill, the same submission is sent again.</summary>
    private static async Task PatientsAsync(ConcurrentDictionary<Guid, CookieBrowser> patients, ConcurrentDictionary<Guid, bool> signed, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested && signed.Count < Packets)
        {
            foreach (var (packet, browser) in patients)
            {
                if (stop.IsCancellationRequested) return;
                if (signed.ContainsKey(packet) || !browser.TryClaim()) continue;
                try
                {
                    if (browser.Pending is null)
                    {
                        var page = new HtmlParser().ParseDocument(await browser.GetStringAsync("/packet/consent", stop));
                        if (page.GetElementById("withdraw") is not null)
                        {
                            signed[packet] = true; // signed by a request whose answer a kill lost: the database has it
                            continue;
                        }
                        if (page.QuerySelector("#sign input[name=idempotency]")?.GetAttribute("value") is not { } key) continue; // not ready (starting up): next pass
                        browser.Pending = new Dictionary<string, string>
                        {
                            ["__RequestVerificationToken"] = page.QuerySelector("#sign input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
                            ["idempotency"] = key, ["choice"] = "signed", ["TypedName"] = "Crash Test Patient", ["strokes"] = ConsentScenario.Strokes,
                        };
                    }
                    // Sent again unchanged after a kill: the same key makes no second decision.
                    var response = await browser.PostAsync("/packet/consent?handler=Decide", browser.Pending, stop);
                    // Signed is the redirect back to the decision; any other answer is unexpected (and said, for a failure's message).
                    if (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString == "/packet/consent#decision") signed[packet] = true;
                    else Unexpected.Enqueue($"sign {packet}: {(int)response.StatusCode} {response.Headers.Location} {await response.Content.ReadAsStringAsync(stop)}");
                }
                catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
                {
                    if (stop.IsCancellationRequested) return; // killed mid-request: not acknowledged, retried next round
                }
                finally
                {
                    browser.Release();
                }
            }
            await Task.Delay(20, stop).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private static async Task ClinicianAsync(CookieBrowser clinician, ConcurrentDictionary<Guid, bool> signed, ConcurrentDictionary<Guid, bool> sealedPackets, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested && sealedPackets.Count < Packets)
        {
            var next = signed.Keys.FirstOrDefault(p => !sealedPackets.ContainsKey(p));
            if (next == Guid.Empty)
            {
                if (signed.Count == Packets) return;
                await Task.Delay(20, stop).ContinueWith(_ => { }, TaskScheduler.Default);
                continue;
            }
            try
            {
                var url = $"/clinic/packets/{next}/consent";
                var page = new HtmlParser().ParseDocument(await clinician.GetStringAsync(url, stop));
                if (page.QuerySelector("#countersign") is not { } form)
                {
                    if (page.QuerySelector("a[href^='/clinic/consents/']") is not null)
                    {
                        sealedPackets[next] = true; // sealed by a request whose answer a kill lost
                        continue;
                    }
                    var shown = string.Join(' ', (page.QuerySelector("main")?.TextContent ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
                    Unexpected.Enqueue($"countersign page of {next} has no form: {page.Title}: {shown[..Math.Min(300, shown.Length)]}");
                    await Task.Delay(50, stop).ContinueWith(_ => { }, TaskScheduler.Default);
                    continue;
                }
                var response = await clinician.PostAsync($"{url}?handler=Countersign", new Dictionary<string, string>
                {
                    ["__RequestVerificationToken"] = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
                    ["decision"] = form.QuerySelector("input[name=decision]")!.GetAttribute("value")!,
                    ["ConversationConfirmed"] = "true", ["password"] = SignedInClinic.Password,
                }, stop);
                if (response.StatusCode == HttpStatusCode.Redirect) sealedPackets[next] = true;
                else Unexpected.Enqueue($"countersign {next}: {(int)response.StatusCode}");
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
            {
                if (stop.IsCancellationRequested) return;
            }
        }
    }

    private static async Task SignInAsync(CookieBrowser clinician, string email, string key)
    {
        var token = Token(await clinician.GetStringAsync("/clinic/sign-in", default));
        var signIn = await clinician.PostAsync("/clinic/sign-in", new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Email"] = email, ["Password"] = SignedInClinic.Password }, default);
        Assert.Equal("/clinic/two-factor", signIn.Headers.Location?.OriginalString);
        token = Token(await clinician.GetStringAsync("/clinic/two-factor", default));
        var second = await clinician.PostAsync("/clinic/two-factor", new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Code"] = Totp.Code(key) }, default);
        Assert.Equal("/clinic/", second.Headers.Location?.OriginalString);
    }

    private static string Token(string html) =>
        new HtmlParser().ParseDocument(html).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

    /// <summary>A practice, a clinician with an authenticator, and packets whose patients have opened them and answered the check.</summary>
    private static async Task<(ConcurrentDictionary<Guid, CookieBrowser> Patients, string Email, string Key)> SeedAsync(TestDatabase database)
    {
        using var site = new SiteFactory(settings: database.SiteSettings());
        using var scope = site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DecisionAidDb>();
        var now = DateTime.UtcNow;
        var practice = new Practice { Id = Guid.NewGuid(), Slug = "crash", Name = "Crash Test Clinic", CreatedAt = now };
        db.Practices.Add(practice);
        await db.SaveChangesAsync();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Clinician>>();
        var email = "dr.crash@example.org";
        var clinician = new Clinician { UserName = email, Email = email, DisplayName = "Dr Crash", PracticeId = practice.Id };
        Assert.True((await users.CreateAsync(clinician, SignedInClinic.Password)).Succeeded);
        await users.ResetAuthenticatorKeyAsync(clinician);
        var key = (await users.GetAuthenticatorKeyAsync(clinician))!;
        await users.SetTwoFactorEnabledAsync(clinician, true);

        var patients = new ConcurrentDictionary<Guid, CookieBrowser>();
        for (var i = 0; i < Packets; i++)
        {
            var packet = new Packet
            {
                Id = Guid.NewGuid(), PracticeId = practice.Id, CreatedById = clinician.Id, AidId = "neurolysis", Language = i % 2 == 0 ? "en" : "es",
                ContentVersion = ConsentScenario.Library.Find("neurolysis")!.Version, ContentHash = "seeded", Target = "genicular", Method = "cold", PatientName = $"Patient {i}",
                PatientBirthDate = new DateOnly(1950, 1, 1).AddDays(i), TokenHash = RandomNumberGenerator.GetBytes(32), TokenExpiresAt = now.AddDays(14), CreatedAt = now, OpenedAt = now,
            };
            foreach (var (item, value) in new[] { ("what-it-does", "destroys"), ("numbing", "numbed"), ("infection-chance", "one"), ("main-risk", "other-nerves"), ("relief-lasts", "wear-off"), ("no-treatment-ok", "yes") })
                packet.Answers.Add(new PacketAnswer { PacketId = packet.Id, Kind = "knowledge", ItemId = item, Value = value, UpdatedAt = now });
            db.Packets.Add(packet);
            var session = RandomNumberGenerator.GetBytes(32);
            db.PatientSessions.Add(new PatientSession { IdHash = SHA256.HashData(session), PacketId = packet.Id, CreatedAt = now, ExpiresAt = now.AddHours(12) });
            var browser = new CookieBrowser();
            browser.Set(DecisionAid.Web.Packets.PatientSessions.CookieName, Convert.ToBase64String(session));
            patients[packet.Id] = browser;
        }
        await db.SaveChangesAsync();
        return (patients, email, key);
    }

    private static class Clinic
    {
        public const string ClinicAccessCookie = DecisionAid.Web.Clinic.ClinicAccess.CookieName;
    }

    /// <summary>
    /// A browser over plain HTTP that keeps its cookies itself: the site's __Host- cookies are Secure, which
    /// HttpClient's cookie container would not send over HTTP, while the server reads them from any request.
    /// </summary>
    private sealed class CookieBrowser
    {
        private readonly ConcurrentDictionary<string, string> _cookies = new();
        private int _busy;

        public Uri? Base { get; set; }
        /// <summary>A signature submitted but not acknowledged: sent again, unchanged, after the restart.</summary>
        public Dictionary<string, string>? Pending { get; set; }

        public bool TryClaim() => Interlocked.CompareExchange(ref _busy, 1, 0) == 0;

        public void Release() => Volatile.Write(ref _busy, 0);

        public bool Has(string name) => _cookies.ContainsKey(name);

        public void Set(string name, string value) => _cookies[name] = value;

        public async Task<string> GetStringAsync(string path, CancellationToken cancel)
        {
            using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, path), cancel);
            return await response.Content.ReadAsStringAsync(cancel);
        }

        public Task<HttpResponseMessage> PostAsync(string path, Dictionary<string, string> form, CancellationToken cancel) =>
            SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) }, cancel);

        private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancel)
        {
            using var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = Base, Timeout = TimeSpan.FromSeconds(20) };
            if (!_cookies.IsEmpty) request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
            var response = await client.SendAsync(request, cancel);
            if (response.Headers.TryGetValues("Set-Cookie", out var set))
            {
                foreach (var cookie in set)
                {
                    var pair = cookie.Split(';')[0];
                    var eq = pair.IndexOf('=', StringComparison.Ordinal);
                    _cookies[pair[..eq]] = pair[(eq + 1)..];
                }
            }
            return response;
        }
    }
}
