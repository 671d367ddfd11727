using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DecisionAid.Web.Tests;

/// <summary>The real site in-process, on the shipped content unless a test points it elsewhere.</summary>
public sealed class SiteFactory : WebApplicationFactory<Program>
{
    private readonly string? _contentPath;

    public SiteFactory(string? contentPath = null) => _contentPath = contentPath;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        if (_contentPath is not null) builder.UseSetting("Content:Path", _contentPath);
    }

    /// <summary>A client that does not follow redirects, so tests see each response as it is.</summary>
    public HttpClient Client() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
}
