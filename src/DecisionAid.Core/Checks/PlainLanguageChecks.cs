using System.Globalization;
using DecisionAid.Core.Content;
using DecisionAid.Core.Readability;

namespace DecisionAid.Core.Checks;

/// <summary>Plain language: no sentence above the grade limit, the whole aid at its goal, and every medical term explained.</summary>
internal static class PlainLanguageChecks
{
    public static IEnumerable<Finding> Check(AidText text, CheckOptions options)
    {
        var locator = new TextLocator();
        var language = Languages.EnglishName(text.Language);
        if (AidReadability.Measure(text) is { } readability)
        {
            var findings = Languages.Get(text.Language).Readability switch
            {
                ReadabilityRule.Inflesz => Spanish(readability, text, options, locator),
                ReadabilityRule.ChineseSentenceDensity => Chinese(readability, text, options, locator),
                ReadabilityRule.SentenceLength => NoFormula(readability, text, options, locator, language),
                _ => English(readability, text, options, locator, language),
            };
            foreach (var finding in findings) yield return finding;
        }
        foreach (var finding in UnexplainedTerms(text, locator)) yield return finding;
    }

    private static IEnumerable<Finding> English(AidReadability readability, AidText text, CheckOptions options, TextLocator locator, string language)
    {
        foreach (var s in readability.Sentences.Where(s => s.Sentence.Score.Words >= options.SentenceMinimumWords && s.Sentence.Score.FleschKincaidGrade > options.SentenceGradeLimit))
            yield return new Finding(FindingCodes.SentenceTooHard, Severity.Error, locator.Locate(s.Text, s.Sentence.Text),
                Invariant($"{language} sentence reads at grade {s.Sentence.Score.FleschKincaidGrade:0.0} (limit {options.SentenceGradeLimit:0.#}): \"{Shorten(s.Sentence.Text)}\"; use shorter words or split it"));
        var whole = readability.Whole;
        if (whole.FleschKincaidGrade > options.AidGradeGoal)
            yield return new Finding(FindingCodes.AidGradeAboveGoal, Severity.Warning, text.Location,
                Invariant($"the {language} text reads at Flesch-Kincaid grade {whole.FleschKincaidGrade:0.0}; the goal is {options.AidGradeGoal:0.0} or lower (see `pda readability`)"));
        if (whole.Smog > options.AidSmogGoal)
            yield return new Finding(FindingCodes.AidSmogAboveGoal, Severity.Warning, text.Location,
                Invariant($"the {language} text has a SMOG grade of {whole.Smog:0.0}; the goal is {options.AidSmogGoal:0.0} or lower"));
    }

    /// <summary>Spanish: the INFLESZ scale (Szigriszt-Pazos) per sentence and for the whole text.</summary>
    private static IEnumerable<Finding> Spanish(AidReadability readability, AidText text, CheckOptions options, TextLocator locator)
    {
        foreach (var s in readability.Sentences.Where(s => s.Sentence.Score.Words >= options.SentenceMinimumWords && s.Sentence.Score.Szigriszt < options.SpanishSentenceMinimum))
            yield return new Finding(FindingCodes.SentenceTooHard, Severity.Error, locator.Locate(s.Text, s.Sentence.Text),
                Invariant($"Spanish sentence scores {s.Sentence.Score.Szigriszt:0.0} on INFLESZ (minimum {options.SpanishSentenceMinimum:0.#}, \"muy difícil\" below): \"{Shorten(s.Sentence.Text)}\"; use shorter words or split it"));
        var whole = readability.Whole;
        if (whole.Szigriszt < options.SpanishAidGoal)
            yield return new Finding(FindingCodes.AidGradeAboveGoal, Severity.Warning, text.Location,
                Invariant($"the Spanish text scores {whole.Szigriszt:0.0} on INFLESZ; the goal is {options.SpanishAidGoal:0.#} or higher (\"bastante fácil\"; see `pda readability`)"));
    }

    /// <summary>
    /// Chinese: no sentence over the character limit, and enough sentences per 100 characters for "primary" material
    /// (Wang et al. 2020, counted in characters: docs/readability.md).
    /// </summary>
    private static IEnumerable<Finding> Chinese(AidReadability readability, AidText text, CheckOptions options, TextLocator locator)
    {
        foreach (var s in readability.Sentences.Where(s => s.Sentence.Score.Words > options.ChineseSentenceMaxCharacters))
            yield return new Finding(FindingCodes.SentenceTooHard, Severity.Error, locator.Locate(s.Text, s.Sentence.Text),
                Invariant($"Chinese sentence of {s.Sentence.Score.Words} characters (limit {options.ChineseSentenceMaxCharacters}): \"{Shorten(s.Sentence.Text)}\"; split it"));
        var whole = readability.Whole;
        if (whole.SentencesPer100Words < options.ChineseSentencesPer100Goal)
            yield return new Finding(FindingCodes.AidGradeAboveGoal, Severity.Warning, text.Location,
                Invariant($"the Chinese text has {whole.SentencesPer100Words:0.0} sentences per 100 characters; the goal is {options.ChineseSentencesPer100Goal:0.#} or more (shorter sentences; see `pda readability`)"));
    }

    /// <summary>A language with no validated formula: long sentences are warnings, and the text says once that no formula judged it.</summary>
    private static IEnumerable<Finding> NoFormula(AidReadability readability, AidText text, CheckOptions options, TextLocator locator, string language)
    {
        yield return new Finding(FindingCodes.NoReadabilityFormula, Severity.Warning, text.Location,
            $"no validated readability formula is known for {language}: only sentence length is checked, so have a reader of {language} judge the text");
        foreach (var s in readability.Sentences.Where(s => s.Sentence.Score.Words > options.PlainSentenceMaxWords))
            yield return new Finding(FindingCodes.SentenceTooHard, Severity.Warning, locator.Locate(s.Text, s.Sentence.Text),
                Invariant($"{language} sentence of {s.Sentence.Score.Words} words (over {options.PlainSentenceMaxWords}): \"{Shorten(s.Sentence.Text)}\"; consider splitting it"));
    }

    /// <summary>
    /// A medical term is explained when a plain alternative stands near its first use: in the sentence before, the
    /// same sentence or the two after (a name and the description that follows it count together).
    /// </summary>
    private static IEnumerable<Finding> UnexplainedTerms(AidText text, TextLocator locator)
    {
        var terms = MedicalTerm.For(text.Language);
        if (terms.Count == 0) yield break;
        // The aid page's order, and a packet's, which puts "Your risks" first: a term must be explained where it first
        // appears in either (each term is reported once).
        var orders = new[] { ("", text.ReadingOrder()), (" in a patient's packet, where 'Your risks' follows the summary", text.PacketReadingOrder()) }
            .Select(o => (o.Item1, Sentences: o.Item2
                .SelectMany(t => MarkdownText.Blocks(t.Text.Value).SelectMany(SentenceSplitter.Split).Select(s => (t.Text, Sentence: s)))
                .ToList()))
            .ToList();
        foreach (var term in terms)
        {
            foreach (var (where, sentences) in orders)
            {
                var first = sentences.FindIndex(s => term.IsUsedIn(s.Sentence));
                if (first < 0) continue;
                var window = string.Join(" ", sentences.Skip(Math.Max(0, first - 1)).Take(first == 0 ? 3 : 4).Select(s => s.Sentence));
                if (term.IsExplainedIn(window)) continue;
                yield return new Finding(FindingCodes.MedicalTermUnexplained, Severity.Error, locator.Locate(sentences[first].Text, sentences[first].Sentence),
                    $"the medical term '{term.Term}' is used without a plain explanation{where}; where it first appears, say it in plain words too (e.g. \"{term.Plain[0]}\")");
                break;
            }
        }
    }

    private static string Shorten(string s) => s.Length <= 90 ? s : s[..87] + "...";

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
