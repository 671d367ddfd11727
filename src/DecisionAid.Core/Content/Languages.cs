using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using DecisionAid.Core.Checks;
using DecisionAid.Core.Loading;
using YamlDotNet.RepresentationModel;

namespace DecisionAid.Core.Content;

/// <summary>
/// The languages aids and the interface are written in, read from content/_site/languages.yaml. The library's own
/// file ships inside the app as the default; a content folder with its own _site/languages.yaml adds or replaces
/// languages when it is loaded, so a language is added by content alone.
/// </summary>
public static class Languages
{
    public const string SiteFolder = "_site";
    public const string RegistryFile = "languages.yaml";

    private static ImmutableDictionary<string, Language> _all = LoadDefaults();
    private static ImmutableArray<string> _order; // set by LoadDefaults, in the registry's order

    private static ImmutableArray<string> _siteFolders = [];

    /// <summary>The _site folders of the content folders loaded so far, newest last: where interface words are looked up before the shipped ones.</summary>
    public static IReadOnlyList<string> SiteFolders => _siteFolders;

    /// <summary>Every known language code, English first, then in the registry's order.</summary>
    public static IReadOnlyList<string> Supported => _order;

    public static bool IsSupported(string code) => _all.ContainsKey(code);

    public static Language Get(string code) =>
        _all.TryGetValue(code, out var language) ? language : throw new ArgumentException($"'{code}' is not a language of the library (content/_site/languages.yaml)", nameof(code));

    /// <summary>The language's name in English, for checker messages written for authors.</summary>
    public static string EnglishName(string code) => _all.TryGetValue(code, out var l) ? l.EnglishName : code;

    /// <summary>
    /// Reads a content folder's _site/languages.yaml, if it has one, and adds its languages (a code already known
    /// is replaced). Problems are findings at their line; the languages that read well are still added.
    /// </summary>
    /// <returns>The codes the folder's registry defines, in its order; empty when it has none.</returns>
    public static IReadOnlyList<string> Register(string contentRoot, string displayRoot, Diagnostics diagnostics)
    {
        ArgumentNullException.ThrowIfNull(contentRoot);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var site = Path.GetFullPath(Path.Combine(contentRoot, SiteFolder));
        if (Directory.Exists(site))
            lock (typeof(Languages)) _siteFolders = [.. _siteFolders.Remove(site), site];
        var path = Path.Combine(site, RegistryFile);
        if (!File.Exists(path)) return [];
        var map = YamlFile.Open(path, $"{displayRoot.TrimEnd('/')}/{SiteFolder}/{RegistryFile}", diagnostics);
        if (map is null) return [];
        var read = Read(map);
        lock (typeof(Languages))
        {
            var all = _all.SetItems(read.Select(l => KeyValuePair.Create(l.Code, l)));
            _order = [.. _order.Where(all.ContainsKey).Concat(read.Select(l => l.Code).Where(c => !_order.Contains(c)))];
            _all = all;
        }
        return [.. read.Select(l => l.Code)];
    }

    private static ImmutableDictionary<string, Language> LoadDefaults()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("DecisionAid.Core.Site.languages.yaml")
            ?? throw new InvalidOperationException("the app was built without content/_site/languages.yaml");
        using var reader = new StreamReader(stream);
        var yaml = new YamlStream();
        yaml.Load(reader);
        var d = new Diagnostics();
        var languages = Read(new YamlMap((YamlMappingNode)yaml.Documents[0].RootNode, "content/_site/languages.yaml", "", d));
        if (d.HasErrors) throw new InvalidOperationException("content/_site/languages.yaml: " + string.Join("; ", d.Findings.Select(f => f.ToString())));
        _order = [.. languages.Select(l => l.Code)];
        return languages.ToImmutableDictionary(l => l.Code, StringComparer.Ordinal);
    }

    private static List<Language> Read(YamlMap root)
    {
        var languages = new List<Language>();
        foreach (var m in root.MapList("languages"))
        {
            var code = m.Text("code");
            var culture = m.Text("culture");
            var direction = m.Text("direction");
            var numbers = m.Map("numbers");
            var readability = m.Text("readability");
            var (name, englishName, date, people, chance, range, caption) =
                (m.String("name"), m.String("english_name"), m.String("date"), m.String("people"), m.String("chance"), m.String("range"), m.String("caption"));
            var group = numbers?.Node("group", true) is YamlScalarNode g ? g.Value ?? "" : "";
            var groupFrom = numbers?.Int("group_from") ?? 0;
            var decimalMark = numbers?.String("decimal") ?? ".";
            numbers?.Done();
            m.Done();
            if (code is null || culture is null || direction is null || readability is null || name is null || englishName is null
                || date is null || people is null || chance is null || range is null || caption is null) continue;
            var ok = true;
            if (!System.Text.RegularExpressions.Regex.IsMatch(code.Value, "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$"))
                ok = Fail(m, code.Location, $"'{code.Value}' is not a language code: use a lowercase tag such as 'fr' or 'zh'");
            if (direction.Value is not ("ltr" or "rtl"))
                ok = Fail(m, direction.Location, $"direction must be ltr or rtl, not '{direction.Value}'");
            if (!chance.Contains("{count}", StringComparison.Ordinal) || !chance.Contains("{denominator}", StringComparison.Ordinal))
                ok = Fail(m, m.Location, "chance must say {count} and {denominator}");
            if (!range.Contains("{low}", StringComparison.Ordinal) || !range.Contains("{high}", StringComparison.Ordinal))
                ok = Fail(m, m.Location, "range must say {low} and {high}");
            if (!caption.Contains("{chance}", StringComparison.Ordinal))
                ok = Fail(m, m.Location, "caption must say {chance}");
            CultureInfo? cultureInfo = null;
            try { cultureInfo = CultureInfo.GetCultureInfo(culture.Value, predefinedOnly: true); }
            catch (CultureNotFoundException) { ok = Fail(m, culture.Location, $"'{culture.Value}' is not a culture .NET knows (e.g. en-US, es-US, zh-CN)"); }
            ReadabilityRule? rule = readability.Value switch
            {
                "flesch-kincaid" => ReadabilityRule.FleschKincaid,
                "inflesz" => ReadabilityRule.Inflesz,
                "chinese-sentence-density" => ReadabilityRule.ChineseSentenceDensity,
                "sentence-length" => ReadabilityRule.SentenceLength,
                _ => null,
            };
            if (rule is null)
                ok = Fail(m, readability.Location, $"readability must be flesch-kincaid, inflesz, chinese-sentence-density or sentence-length, not '{readability.Value}'");
            if (languages.Exists(l => l.Code == code.Value))
                ok = Fail(m, code.Location, $"the language '{code.Value}' is listed twice");
            if (!ok) continue;
            languages.Add(new Language(code.Value, name, englishName, cultureInfo!, direction.Value, date, group, groupFrom, decimalMark,
                people, chance, range, caption, rule!.Value));
        }
        root.Done();
        return languages;
    }

    private static bool Fail(YamlMap m, SourceLocation at, string message)
    {
        m.Diagnostics.Error(FindingCodes.WrongType, at, message);
        return false;
    }
}
