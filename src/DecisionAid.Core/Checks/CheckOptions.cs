namespace DecisionAid.Core.Checks;

/// <summary>The limits content is held to. Defaults follow the project's goals (grade 6 aid, no sentence above grade 8).</summary>
public sealed record CheckOptions
{
    public static CheckOptions Default { get; } = new();

    /// <summary>A sentence above this Flesch-Kincaid grade is an error.</summary>
    public double SentenceGradeLimit { get; init; } = 8.0;
    /// <summary>
    /// Shorter sentences (names, labels, answer choices) are not held to the sentence limit: a grade formula
    /// over three or four words measures one long word, not how hard the text is to read. They still count for the whole aid.
    /// </summary>
    public int SentenceMinimumWords { get; init; } = 5;
    /// <summary>The whole aid should read at or below this Flesch-Kincaid grade.</summary>
    public double AidGradeGoal { get; init; } = 6.0;
    /// <summary>The whole aid should have a SMOG grade at or below this.</summary>
    public double AidSmogGoal { get; init; } = 8.0;
    /// <summary>A Spanish sentence below this INFLESZ (Szigriszt-Pazos) score is an error: "muy difícil".</summary>
    public double SpanishSentenceMinimum { get; init; } = 40.0;
    /// <summary>A whole Spanish text should score at least this on INFLESZ: "bastante fácil".</summary>
    public double SpanishAidGoal { get; init; } = 65.0;
    /// <summary>A Chinese sentence of more characters than this is an error (docs/readability.md).</summary>
    public int ChineseSentenceMaxCharacters { get; init; } = 30;
    /// <summary>A whole Chinese text should have at least this many sentences per 100 characters ("primary" material).</summary>
    public double ChineseSentencesPer100Goal { get; init; } = 6.0;
    /// <summary>In a language with no validated formula, a sentence of more words than this is warned about.</summary>
    public int PlainSentenceMaxWords { get; init; } = 20;
    /// <summary>IPDAS: content must have been reviewed within this many years.</summary>
    public int ReviewYears { get; init; } = 3;
}
