namespace DecisionAid.Rendering;

/// <summary>How one rendering reaches the aid's pictures: inline (a self-contained file) or by URL (the web site).</summary>
public sealed record RenderOptions
{
    public static RenderOptions SelfContained { get; } = new();

    /// <summary>Maps (aid id, picture path) to a URL; null draws pictures inline as data URIs.</summary>
    public Func<string, string, string>? PictureUrl { get; init; }
    /// <summary>Maps a linked aid's id to its URL; null leaves links to other aids out.</summary>
    public Func<string, string>? AidUrl { get; init; }
    /// <summary>Maps an aid's id to its standards dossier's URL; null (a self-contained file) leaves the link out.</summary>
    public Func<string, string>? DossierUrl { get; init; }
}
