using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DecisionAid.Records.Consent;
using DecisionAid.Web.Api;
using DecisionAid.Web.Library;
using DecisionAid.Web.Packets;
using DecisionAid.Web.Tests.Data;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DecisionAid.Web.Tests.Packets;

/// <summary>New packets saved many at once (<see cref="PacketGroupCommit"/>): each exactly once, with its own entry, on both databases.</summary>
public class GroupCommitTests
{
    private static readonly SealKey Key = new(Convert.FromBase64String(SiteFactory.SealKey));

    private static NewPacket Request(string name) =>
        new("neurolysis", "en", "genicular", "heat", ["blood-thinners"], name, new DateOnly(1950, 1, 1), null);

    private static async Task<Guid> NewPracticeAsync(SiteFactory site)
    {
        using var scope = site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DecisionAidDb>();
        var practice = new Practice { Id = Guid.NewGuid(), Slug = $"p{Guid.NewGuid():N}"[..20], Name = "Batch Clinic", CreatedAt = DateTime.UtcNow };
        db.Practices.Add(practice);
        await db.SaveChangesAsync();
        return practice.Id;
    }

    /// <summary>A writer of the test's own beside the site's, started (or not) when the test says.</summary>
    private static PacketGroupCommit NewCommit(SiteFactory site) =>
        new(site.Services.GetRequiredService<IServiceScopeFactory>(), site.Services.GetRequiredService<ILogger<PacketGroupCommit>>());

    private static Packet NewPacket(SiteFactory site, Guid practiceId, string name) =>
        Request(name).Create(site.Services.GetRequiredService<AidLibrary>().Find("neurolysis")!, practiceId, "test", DateTime.UtcNow, TimeSpan.FromDays(14)).Packet;

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Packets_posted_at_once_are_each_saved_once_with_their_own_address_in_an_unbroken_chain(string provider)
    {
        using var database = TestDatabases.Create(provider);
        var settings = database.SiteSettings();
        settings["ForwardedHeaders:KnownProxies"] = "127.0.0.1, ::1";
        using var site = new SiteFactory(settings: settings);
        site.UseKestrel(0);
        site.StartServer();
        var practiceId = await NewPracticeAsync(site);
        const string apiKey = "da_group_commit_test_key_0123456789abcdefghijklmnop";
        using (var scope = site.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DecisionAidDb>();
            db.ApiKeys.Add(new ApiKey { Id = Guid.NewGuid(), PracticeId = practiceId, Name = "records", KeyHash = PacketsApi.Hash(apiKey), CreatedAt = DateTime.UtcNow, ExpiresAt = DateTime.UtcNow.AddDays(1) });
            await db.SaveChangesAsync();
        }
        var address = site.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var http = new HttpClient { BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal)) };

        // 40 requests in flight together, each from its own (forwarded) address and for its own patient.
        var sent = await Task.WhenAll(Enumerable.Range(1, 40).Select(async i =>
        {
            using var post = new HttpRequestMessage(HttpMethod.Post, "/api/packets") { Content = JsonContent.Create(Request($"Patient {i}")) };
            post.Headers.Add(PacketsApi.KeyHeader, apiKey);
            post.Headers.Add("X-Forwarded-For", $"203.0.113.{i}");
            using var response = await http.SendAsync(post, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            return (Id: body.RootElement.GetProperty("id").GetGuid(), Name: $"Patient {i}", Address: $"203.0.113.{i}");
        }));

        await using var check = database.Open();
        var packets = await check.Packets.AsNoTracking().ToDictionaryAsync(p => p.Id, TestContext.Current.CancellationToken);
        var created = await check.AuditEntries.AsNoTracking().Where(e => e.Action == AuditActions.PacketCreated).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(40, packets.Count);
        Assert.Equal(40, created.Count);
        foreach (var (id, name, from) in sent)
        {
            Assert.Equal(name, packets[id].PatientName);
            var entry = Assert.Single(created, e => e.PacketId == id);
            Assert.Equal(from, entry.Ip);
            Assert.StartsWith("api-key:", entry.Actor, StringComparison.Ordinal);
        }
        var report = await AuditVerification.RunAsync(check, Key, cancel: TestContext.Current.CancellationToken);
        Assert.True(report.Intact, report.Problem);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_packet_that_cannot_be_saved_fails_only_its_own_request(string provider)
    {
        using var database = TestDatabases.Create(provider);
        using var site = new SiteFactory(settings: database.SiteSettings());
        var practiceId = await NewPracticeAsync(site);
        Packet Named(string name) => NewPacket(site, practiceId, name);
        var existing = Named("Already Saved");
        var first = NewCommit(site);
        await first.StartAsync(TestContext.Current.CancellationToken);
        await first.SaveAsync(existing, "test", null);
        await first.StopAsync(TestContext.Current.CancellationToken);

        // Queued before the writer starts, so all four are in its first batch; the third reuses a saved packet's id.
        var commit = NewCommit(site);
        var good = new[] { Named("Ann"), Named("Bo"), Named("Cy") };
        var duplicate = Named("Duplicate");
        duplicate.Id = existing.Id;
        var saves = new[]
        {
            commit.SaveAsync(good[0], "test", null),
            commit.SaveAsync(good[1], "test", null),
            commit.SaveAsync(duplicate, "test", null),
            commit.SaveAsync(good[2], "test", null),
        };
        await commit.StartAsync(TestContext.Current.CancellationToken);
        await saves[0];
        await saves[1];
        await Assert.ThrowsAsync<DbUpdateException>(() => saves[2]);
        await saves[3];
        await commit.StopAsync(TestContext.Current.CancellationToken);

        Assert.Contains(site.Logs, line => line.Contains("Saving 4 new packets together failed; saving each alone", StringComparison.Ordinal));
        await using var check = database.Open();
        Assert.Equal(["Already Saved", "Ann", "Bo", "Cy"], await check.Packets.AsNoTracking().Select(p => p.PatientName).OrderBy(n => n).ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal(4, await check.AuditEntries.CountAsync(e => e.Action == AuditActions.PacketCreated, TestContext.Current.CancellationToken));
        Assert.True((await AuditVerification.RunAsync(check, Key, cancel: TestContext.Current.CancellationToken)).Intact);
    }

    /// <summary>The trail's table gone fails the batch before its save; the packets' table gone fails it inside EF Core's
    /// save, where the error comes wrapped as a DbUpdateException like a refused row.</summary>
    [Theory]
    [InlineData("AuditEntries")]
    [InlineData("Packets")]
    public async Task When_the_database_itself_fails_the_whole_batch_fails_at_once_without_a_retry_each(string hidden)
    {
        using var site = new SiteFactory();
        var practiceId = await NewPracticeAsync(site);
        using (var scope = site.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<DecisionAidDb>().Database.ExecuteSqlRawAsync(
                hidden == "Packets" ? "ALTER TABLE \"Packets\" RENAME TO \"Hidden\"" : "ALTER TABLE \"AuditEntries\" RENAME TO \"Hidden\"", TestContext.Current.CancellationToken);
        var commit = NewCommit(site);
        var packets = Enumerable.Range(1, 3).Select(i => NewPacket(site, practiceId, $"Lost {i}")).ToList();
        var saves = packets.Select(p => commit.SaveAsync(p, "test", null)).ToList();
        await commit.StartAsync(TestContext.Current.CancellationToken);
        foreach (var save in saves)
        {
            var failed = await Assert.ThrowsAnyAsync<Exception>(() => save);
            Assert.Contains("no such table", (failed.InnerException ?? failed).Message, StringComparison.Ordinal);
        }
        await commit.StopAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain(site.Logs, line => line.Contains("saving each alone", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Packets_still_waiting_when_the_site_stops_are_saved_and_later_ones_are_refused_with_a_reason()
    {
        using var site = new SiteFactory();
        var practiceId = await NewPracticeAsync(site);
        var commit = NewCommit(site);
        var packets = Enumerable.Range(1, 5).Select(i => NewPacket(site, practiceId, $"Waiting {i}")).ToList();
        var saves = packets.Select(p => commit.SaveAsync(p, "test", null)).ToList();
        await commit.StartAsync(TestContext.Current.CancellationToken);
        await commit.StopAsync(TestContext.Current.CancellationToken);
        Assert.All(saves, s => Assert.True(s.IsCompletedSuccessfully));

        using (var scope = site.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DecisionAidDb>();
            Assert.Equal(5, await db.Packets.CountAsync(p => p.PatientName.StartsWith("Waiting"), TestContext.Current.CancellationToken));
        }
        var late = NewPacket(site, practiceId, "Late");
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => commit.SaveAsync(late, "test", null));
        Assert.Contains("The site is stopping", refused.Message, StringComparison.Ordinal);
    }
}
