using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DecisionAid.Web.Tests.Security;

public class ProxiesTests
{
    [Fact]
    public async Task Https_responses_carry_hsts_in_production()
    {
        using var site = new SiteFactory();
        // HSTS leaves localhost out on purpose; a real host name gets it.
        using var https = site.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://aids.example.org"), AllowAutoRedirect = false });
        var response = await https.GetAsync("/en/");
        Assert.Contains("max-age=31536000", string.Join(" ", response.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_known_proxy_that_is_not_an_address_stops_the_start_with_a_clear_message()
    {
        using var site = new SiteFactory(settings: new() { ["ForwardedHeaders:KnownProxies"] = "10.0.0.1, proxy.example" });
        var error = Assert.ThrowsAny<Exception>(() => site.Client().GetAsync("/healthz").GetAwaiter().GetResult());
        var message = error.ToString();
        Assert.Contains("'proxy.example', which is not an IP address", message, StringComparison.Ordinal);
    }

    /// <summary>Twelve wrong link attempts from one machine, each claiming another client address.</summary>
    private static async Task<List<HttpStatusCode>> SpoofedAttempts(SiteFactory site)
    {
        site.UseKestrel(0);
        site.StartServer();
        var address = site.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal)),
        };
        var statuses = new List<HttpStatusCode>();
        for (var i = 1; i <= 12; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/p/not-a-real-link")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["BirthDate"] = "1950-01-01" }),
            };
            request.Headers.Add("X-Forwarded-For", $"203.0.113.{i}");
            statuses.Add((await client.SendAsync(request)).StatusCode);
        }
        return statuses;
    }

    [Fact]
    public async Task Without_a_configured_proxy_a_forwarded_address_is_ignored_and_the_attempt_limit_holds()
    {
        using var site = new SiteFactory();
        var statuses = await SpoofedAttempts(site);
        Assert.Equal(10, statuses.Count(s => s != HttpStatusCode.TooManyRequests));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    [Fact]
    public async Task A_configured_proxy_forwards_each_clients_own_address()
    {
        using var site = new SiteFactory(settings: new() { ["ForwardedHeaders:KnownProxies"] = "127.0.0.1, ::1" });
        var statuses = await SpoofedAttempts(site);
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses);
    }
}
