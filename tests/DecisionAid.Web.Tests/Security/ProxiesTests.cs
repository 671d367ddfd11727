using Microsoft.AspNetCore.Mvc.Testing;

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
}
