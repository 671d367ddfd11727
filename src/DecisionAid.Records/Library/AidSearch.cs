using System.Globalization;
using System.Text;
using DecisionAid.Core.Content;
using DecisionAid.Core.Readability;

namespace DecisionAid.Records.Library;

/// <summary>
/// Finds aids by the words a patient types, in any language the aid is written in: its titles, summaries, the names
/// of the places and ways it treats, and the search terms each language's file may list. Case and accents are
/// ignored ("neurolisis" finds "Neurólisis"); text without spaces (Chinese) matches by substring.
/// </summary>
public sealed class AidSearch
{
    private readonly Dictionary<string, string> _haystacks;

    public AidSearch(IEnumerable<Aid> aids) =>
        _haystacks = aids.ToDictionary(a => a.Id, Haystack, StringComparer.Ordinal);

    /// <summary>Every word of the query is found somewhere in the aid's words, in any of its languages.</summary>
    public bool Matches(Aid aid, string query)
    {
        ArgumentNullException.ThrowIfNull(aid);
        ArgumentNullException.ThrowIfNull(query);
        var haystack = _haystacks.TryGetValue(aid.Id, out var h) ? h : Haystack(aid);
        return Normalise(query).Split(' ', StringSplitOptions.RemoveEmptyEntries).All(word => haystack.Contains(word, StringComparison.Ordinal));
    }

    private static string Haystack(Aid aid)
    {
        var words = new List<string> { aid.Id.Replace('-', ' ') };
        foreach (var text in aid.Texts.Values)
        {
            words.Add(text.Title.Value);
            words.Add(MarkdownText.Plain(text.Summary.Value));
            words.AddRange(text.Targets.Values.Select(t => t.Name.Value));
            words.AddRange(text.Methods.Values.Select(m => m.Name.Value));
            words.AddRange(text.SearchTerms.Select(t => t.Value));
        }
        return " " + string.Join(" | ", words.Select(Normalise)) + " ";
    }

    /// <summary>Lower case without accents or other marks, one space between words.</summary>
    public static string Normalise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var plain = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            plain.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        }
        return string.Join(' ', plain.ToString().Normalize(NormalizationForm.FormC).Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
