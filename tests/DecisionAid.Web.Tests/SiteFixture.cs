using DecisionAid.Core.Loading;

namespace DecisionAid.Web.Tests;

/// <summary>One running site (on the shipped content) shared by a test class.</summary>
public sealed class SiteFixture : IDisposable
{
    private readonly ContentLibrary _content = ContentLibrary.Load(TestFolders.ShippedContent());

    public SiteFactory Factory { get; } = new();

    public IReadOnlyList<string> Languages(string aid) => [.. _content.Find(aid)!.Languages];

    public IReadOnlySet<string> CitedUrls(string aid) =>
        _content.Find(aid)!.Sources.Where(s => s.Url is not null).Select(s => s.Url!.AbsoluteUri).ToHashSet();

    public void Dispose() => Factory.Dispose();
}
