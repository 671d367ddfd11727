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
            foreach (Match m in ChancePattern(text.Language).Matches(located.Value))
            {
                var written = m.Value;
                if (frequency is not null && written == FrequencyPhrase.Format(frequency, text.Language)) continue;
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
                var mine = Numbers(located.Value, text.Language);
                var theirs = Numbers(original.Value, reference.Language);
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

    /// <summary>The numbers a text writes in digits, as values ("1,000" and "1000" and "1 000" are all 1000).</summary>
    internal static List<decimal> Numbers(string text, string language)
    {
        var values = new List<decimal>();
        foreach (Match m in NumberPattern().Matches(text))
        {
            var raw = m.Value;
            string normal;
            if (language == "es")
            {
                // Spanish: "1000", "10 000", "1.000" group thousands; "1,4" is a decimal.
                normal = Regex.Replace(raw, @"(?<=\d)[.\u00a0 ](?=\d{3}(\D|$))", "").Replace(',', '.');
            }
            else
            {
                normal = raw.Replace(",", "", StringComparison.Ordinal);
            }
            if (decimal.TryParse(normal, NumberStyles.Number, CultureInfo.InvariantCulture, out var value)) values.Add(value);
        }
        values.Sort();
        return values;
    }

    private static int NumberAt(string text, decimal value) =>
        NumberPattern().Matches(text).FirstOrDefault(m => Numbers(m.Value, "en").Concat(Numbers(m.Value, "es")).Contains(value))?.Index ?? 0;

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

    private static Regex ChancePattern(string language) => language == "es" ? SpanishChance() : EnglishChance();

    [GeneratedRegex(@"\d[\d,]*( to \d[\d,]*)? in \d[\d,]*", RegexOptions.CultureInvariant)]
    private static partial Regex EnglishChance();

    [GeneratedRegex(@"\d[\d.\u00a0]*( a \d[\d.\u00a0]*)? de cada \d[\d.\u00a0]*\d|\d[\d.\u00a0]*( a \d[\d.\u00a0]*)? de cada \d", RegexOptions.CultureInvariant)]
    private static partial Regex SpanishChance();

    [GeneratedRegex(@"\d+(?:[.,\u00a0 ]\d+)*", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();
}
