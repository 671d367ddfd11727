using System.Globalization;
using System.Text.RegularExpressions;
using DecisionAid.Core.Content;
using DecisionAid.Core.Numbers;

namespace DecisionAid.Core.Checks;

/// <summary>
/// Languages of one aid must say the same thing: a chance written into an item's text must equal the item's
/// numbers in aid.yaml, every text carries the same numbers in every language, and a translation revised for
/// an older version of the aid is flagged. (That every id has its text in every language is checked on loading.)
/// </summary>
internal static partial class ParityChecks
{
    public static IEnumerable<Finding> Check(Aid aid)
    {
        var locator = new TextLocator();
        foreach (var text in aid.Texts.Values)
        {
            if (Older(text.RevisedFor, aid.Version))
                yield return new Finding(FindingCodes.TranslationOutdated, Severity.Warning, text.Location,
                    $"the {Languages.EnglishName(text.Language)} text was last revised for version {text.RevisedFor}, but the aid is now {aid.Version}; bring it up to date and set revised_for: {aid.Version}");
            foreach (var finding in WrittenChances(aid, text, locator)) yield return finding;
        }
        foreach (var finding in NumbersAcrossLanguages(aid, locator)) yield return finding;
    }

    /// <summary>A chance typed into an item's text ("2 in 1,000", "2 de cada 1000") must be the item's own frequency.</summary>
    private static IEnumerable<Finding> WrittenChances(Aid aid, AidText text, TextLocator locator)
    {
        var items = aid.Risks.Where(r => text.Risks.ContainsKey(r.Id)).Select(r => (Text: text.Risks[r.Id].Text, r.Frequency, What: $"risk '{r.Id}'"))
            .Concat(aid.Benefits.Where(b => text.Benefits.ContainsKey(b.Id)).Select(b => (Text: text.Benefits[b.Id], b.Frequency, What: $"benefit '{b.Id}'")));
        foreach (var (located, frequency, what) in items)
        {
            var language = Languages.Get(text.Language);
            foreach (Match m in language.ChancePattern.Matches(located.Value))
            {
                var written = m.Value;
                if (frequency is not null && language.Numbers(written).SequenceEqual(language.Numbers(language.Chance(frequency)))) continue;
                var expected = frequency is null ? "no number (aid.yaml gives it none)" : $"'{FrequencyPhrase.Format(frequency, text.Language)}' (write {FrequencyPhrase.Placeholder})";
                yield return new Finding(FindingCodes.NumberMismatch, Severity.Error, locator.Locate(located, Sentence(located.Value, m.Index)),
                    $"the {Languages.EnglishName(text.Language)} text of {what} says '{written}', but aid.yaml gives {expected}");
            }
        }
    }

    /// <summary>Every text says the same numbers in every language (a translation that changed a number is reported where it stands).</summary>
    private static IEnumerable<Finding> NumbersAcrossLanguages(Aid aid, TextLocator locator)
    {
        if (aid.Texts.Count < 2) yield break;
        var reference = aid.Texts.TryGetValue("en", out var en) ? en : aid.Texts.Values.First();
        var referenceTexts = Keyed(reference);
        foreach (var text in aid.Texts.Values.Where(t => t != reference))
        {
            foreach (var (key, located) in Keyed(text))
            {
                if (!referenceTexts.TryGetValue(key, out var original)) continue;
                var mine = Languages.Get(text.Language).Numbers(located.Value);
                var theirs = Languages.Get(reference.Language).Numbers(original.Value);
                var extra = mine.Except(theirs).ToList();
                var missing = theirs.Except(mine).ToList();
                if (extra.Count == 0 && missing.Count == 0) continue;
                var at = extra.Count > 0 ? locator.Locate(located, Sentence(located.Value, NumberAt(located.Value, extra[0]))) : located.Location;
                yield return new Finding(FindingCodes.NumberMismatch, Severity.Error, at,
                    $"the {Languages.EnglishName(text.Language)} text of {key} has the numbers [{string.Join(", ", mine)}] but the {Languages.EnglishName(reference.Language)} text has [{string.Join(", ", theirs)}]");
            }
        }
    }

    /// <summary>The texts of a language by their key path in the language file, which an author can find ("alternatives.medicines.name").</summary>
    private static Dictionary<string, LocatedText> Keyed(AidText text) =>
        text.ByPath().ToDictionary(p => p.Path, p => p.Text, StringComparer.Ordinal);

    private static int NumberAt(string text, decimal value) =>
        NumberPattern().Matches(text).FirstOrDefault(m => Languages.Supported.SelectMany(l => Languages.Get(l).Numbers(m.Value)).Contains(value))?.Index ?? 0;

    private static string Sentence(string text, int index)
    {
        var start = text.LastIndexOfAny(['.', '!', '?', '\n'], Math.Max(0, Math.Min(index, text.Length - 1)));
        return text[(start + 1)..].TrimStart();
    }

    private static bool Older(string revisedFor, string version)
    {
        if (Version.TryParse(revisedFor, out var a) && Version.TryParse(version, out var b)) return a < b;
        return !string.Equals(revisedFor, version, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\d+(?:[.,\u00a0 ]\d+)*", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();
}
