using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using DecisionAid.Core.Checks;
using DecisionAid.Core.Content;
using DecisionAid.Core.Loading;
using DecisionAid.Core.Readability;
using DecisionAid.Core.Surveys;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DecisionAid.Rendering.Text;

/// <summary>Every word of the interface in one language, from content/_site/&lt;code&gt;.yaml.</summary>
public sealed record SiteText(Language Language, UiText Ui, ConsentText Consent, SurveyText Survey, TabletText Tablet, AftercareText Aftercare);

/// <summary>
/// The interface's words as content: one YAML file per language with a section per part of the site, each key the
/// snake_case name of a property of <see cref="UiText"/>, <see cref="ConsentText"/>, <see cref="SurveyText"/>,
/// <see cref="TabletText"/> or <see cref="AftercareText"/>. The library's files ship inside the app; a content folder
/// loaded with its own _site/&lt;code&gt;.yaml (Languages.SiteFolders) is read first, so a language is added by content alone.
/// </summary>
public static partial class SiteTexts
{
    private static readonly (string Section, Type Type)[] Sections =
        [("ui", typeof(UiText)), ("consent", typeof(ConsentText)), ("survey", typeof(SurveyText)), ("tablet", typeof(TabletText)), ("aftercare", typeof(AftercareText))];

    /// <summary>Properties that come from the language registry, not from the file.</summary>
    private static readonly HashSet<string> FromRegistry = ["Language", "Culture"];

    private static readonly ConcurrentDictionary<string, SiteText> Cache = new(StringComparer.Ordinal);

    /// <summary>The interface in a language; English for a code the library does not know.</summary>
    public static SiteText For(string language)
    {
        if (!Languages.IsSupported(language)) language = "en";
        var folder = Languages.SiteFolders.LastOrDefault(f => File.Exists(Path.Combine(f, language + ".yaml")));
        return Cache.GetOrAdd($"{folder}|{language}", _ => Load(language, folder));
    }

    private static SiteText Load(string language, string? folder)
    {
        var d = new Diagnostics();
        string yaml;
        string display;
        if (folder is null)
        {
            using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"DecisionAid.Rendering.Site.{language}.yaml")
                ?? throw new InvalidOperationException($"the interface has no words in '{language}': add content/_site/{language}.yaml");
            using var reader = new StreamReader(stream);
            yaml = reader.ReadToEnd();
            display = $"content/_site/{language}.yaml";
        }
        else
        {
            yaml = File.ReadAllText(Path.Combine(folder, language + ".yaml"));
            display = Path.Combine(folder, language + ".yaml");
        }
        var text = Read(yaml, display, language, d);
        if (text is null || d.HasErrors)
            throw new InvalidOperationException($"the interface's words in {display} cannot be used; run `pda check`: "
                + string.Join("; ", d.Findings.Where(f => f.Severity == Severity.Error).Take(5)));
        return text;
    }

    /// <summary>The checker's view: every _site/&lt;code&gt;.yaml of a content folder read and held to its rules.</summary>
    public static IReadOnlyList<Finding> Check(string contentRoot, string displayRoot, CheckOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(contentRoot);
        var d = new Diagnostics();
        var site = Path.Combine(contentRoot, Languages.SiteFolder);
        if (!Directory.Exists(site)) return [];
        var display = $"{displayRoot.TrimEnd('/')}/{Languages.SiteFolder}";
        var codes = Languages.Register(contentRoot, displayRoot, new Diagnostics());
        foreach (var code in codes.Where(c => !File.Exists(Path.Combine(site, c + ".yaml"))))
            d.Error(FindingCodes.MissingFile, SourceLocation.File($"{display}/{Languages.RegistryFile}"),
                $"the language '{code}' has no interface words: add {display}/{code}.yaml (copy en.yaml and translate every value)");
        foreach (var file in Directory.EnumerateFiles(site, "*.yaml").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            if (name == Languages.RegistryFile) continue;
            var code = Path.GetFileNameWithoutExtension(file);
            var path = $"{display}/{name}";
            if (!Languages.IsSupported(code))
            {
                d.Error(FindingCodes.UnknownField, SourceLocation.File(path), $"'{name}' names no language of {display}/{Languages.RegistryFile}; add '{code}' there");
                continue;
            }
            var yaml = File.ReadAllText(file);
            if (Read(yaml, path, code, d) is { } text) CheckReadability(text, Exempt(yaml), file, path, d, options ?? CheckOptions.Default);
        }
        return d.Findings;
    }

    private const string ExemptSection = "readability_exempt";

    private static Dictionary<string, string> Exempt(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents[0].RootNode is YamlMappingNode root && root.Children.TryGetValue(new YamlScalarNode(ExemptSection), out var node) && node is YamlMappingNode map
            ? map.Children.ToDictionary(e => ((YamlScalarNode)e.Key).Value!, e => (e.Value as YamlScalarNode)?.Value ?? "", StringComparer.Ordinal)
            : [];
    }

    internal static SiteText? Read(string yaml, string path, string language, Diagnostics d)
    {
        YamlMappingNode root;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode r)
            {
                d.Error(FindingCodes.WrongType, SourceLocation.File(path), "the file must hold a mapping of fields (key: value) at the top");
                return null;
            }
            root = r;
        }
        catch (YamlException e)
        {
            d.Error(FindingCodes.YamlSyntax, new SourceLocation(path, (int)e.Start.Line, (int)e.Start.Column), $"YAML syntax: {(e.InnerException?.Message ?? e.Message).Trim()}");
            return null;
        }
        var lang = Languages.Get(language);
        var values = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (key, node) in root.Children)
        {
            var k = (key as YamlScalarNode)?.Value ?? "";
            if (k == ExemptSection)
            {
                if (node is not YamlMappingNode exempt || exempt.Children.Any(e => string.IsNullOrWhiteSpace((e.Value as YamlScalarNode)?.Value)))
                    d.Error(FindingCodes.WrongType, At(path, node), $"'{ExemptSection}' must map each key to the reason its wording is not held to the reading rule");
                continue;
            }
            if (k == "language")
            {
                if ((node as YamlScalarNode)?.Value != language)
                    d.Error(FindingCodes.WrongType, At(path, node), $"language must be '{language}', as the file's name says");
                continue;
            }
            if (Array.Find(Sections, s => s.Section == k) is not { Type: not null } section)
            {
                d.Error(FindingCodes.UnknownField, At(path, key), $"unknown section '{k}'; expected one of: language, {string.Join(", ", Sections.Select(s => s.Section))}");
                continue;
            }
            if (node is not YamlMappingNode map)
            {
                d.Error(FindingCodes.WrongType, At(path, node), $"'{k}' must be a mapping of keys to words");
                continue;
            }
            if (Bind(section.Type, map, k, path, lang, d) is { } bound) values[k] = bound;
        }
        foreach (var (section, _) in Sections.Where(s => !values.ContainsKey(s.Section) && !root.Children.ContainsKey(new YamlScalarNode(s.Section))))
            d.Error(FindingCodes.MissingField, At(path, root), $"the section '{section}' is missing");
        if (!Sections.All(s => values.ContainsKey(s.Section))) return null;
        return new SiteText(lang, (UiText)values["ui"], (ConsentText)values["consent"], (SurveyText)values["survey"], (TabletText)values["tablet"], (AftercareText)values["aftercare"]);
    }

    /// <summary>Fills one record from its section: every property needs its key, no key may be unknown, placeholders must match.</summary>
    private static object? Bind(Type type, YamlMappingNode map, string section, string path, Language language, Diagnostics d)
    {
        var target = Activator.CreateInstance(type)!;
        var ok = true;
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is not null).ToList();
        var byKey = properties.Where(p => !FromRegistry.Contains(p.Name)).ToDictionary(p => Snake(p.Name), StringComparer.Ordinal);
        foreach (var (keyNode, node) in map.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            if (!byKey.ContainsKey(key))
            {
                var hint = byKey.Keys.OrderBy(k => Distance(k, key)).First();
                d.Error(FindingCodes.UnknownField, At(path, keyNode), $"unknown key '{section}.{key}'; did you mean '{hint}'?");
                ok = false;
            }
        }
        foreach (var (key, property) in byKey)
        {
            if (!map.Children.TryGetValue(new YamlScalarNode(key), out var node))
            {
                d.Error(FindingCodes.TextMissing, At(path, map), $"'{section}.{key}' is missing; every language needs every key of en.yaml");
                ok = false;
                continue;
            }
            var value = Value(property, node, $"{section}.{key}", path, d);
            if (value is null) { ok = false; continue; }
            property.SetValue(target, value);
        }
        if (type == typeof(UiText))
        {
            type.GetProperty(nameof(UiText.Language))!.SetValue(target, language.Code);
            type.GetProperty(nameof(UiText.Culture))!.SetValue(target, language.Culture);
        }
        return ok ? target : null;
    }

    private static object? Value(PropertyInfo property, YamlNode node, string key, string path, Diagnostics d)
    {
        var type = property.PropertyType;
        if (type == typeof(string))
        {
            if (Scalar(node, key, path, d) is not { } text) return null;
            var names = property.GetCustomAttribute<PlaceholdersAttribute>()?.Names ?? [];
            return Placeholders(text, names, key, At(path, node), d);
        }
        if (type == typeof(IReadOnlyList<string>))
            return List(node, key, path, d);
        if (type == typeof(IReadOnlyDictionary<string, string>))
        {
            if (node is not YamlMappingNode m) return WrongType(node, key, "a mapping of ids to words", path, d);
            var dict = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (k, v) in m.Children)
                if (Scalar(v, $"{key}.{k}", path, d) is { } s) dict[((YamlScalarNode)k).Value!] = s;
            return dict.Count == m.Children.Count ? dict : null;
        }
        if (type == typeof(IReadOnlyDictionary<SurveyScale, IReadOnlyList<string>>))
        {
            if (node is not YamlMappingNode m) return WrongType(node, key, "a mapping of scales to lists of words", path, d);
            var dict = new Dictionary<SurveyScale, IReadOnlyList<string>>();
            foreach (var scale in Enum.GetValues<SurveyScale>())
            {
                var name = Snake(scale.ToString());
                if (!m.Children.TryGetValue(new YamlScalarNode(name), out var list))
                {
                    d.Error(FindingCodes.TextMissing, At(path, m), $"'{key}.{name}' is missing");
                    continue;
                }
                if (List(list, $"{key}.{name}", path, d) is { } words) dict[scale] = words;
            }
            return dict.Count == Enum.GetValues<SurveyScale>().Length ? dict : null;
        }
        throw new InvalidOperationException($"{property.DeclaringType!.Name}.{property.Name} has a type the site text files cannot hold");
    }

    /// <summary>Content names its placeholders ("Step {number}"); the code formats by position, so they become {0}, {1}.</summary>
    private static string? Placeholders(string text, IReadOnlyList<string> names, string key, SourceLocation at, Diagnostics d)
    {
        var found = Placeholder().Matches(text).Select(m => m.Groups[1].Value).ToList();
        var unknown = found.Where(n => !names.Contains(n)).Distinct().ToList();
        var missing = names.Where(n => !found.Contains(n)).ToList();
        if (unknown.Count > 0)
            d.Error(FindingCodes.UnknownPlaceholder, at, $"'{key}' holds {string.Join(", ", unknown.Select(n => "{" + n + "}"))}, which is never filled in"
                + (names.Count == 0 ? "; this text takes no placeholder" : $"; it takes {string.Join(", ", names.Select(n => "{" + n + "}"))}"));
        if (missing.Count > 0)
            d.Error(FindingCodes.UnknownPlaceholder, at, $"'{key}' never says {string.Join(", ", missing.Select(n => "{" + n + "}"))}; every language must show it");
        if (unknown.Count > 0 || missing.Count > 0) return null;
        // Literal braces are doubled for string.Format; then each name becomes its position.
        var escaped = text.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal);
        for (var i = 0; i < names.Count; i++)
            escaped = escaped.Replace("{{" + names[i] + "}}", "{" + i.ToString(CultureInfo.InvariantCulture) + "}", StringComparison.Ordinal);
        return escaped;
    }

    private static List<string>? List(YamlNode node, string key, string path, Diagnostics d)
    {
        if (node is not YamlSequenceNode seq || seq.Children.Count == 0)
        {
            WrongType(node, key, "a list of words", path, d);
            return null;
        }
        var items = seq.Children.Select((c, i) => Scalar(c, $"{key}[{i + 1}]", path, d)).ToList();
        return items.Any(i => i is null) ? null : [.. items.OfType<string>()];
    }

    private static string? Scalar(YamlNode node, string key, string path, Diagnostics d)
    {
        if (node is not YamlScalarNode s) return (string?)WrongType(node, key, "words", path, d);
        if (string.IsNullOrEmpty(s.Value))
        {
            d.Error(FindingCodes.MissingField, At(path, node), $"'{key}' is empty");
            return null;
        }
        return s.Value;
    }

    private static object? WrongType(YamlNode node, string key, string expected, string path, Diagnostics d)
    {
        d.Error(FindingCodes.WrongType, At(path, node), $"'{key}' must be {expected}");
        return null;
    }

    /// <summary>
    /// Interface sentences are held to the language's per-sentence rule, as aids are, except the keys the file lists
    /// under readability_exempt with its reason (a validated questionnaire's wording, words only a clinician reads).
    /// </summary>
    private static void CheckReadability(SiteText text, Dictionary<string, string> exempt, string file, string path, Diagnostics d, CheckOptions options)
    {
        var lines = File.ReadAllLines(file);
        // A listed key covers its items too: "ui.sure_items" covers "ui.sure_items[4]".
        foreach (var (key, words) in Words(text).Where(w => !exempt.Keys.Any(e => w.Key == e || w.Key.StartsWith(e + "[", StringComparison.Ordinal) || w.Key.StartsWith(e + ".", StringComparison.Ordinal))))
            foreach (var sentence in PlainSentences.TooHard(words, text.Language.Code, options))
            {
                var leaf = key[(key.LastIndexOf('.') + 1)..].Split('[')[0];
                var line = Array.FindIndex(lines, l => l.TrimStart().StartsWith(leaf + ":", StringComparison.Ordinal));
                // A language with no validated formula is only warned about, as its aids are.
                var report = text.Language.Readability == ReadabilityRule.SentenceLength ? (Action<string, SourceLocation, string>)d.Warning : d.Error;
                report(FindingCodes.SentenceTooHard, new SourceLocation(path, line + 1, 1),
                    $"the {text.Language.EnglishName} text of '{key}' has a sentence too hard for its readability rule: \"{sentence}\"; use shorter words or split it (or list the key under readability_exempt with the reason)");
            }
    }

    /// <summary>Every string of a language's interface by its key ("ui.step_number", "survey.questions.time"), placeholders blanked.</summary>
    private static IEnumerable<(string Key, string Words)> Words(SiteText text)
    {
        foreach (var (section, type) in Sections)
        {
            var record = type == typeof(UiText) ? text.Ui : type == typeof(ConsentText) ? text.Consent : type == typeof(SurveyText) ? text.Survey
                : type == typeof(TabletText) ? (object)text.Tablet : text.Aftercare;
            foreach (var p in type.GetProperties().Where(p => p.SetMethod is not null && !FromRegistry.Contains(p.Name)))
            {
                var key = $"{section}.{Snake(p.Name)}";
                IEnumerable<(string, string)> values = p.GetValue(record) switch
                {
                    string one => [(key, one)],
                    IReadOnlyList<string> list => list.Select((w, i) => ($"{key}[{i + 1}]", w)),
                    IReadOnlyDictionary<string, string> dict => dict.Select(e => ($"{key}.{e.Key}", e.Value)),
                    IReadOnlyDictionary<SurveyScale, IReadOnlyList<string>> scales => scales.SelectMany(e => e.Value.Select((w, i) => ($"{key}.{Snake(e.Key.ToString())}[{i + 1}]", w))),
                    _ => [],
                };
                foreach (var (k, w) in values) yield return (k, Regex.Replace(w, @"\{\d+\}", "it"));
            }
        }
    }

    private static SourceLocation At(string path, YamlNode node) => new(path, (int)node.Start.Line, (int)node.Start.Column);

    private static string Snake(string name) => SnakeCase().Replace(name, "_$1").ToLowerInvariant();

    private static int Distance(string a, string b)
    {
        var prev = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var cur = new int[b.Length + 1];
            cur[0] = i;
            for (var j = 1; j <= b.Length; j++)
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            prev = cur;
        }
        return prev[b.Length];
    }

    [GeneratedRegex(@"\{([a-z_]+)\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex("(?<=[a-z0-9])([A-Z])")]
    private static partial Regex SnakeCase();
}
