namespace DecisionAid.Core.Readability;

/// <summary>
/// Counts of a text and the standard formulas over them:
/// Flesch-Kincaid grade (Kincaid et al. 1975), Flesch Reading Ease (Flesch 1948) and SMOG (McLaughlin 1969).
/// </summary>
public sealed record ReadabilityScore(int Sentences, int Words, int Syllables, int Polysyllables)
{
    public static ReadabilityScore Empty { get; } = new(0, 0, 0, 0);

    public double WordsPerSentence => Sentences == 0 ? 0 : (double)Words / Sentences;
    public double SyllablesPerWord => Words == 0 ? 0 : (double)Syllables / Words;

    /// <summary>
    /// Sentences per 100 words (for Chinese, per 100 characters): Wang et al., BMJ Open 2020;10:e038091, read above 10 as
    /// simple, 6 to 10 as primary and below 6 as intermediate or difficult material.
    /// </summary>
    public double SentencesPer100Words => Words == 0 ? 0 : 100.0 * Sentences / Words;

    public double FleschKincaidGrade => Words == 0 ? 0 : (0.39 * WordsPerSentence) + (11.8 * SyllablesPerWord) - 15.59;

    public double FleschReadingEase => Words == 0 ? 0 : 206.835 - (1.015 * WordsPerSentence) - (84.6 * SyllablesPerWord);

    /// <summary>
    /// Fernández-Huerta (1959) reading ease for Spanish, in the corrected form (Law 2011):
    /// 206.84 - 60 x syllables per word - 1.02 x words per sentence.
    /// </summary>
    public double FernandezHuerta => Words == 0 ? 0 : 206.84 - (60 * SyllablesPerWord) - (1.02 * WordsPerSentence);

    /// <summary>
    /// Szigriszt-Pazos perspicuity (1993) for Spanish, read on the INFLESZ scale (Barrio-Cantalejo et al. 2008):
    /// 206.835 - 62.3 x syllables per word - words per sentence. Under 40 very hard, 40-55 somewhat hard,
    /// 55-65 normal, 65-80 fairly easy ("bastante fácil"), over 80 very easy.
    /// </summary>
    public double Szigriszt => Words == 0 ? 0 : 206.835 - (62.3 * SyllablesPerWord) - WordsPerSentence;

    /// <summary>SMOG grade with McLaughlin's correction for samples of other than 30 sentences.</summary>
    public double Smog => Sentences == 0 ? 0 : (1.0430 * Math.Sqrt(Polysyllables * (30.0 / Sentences))) + 3.1291;

    public static ReadabilityScore operator +(ReadabilityScore a, ReadabilityScore b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return new(a.Sentences + b.Sentences, a.Words + b.Words, a.Syllables + b.Syllables, a.Polysyllables + b.Polysyllables);
    }

    public static ReadabilityScore Add(ReadabilityScore a, ReadabilityScore b) => a + b;
}

/// <summary>One sentence with its score, for "hardest sentences first" and per-sentence findings.</summary>
public sealed record ScoredSentence(string Text, ReadabilityScore Score);
