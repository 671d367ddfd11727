using DecisionAid.Core.Content;

namespace DecisionAid.Core.Numbers;

/// <summary>
/// Says a frequency in a language: "1 in 1,000", "1 de cada 1000", "每1000人中有1人". Generated from the numbers of
/// aid.yaml by the language's templates (content/_site/languages.yaml), so no translation can disagree with them.
/// Texts write <see cref="Placeholder"/> where the phrase goes.
/// </summary>
public static class FrequencyPhrase
{
    public const string Placeholder = "{chance}";

    /// <param name="unit">What is counted, in the language, when not people (a language whose phrase names the noun says it).</param>
    public static string Format(Frequency frequency, string language, string? unit = null) => Languages.Get(language).Chance(frequency, unit);

    /// <summary>A whole number for patients, grouped as the language groups it.</summary>
    public static string Number(int n, string language) => Languages.Get(language).Number(n);
}
