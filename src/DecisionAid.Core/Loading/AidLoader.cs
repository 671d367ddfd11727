using System.Security.Cryptography;
using System.Xml;
using DecisionAid.Core.Checks;
using DecisionAid.Core.Content;

namespace DecisionAid.Core.Loading;

/// <summary>Loads one aid folder: aid.yaml, one YAML file per language, and the SVG pictures it names.</summary>
public static class AidLoader
{
    public const string ModelFile = "aid.yaml";

    /// <param name="folder">The aid's folder on disk.</param>
    /// <param name="displayFolder">How the folder is named in messages (relative to where the user stands).</param>
    public static Aid? Load(string folder, string displayFolder, Diagnostics diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var folderName = Path.GetFileName(Path.TrimEndingDirectorySeparator(folder));
        var root = YamlFile.Open(Path.Combine(folder, ModelFile), Display(displayFolder, ModelFile), diagnostics);
        if (root is null) return null;
        var model = AidModelReader.Read(root, folderName);
        if (model is null) return null;

        var pictures = LoadPictures(folder, displayFolder, model, diagnostics);
        var texts = new Dictionary<string, AidText>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            if (name == ModelFile) continue;
            var language = Path.GetFileNameWithoutExtension(file);
            var display = Display(displayFolder, name);
            if (!Languages.IsSupported(language))
            {
                diagnostics.Error(FindingCodes.UnknownField, SourceLocation.File(display),
                    $"'{name}' is not a language file; name text files after a supported language ({string.Join(", ", Languages.Supported.Select(l => l + ".yaml"))})");
                continue;
            }
            var map = YamlFile.Open(file, display, diagnostics);
            if (map is null) continue;
            if (AidTextReader.Read(map, model, language) is { } text) texts[language] = text;
        }
        if (texts.Count == 0 && !Directory.EnumerateFiles(folder, "*.yaml").Any(f => Path.GetFileName(f) != ModelFile))
            diagnostics.Error(FindingCodes.MissingFile, model.Location, "the aid has no language file; add en.yaml with its words");

        return new Aid
        {
            Id = model.Id, Version = model.Version, Reviewed = model.ReviewedDate, ReviewedLocation = model.Reviewed.Location,
            Reviewers = model.Reviewers, Sources = model.Sources, Steps = model.Steps, Benefits = model.Benefits, Risks = model.Risks,
            Alternatives = model.Alternatives, Questions = model.Questions, KnowledgeCheck = model.KnowledgeCheck,
            Personalisation = model.Personalisation, Values = model.Values, Aftercare = model.Aftercare, Declarations = model.Declarations, Pictures = pictures, Texts = texts,
            ContentHash = HashFolder(folder), Location = model.Location,
        };
    }

    private static Dictionary<string, string> LoadPictures(string folder, string displayFolder, AidModelReader.Model model, Diagnostics d)
    {
        var pictures = new Dictionary<string, string>(StringComparer.Ordinal);
        var fullFolder = Path.GetFullPath(folder);
        foreach (var step in model.Steps)
        {
            var full = Path.GetFullPath(Path.Combine(folder, step.Picture));
            if (!full.StartsWith(fullFolder + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !step.Picture.EndsWith(".svg", StringComparison.Ordinal))
            {
                d.Error(FindingCodes.BadPicture, step.Location, $"picture '{step.Picture}' of step '{step.Id}' must be an .svg file inside the aid's folder");
                continue;
            }
            if (!File.Exists(full))
            {
                d.Error(FindingCodes.MissingPicture, step.Location, $"picture '{step.Picture}' of step '{step.Id}' does not exist ({Display(displayFolder, step.Picture)})");
                continue;
            }
            var svg = File.ReadAllText(full);
            if (SvgProblem(svg) is { } problem)
            {
                d.Error(FindingCodes.BadPicture, step.Location, $"picture '{step.Picture}' {problem}");
                continue;
            }
            pictures[step.Picture] = svg;
        }
        return pictures;
    }

    /// <summary>Pictures are drawn inline into pages, so they must be plain SVG: no scripts, event handlers or outside links.</summary>
    internal static string? SvgProblem(string svg)
    {
        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
            using var reader = XmlReader.Create(new StringReader(svg), settings);
            var first = true;
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element) continue;
                if (first && reader.LocalName != "svg") return "is not an SVG picture (its first element is not <svg>)";
                first = false;
                if (reader.LocalName is "script" or "foreignObject" or "iframe") return $"holds a <{reader.LocalName}> element, which pictures may not";
                for (var i = 0; i < reader.AttributeCount; i++)
                {
                    reader.MoveToAttribute(i);
                    if (reader.LocalName.StartsWith("on", StringComparison.OrdinalIgnoreCase)) return $"holds an event handler ({reader.LocalName})";
                    if (reader.LocalName == "href" && !reader.Value.StartsWith('#')) return $"links outside itself ({reader.Value})";
                }
                reader.MoveToElement();
            }
            return first ? "is empty" : null;
        }
        catch (XmlException e)
        {
            return $"is not well-formed SVG: {e.Message}";
        }
    }

    /// <summary>SHA-256 over every file of the aid (path and bytes, in a fixed order): the version a reader was shown.</summary>
    private static string HashFolder(string folder)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                     .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/')).Order(StringComparer.Ordinal))
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(file + "\n"));
            hash.AppendData(File.ReadAllBytes(Path.Combine(folder, file)));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static string Display(string folder, string file) => folder.Length == 0 ? file : $"{folder.TrimEnd('/')}/{file}";
}
