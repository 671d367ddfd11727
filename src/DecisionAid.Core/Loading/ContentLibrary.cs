using DecisionAid.Core.Checks;
using DecisionAid.Core.Content;

namespace DecisionAid.Core.Loading;

/// <summary>All aids under one content folder, loaded once and checked against each other (links between aids).</summary>
public sealed class ContentLibrary
{
    private ContentLibrary(IReadOnlyList<Aid> aids, IReadOnlyList<Finding> findings, IReadOnlyList<string>? languages = null, string siteHash = "")
    {
        Aids = aids;
        LoadFindings = findings;
        Languages = languages is { Count: > 0 } ? languages : Content.Languages.Supported;
        SiteHash = siteHash;
    }

    /// <summary>The languages this library speaks: its own _site/languages.yaml, else every language the app ships.</summary>
    public IReadOnlyList<string> Languages { get; }

    /// <summary>A hash of the library's _site files (the interface's words), so a change to them changes every ETag.</summary>
    public string SiteHash { get; }

    public IReadOnlyList<Aid> Aids { get; }
    /// <summary>Problems found while loading; an aid with a loading error is still listed when it could be read.</summary>
    public IReadOnlyList<Finding> LoadFindings { get; }

    public Aid? Find(string id) => Aids.FirstOrDefault(a => a.Id == id);

    /// <param name="root">The content folder (holding one folder per aid).</param>
    /// <param name="displayRoot">How the folder is named in messages; defaults to <paramref name="root"/>.</param>
    public static ContentLibrary Load(string root, string? displayRoot = null)
    {
        ArgumentNullException.ThrowIfNull(root);
        displayRoot ??= root;
        var d = new Diagnostics();
        var aids = new List<Aid>();
        if (!Directory.Exists(root))
        {
            d.Error(FindingCodes.MissingFile, SourceLocation.File(displayRoot), $"the content folder {displayRoot} does not exist");
            return new ContentLibrary(aids, d.Findings);
        }
        // The library's own languages (content/_site/languages.yaml) are known before any aid's language file is read.
        var languages = Content.Languages.Register(root, displayRoot, d);
        foreach (var folder in Directory.EnumerateDirectories(root).Order(StringComparer.Ordinal))
        {
            if (!File.Exists(Path.Combine(folder, AidLoader.ModelFile))) continue;
            var display = $"{displayRoot.TrimEnd('/')}/{Path.GetFileName(folder)}";
            if (AidLoader.Load(folder, display, d) is { } aid) aids.Add(aid);
        }
        if (aids.Count == 0 && !d.HasErrors)
            d.Error(FindingCodes.MissingFile, SourceLocation.File(displayRoot), $"no aids found in {displayRoot}: each aid is a folder holding aid.yaml");
        var ids = aids.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var aid in aids)
            foreach (var alt in aid.Alternatives.Where(a => a.LinkedAid is not null && !ids.Contains(a.LinkedAid)))
                d.Error(FindingCodes.UnknownLinkedAid, alt.Location, $"alternative '{alt.Id}' links to the aid '{alt.LinkedAid}', which is not in the library");
        return new ContentLibrary(aids, d.Findings, languages, SiteFilesHash(root));
    }

    private static string SiteFilesHash(string root)
    {
        var site = Path.Combine(root, Content.Languages.SiteFolder);
        if (!Directory.Exists(site)) return "";
        using var sha = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var file in Directory.EnumerateFiles(site, "*.yaml").Order(StringComparer.Ordinal))
        {
            sha.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetFileName(file) + "\n"));
            sha.AppendData(File.ReadAllBytes(file));
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
