using System.Net;
using DecisionAid.Web.Tests.Data;
using Microsoft.Extensions.Time.Testing;

namespace DecisionAid.Web.Tests.Security;

/// <summary>
/// The limits that guard against guessing are counted in the database: two nodes of the site on one database, with
/// tries alternating between them, meet one limit, not one each.
/// </summary>
public class SharedLimitsTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Two_nodes_on_one_database_share_the_attempt_limit(string provider)
    {
        using var database = TestDatabases.Create(provider);
        using var first = new SiteFactory(settings: database.SiteSettings());
        using var second = new SiteFactory(settings: database.SiteSettings());
        var nodes = new[] { first.Client(), second.Client() };
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 14; i++)
        {
            using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["BirthDate"] = "1950-01-01" });
            statuses.Add((await nodes[i % 2].PostAsync($"/p/{new string('a', 43)}", form, TestContext.Current.CancellationToken)).StatusCode);
        }
        Assert.Equal(10, statuses.Count(s => s != HttpStatusCode.TooManyRequests));
        Assert.All(statuses.Skip(10), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Wrong_api_keys_are_limited_across_nodes_and_a_right_one_waits_out_the_minute(string provider)
    {
        using var database = TestDatabases.Create(provider);
        using var first = new SiteFactory(settings: database.SiteSettings());
        using var second = new SiteFactory(settings: database.SiteSettings());
        var nodes = new[] { first.Client(), second.Client() };
        const string right = "da_right_key_for_the_limit_test_0123456789abcdef";
        await using (var db = database.Open())
        {
            var practice = new Practice { Id = Guid.NewGuid(), Slug = "limits", Name = "Limits Clinic", CreatedAt = DateTime.UtcNow };
            db.Practices.Add(practice);
            db.ApiKeys.Add(new ApiKey { Id = Guid.NewGuid(), PracticeId = practice.Id, Name = "records", KeyHash = Web.Api.PacketsApi.Hash(right), CreatedAt = DateTime.UtcNow, ExpiresAt = DateTime.UtcNow.AddDays(1) });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        async Task<HttpStatusCode> ReadAsync(HttpClient node, string key)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/packets/{Guid.NewGuid()}");
            request.Headers.Add("X-Api-Key", key);
            return (await node.SendAsync(request, TestContext.Current.CancellationToken)).StatusCode;
        }
        Assert.Equal(HttpStatusCode.NotFound, await ReadAsync(nodes[0], right)); // let in: no such packet
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++) statuses.Add(await ReadAsync(nodes[i % 2], $"wrong-key-{i:D2}-0123456789abcdef"));
        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Unauthorized, 10).Concat(Enumerable.Repeat(HttpStatusCode.TooManyRequests, 2)), statuses);
        // Past the limit the right key is refused too, on either node, until the minute is over.
        Assert.Equal(HttpStatusCode.TooManyRequests, await ReadAsync(nodes[0], right));
        Assert.Equal(HttpStatusCode.TooManyRequests, await ReadAsync(nodes[1], right));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_window_counts_afresh_when_its_minute_is_over_and_old_windows_are_swept(string provider)
    {
        using var database = TestDatabases.Create(provider);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 5, 10, 0, 30, TimeSpan.Zero));
        await using var db = database.Open();
        var limits = new AttemptLimits(db, clock);
        var window = TimeSpan.FromMinutes(1);
        for (var i = 1; i <= 3; i++)
        {
            var verdict = await limits.TryAsync("attempt 192.0.2.1", 2, window, TestContext.Current.CancellationToken);
            Assert.Equal(i, verdict.Count);
            Assert.Equal(i <= 2, verdict.Allowed);
            Assert.Equal(TimeSpan.FromSeconds(30), verdict.RetryAfter);
        }
        Assert.Equal(1, (await limits.TryAsync("attempt 192.0.2.2", 2, window, TestContext.Current.CancellationToken)).Count); // another address counts alone
        clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(1, (await limits.TryAsync("attempt 192.0.2.1", 2, window, TestContext.Current.CancellationToken)).Count);
        Assert.Equal(1, await limits.CountAsync("attempt 192.0.2.1", window, TestContext.Current.CancellationToken));
        clock.Advance(TimeSpan.FromHours(2));
        await limits.TryAsync("attempt 192.0.2.3", 2, window, TestContext.Current.CancellationToken);
        Assert.Equal(1, db.AttemptCounts.Count()); // the first try of a new window swept the windows an hour old
    }
}
