using System.Security.Cryptography;
using System.Text;
using DecisionAid.Core.Checks;
using DecisionAid.Core.Content;
using DecisionAid.Core.Loading;
using DecisionAid.Rendering;

namespace DecisionAid.Records.Library;

/// <summary>The content library as the site serves it: loaded and checked once at start, immutable afterwards.</summary>
public sealed class AidLibrary
{
    public AidLibrary(ContentLibrary content, IReadOnlyList<Finding> warnings)
    {
        ArgumentNullException.ThrowIfNull(content);
        Content = content;
        Warnings = warnings;
        Search = new AidSearch(content.Aids);
        // Changes with any content file, the stylesheet or the app build: the basis of every ETag.
        var mvid = typeof(AidLibrary).Assembly.ManifestModule.ModuleVersionId.ToString();
        var source = string.Join('\n', content.Aids.Select(a => a.ContentHash).Append(content.SiteHash).Append(Stylesheet.Text).Append(mvid));
        Version = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(source)))[..16];
    }

    public ContentLibrary Content { get; }
    public IReadOnlyList<Finding> Warnings { get; }
    public string Version { get; }

    public IReadOnlyList<Aid> Aids => Content.Aids;
    /// <summary>Finds aids by what a patient types, in any language (built once, as the library never changes while the site runs).</summary>
    public AidSearch Search { get; }

    public Aid? Find(string id) => Content.Find(id);

    /// <summary>Strong validator for one rendering of one aid in one language.</summary>
    public string ETag(Aid aid, string language, string variant = "")
    {
        ArgumentNullException.ThrowIfNull(aid);
        return $"\"{aid.ContentHash[..16]}-{language}-{Version}{variant}\"";
    }
}

/// <summary>The content library has errors: the site refuses to start and shows the checker's findings.</summary>
public sealed class ContentLibraryException(string message) : Exception(message);
