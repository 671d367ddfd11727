using System.Reflection;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace DecisionAid.Core.Checks;

/// <summary>A medical word and the plain words that explain it (e.g. "anesthetic" -> "numbing medicine").</summary>
public sealed record MedicalTerm(string Term, IReadOnlyList<string> Plain)
{
    private Regex? _pattern;
    private Regex[]? _plainPatterns;

    /// <summary>Whole-word, any case, with a plural s: "nerve block" matches "Nerve blocks".</summary>
    public bool IsUsedIn(string text) => (_pattern ??= WordPattern(Term)).IsMatch(text);

    public bool IsExplainedIn(string text) => (_plainPatterns ??= [.. Plain.Select(WordPattern)]).Any(p => p.IsMatch(text));

    private static Regex WordPattern(string phrase) =>
        new($@"(?<![\p{{L}}-]){Regex.Escape(phrase).Replace(@"\ ", @"\s+", StringComparison.Ordinal)}(s|es)?(?![\p{{L}}])",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<MedicalTerm>> Lists = new(StringComparer.Ordinal);

    /// <summary>The shipped list of terms for a language (empty where none is written yet), read once.</summary>
    public static IReadOnlyList<MedicalTerm> For(string language) => Lists.GetOrAdd(language, Load);

    private static IReadOnlyList<MedicalTerm> Load(string language)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"DecisionAid.Core.Checks.Data.medical-terms-{language}.yaml");
        if (stream is null) return [];
        using var reader = new StreamReader(stream);
        var yaml = new YamlStream();
        yaml.Load(reader);
        var terms = new List<MedicalTerm>();
        foreach (var item in ((YamlSequenceNode)yaml.Documents[0].RootNode).Children.Cast<YamlMappingNode>())
        {
            var term = ((YamlScalarNode)item.Children[new YamlScalarNode("term")]).Value!;
            var plain = ((YamlSequenceNode)item.Children[new YamlScalarNode("plain")]).Children.Select(p => ((YamlScalarNode)p).Value!).ToList();
            terms.Add(new MedicalTerm(term, plain));
        }
        return terms;
    }
}
