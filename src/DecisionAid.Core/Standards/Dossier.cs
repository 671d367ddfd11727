using System.Globalization;
using DecisionAid.Core.Checks;
using DecisionAid.Core.Content;
using DecisionAid.Core.Readability;

namespace DecisionAid.Core.Standards;

public enum Verdict
{
    Pass,
    /// <summary>Passes, with a warning a reviewer should read.</summary>
    PassWithWarnings,
    Fail,
    /// <summary>Only a person can judge it: the dossier gives what a machine found and the person's evidence, if written.</summary>
    ForAPerson,
    /// <summary>The item is for another kind of aid (e.g. screening tests).</summary>
    NotApplicable,
}

/// <summary>Something the checker found for an item: a text or a number, and where it is.</summary>
public sealed record Evidence(string Text, SourceLocation? Location = null);

/// <summary>One item of a standard as judged for one aid version.</summary>
public sealed record DossierEntry(StandardItem Item, Verdict Verdict, IReadOnlyList<Evidence> Found, IReadOnlyList<Finding> Findings, Evidence? PersonEvidence);

/// <summary>The reading level of one language, as the checker measures it.</summary>
public sealed record LanguageReading(string Language, string Scale, string Score, string Goal, bool MeetsGoal);

/// <summary>
/// The certification dossier of one aid version: every item of IPDAS v4.0 (qualifying, certification, quality), the
/// NQF 2016 criteria and Washington's WAC 182-60-025, judged by the checker where a machine can and left to a person
/// where not. Built from the content alone (judged as of the version's review date), so one version always gives the
/// same dossier, and its <see cref="ContentHash"/> is the version's: a consent record's version points to it.
/// </summary>
public sealed record Dossier(Aid Aid, IReadOnlyList<string> Languages, IReadOnlyList<DossierEntry> Entries, IReadOnlyList<LanguageReading> Reading)
{
    public string ContentHash => Aid.ContentHash;

    public int Count(Verdict verdict) => Entries.Count(e => e.Verdict == verdict);

    /// <summary>True when every item a machine can judge passes (warnings allowed).</summary>
    public bool MachineItemsPass => Entries.All(e => e.Verdict != Verdict.Fail);

    public static Dossier Build(Aid aid, string? language = null, CheckOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(aid);
        options ??= CheckOptions.Default;
        if (language is not null && !aid.Texts.ContainsKey(language))
            throw new ArgumentException($"the aid '{aid.Id}' has no text in '{language}' (it has: {string.Join(", ", aid.Languages)})", nameof(language));
        var languages = language is null ? aid.Languages.ToList() : [language];
        var scoped = language is null ? aid : aid with { Texts = aid.Texts.Where(t => t.Key == language).ToDictionary(t => t.Key, t => t.Value) };
        var findings = AidChecker.Check(scoped, aid.Reviewed, options);
        var entries = StandardItems.All.Select(item => Judge(item, scoped, findings)).ToList();
        return new Dossier(aid, languages, entries, [.. languages.Select(l => ReadingOf(scoped.Texts[l], options))]);
    }

    private static DossierEntry Judge(StandardItem item, Aid aid, IReadOnlyList<Finding> findings)
    {
        var found = item.Evidence?.Invoke(aid).ToList() ?? [];
        var person = aid.Declarations.PersonEvidence.GetValueOrDefault(item.Id) is { } p ? new Evidence(p.Value, p.Location) : null;
        if (item.JudgedBy == JudgedBy.NotApplicable) return new(item, Verdict.NotApplicable, found, [], person);
        if (item.JudgedBy == JudgedBy.Person) return new(item, Verdict.ForAPerson, found, [], person);
        var own = findings.Where(f => item.Codes.Contains(f.Code)).ToList();
        var verdict = own.Any(f => f.Severity == Severity.Error) || item.Holds?.Invoke(aid) == false ? Verdict.Fail
            : own.Count > 0 ? Verdict.PassWithWarnings : Verdict.Pass;
        return new(item, verdict, found, own, person);
    }

    private static LanguageReading ReadingOf(AidText text, CheckOptions options)
    {
        var rule = Content.Languages.Get(text.Language).Readability;
        var whole = AidReadability.Measure(text)?.Whole;
        string F(double v) => v.ToString("0.0", CultureInfo.InvariantCulture);
        return (rule, whole) switch
        {
            (ReadabilityRule.FleschKincaid, { } s) => new(text.Language, "Flesch-Kincaid grade (SMOG)", $"{F(s.FleschKincaidGrade)} ({F(s.Smog)})",
                $"grade {F(options.AidGradeGoal)} or lower (SMOG {F(options.AidSmogGoal)})", s.FleschKincaidGrade <= options.AidGradeGoal && s.Smog <= options.AidSmogGoal),
            (ReadabilityRule.Inflesz, { } s) => new(text.Language, "INFLESZ (Szigriszt-Pazos)", F(s.Szigriszt), $"{F(options.SpanishAidGoal)} or higher", s.Szigriszt >= options.SpanishAidGoal),
            (ReadabilityRule.ChineseSentenceDensity, { } s) => new(text.Language, "sentences per 100 characters", F(s.SentencesPer100Words),
                $"{F(options.ChineseSentencesPer100Goal)} or more", s.SentencesPer100Words >= options.ChineseSentencesPer100Goal),
            _ => new(text.Language, "no validated formula", "-", "sentences of at most " + options.PlainSentenceMaxWords.ToString(CultureInfo.InvariantCulture) + " words", true),
        };
    }
}
