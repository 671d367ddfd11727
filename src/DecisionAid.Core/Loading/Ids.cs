using System.Text.RegularExpressions;
using DecisionAid.Core.Checks;
using DecisionAid.Core.Content;

namespace DecisionAid.Core.Loading;

/// <summary>Ids name things across files (aid.yaml and each language), so they are lowercase words with hyphens, unique per list.</summary>
internal static partial class Ids
{
    public static string? Read(YamlMap map, string what)
    {
        var id = map.Text("id");
        if (id is null) return null;
        if (!Pattern().IsMatch(id.Value))
        {
            map.Diagnostics.Error(FindingCodes.WrongType, id.Location, $"{what} id '{id.Value}' must be lowercase letters, digits and hyphens (e.g. 'blood-thinners')");
            return null;
        }
        return id.Value;
    }

    public static bool IsValid(string id) => Pattern().IsMatch(id);

    /// <summary>Keeps the first of each id and reports the others as duplicates.</summary>
    public static List<T> Unique<T>(IEnumerable<T> items, string what, Diagnostics diagnostics) where T : ItemRef
    {
        var seen = new Dictionary<string, T>(StringComparer.Ordinal);
        var kept = new List<T>();
        foreach (var item in items)
        {
            if (seen.TryGetValue(item.Id, out var first))
            {
                diagnostics.Error(FindingCodes.DuplicateId, item.Location, $"duplicate {what} id '{item.Id}' (first used at line {first.Location.Line})");
                continue;
            }
            seen[item.Id] = item;
            kept.Add(item);
        }
        return kept;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
