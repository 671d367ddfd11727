using System.CommandLine;
using System.Globalization;
using DecisionAid.Core.Checks;
using DecisionAid.Core.Content;
using DecisionAid.Core.Loading;
using DecisionAid.Core.Readability;

namespace DecisionAid.Cli.Verbs;

/// <summary>`pda readability AID --lang en`: scores per section and for the whole aid, then the hardest sentences first.</summary>
internal static class ReadabilityVerb
{
    private static readonly string[] Header = ["section", "FK grade", "SMOG", "reading ease", "sentences", "words"];
    private static readonly string[] SpanishHeader = ["section", "INFLESZ", "Fernández-Huerta", "sentences", "words"];

    public static Command Create(VerbContext context)
    {
        var aid = new Argument<string>("aid") { Description = "The aid's id, e.g. neurolysis" };
        var lang = new Option<string>("--lang") { Description = "Language code, e.g. en", DefaultValueFactory = _ => "en" };
        var top = new Option<int>("--top") { Description = "How many of the hardest sentences to list", DefaultValueFactory = _ => 10 };
        var command = new Command("readability", "Reading grade per section and the hardest sentences first");
        command.Arguments.Add(aid);
        command.Options.Add(lang);
        command.Options.Add(top);
        command.SetAction(parsed => Run(context, parsed.GetValue(context.Content)!, parsed.GetValue(aid)!, parsed.GetValue(lang)!, parsed.GetValue(top)));
        return command;
    }

    private static int Run(VerbContext context, string contentPath, string aidId, string language, int top)
    {
        var library = ContentLibrary.Load(contentPath);
        if (Loaded.Find(context, library, aidId, language) is not { } text) return PdaCommand.BadUsage;
        if (AidReadability.Measure(text) is not { } readability)
        {
            context.Error.WriteLine($"pda: no readability formula for language '{language}' yet");
            return PdaCommand.BadUsage;
        }
        var rule = Languages.Get(language).Readability;
        var (header, row) = Columns(rule);
        var rows = new List<string[]> { header };
        rows.AddRange(readability.Sections.Select(s => row(s.Section, s.Score)));
        rows.Add(row("whole aid", readability.Whole));
        Table.Write(context.Out, rows);
        context.Out.WriteLine();
        var minimum = CheckOptions.Default.SentenceMinimumWords;
        var locator = new TextLocator();
        // Hardest first: English by grade, Spanish by INFLESZ (lowest), Chinese and others by length.
        Func<ScoredSentence, double> hardness = rule switch
        {
            ReadabilityRule.FleschKincaid => s => s.Score.FleschKincaidGrade,
            ReadabilityRule.Inflesz => s => -s.Score.Szigriszt,
            _ => s => s.Score.Words,
        };
        context.Out.WriteLine(rule switch
        {
            ReadabilityRule.FleschKincaid => $"Hardest sentences of {minimum} or more words (Flesch-Kincaid grade):",
            ReadabilityRule.Inflesz => $"Hardest sentences of {minimum} or more words (INFLESZ, lowest first):",
            ReadabilityRule.ChineseSentenceDensity => "Longest sentences (characters):",
            _ => "Longest sentences (words):",
        });
        var hardest = readability.Sentences.Where(s => rule is not (ReadabilityRule.FleschKincaid or ReadabilityRule.Inflesz) || s.Sentence.Score.Words >= minimum)
            .OrderByDescending(s => hardness(s.Sentence)).Take(top);
        foreach (var s in hardest)
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {(rule == ReadabilityRule.Inflesz ? -hardness(s.Sentence) : hardness(s.Sentence)),5:0.0}  {locator.Locate(s.Text, s.Sentence.Text)}  {s.Sentence.Text}"));
        return PdaCommand.Ok;
    }

    private static (string[] Header, Func<string, ReadabilityScore, string[]> Row) Columns(ReadabilityRule rule) => rule switch
    {
        ReadabilityRule.FleschKincaid => (Header, Row),
        ReadabilityRule.Inflesz => (SpanishHeader, SpanishRow),
        ReadabilityRule.ChineseSentenceDensity => (["section", "sentences per 100 characters", "characters per sentence", "sentences", "characters"], DensityRow),
        _ => (["section", "words per sentence", "sentences", "words"], LengthRow),
    };

    private static string[] DensityRow(string name, ReadabilityScore s) =>
    [
        name,
        s.SentencesPer100Words.ToString("0.0", CultureInfo.InvariantCulture),
        s.WordsPerSentence.ToString("0.0", CultureInfo.InvariantCulture),
        s.Sentences.ToString(CultureInfo.InvariantCulture),
        s.Words.ToString(CultureInfo.InvariantCulture),
    ];

    private static string[] LengthRow(string name, ReadabilityScore s) =>
    [
        name,
        s.WordsPerSentence.ToString("0.0", CultureInfo.InvariantCulture),
        s.Sentences.ToString(CultureInfo.InvariantCulture),
        s.Words.ToString(CultureInfo.InvariantCulture),
    ];

    private static string[] SpanishRow(string name, ReadabilityScore s) =>
    [
        name,
        s.Szigriszt.ToString("0.0", CultureInfo.InvariantCulture),
        s.FernandezHuerta.ToString("0.0", CultureInfo.InvariantCulture),
        s.Sentences.ToString(CultureInfo.InvariantCulture),
        s.Words.ToString(CultureInfo.InvariantCulture),
    ];

    private static string[] Row(string name, ReadabilityScore s) =>
    [
        name,
        s.FleschKincaidGrade.ToString("0.0", CultureInfo.InvariantCulture),
        s.Smog.ToString("0.0", CultureInfo.InvariantCulture),
        s.FleschReadingEase.ToString("0.0", CultureInfo.InvariantCulture),
        s.Sentences.ToString(CultureInfo.InvariantCulture),
        s.Words.ToString(CultureInfo.InvariantCulture),
    ];
}
