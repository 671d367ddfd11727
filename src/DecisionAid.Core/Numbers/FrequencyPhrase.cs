using System.Globalization;
using DecisionAid.Core.Content;

namespace DecisionAid.Core.Numbers;

/// <summary>
/// Says a frequency in a language: "1 in 1,000", "70 to 90 in 100"; "1 de cada 1000". Generated from the numbers of
/// aid.yaml, so no translation can disagree with them. Texts write <see cref="Placeholder"/> where the phrase goes.
/// </summary>
public static class FrequencyPhrase
{
    public const string Placeholder = "{chance}";

    public static string Format(Frequency frequency, string language)
    {
        ArgumentNullException.ThrowIfNull(frequency);
        return language switch
        {
            "es" => frequency.CountHigh is { } h
                ? $"{Number(frequency.Count, language)} a {Number(h, language)} de cada {Number(frequency.Denominator, language)}"
                : $"{Number(frequency.Count, language)} de cada {Number(frequency.Denominator, language)}",
            _ => frequency.CountHigh is { } high
                ? $"{Number(frequency.Count, language)} to {Number(high, language)} in {Number(frequency.Denominator, language)}"
                : $"{Number(frequency.Count, language)} in {Number(frequency.Denominator, language)}",
        };
    }

    /// <summary>
    /// A whole number for patients: English groups thousands with a comma (1,000); Spanish follows the RAE and
    /// leaves four-digit numbers ungrouped (1000), grouping larger ones with a space (10 000).
    /// </summary>
    public static string Number(int n, string language) => language switch
    {
        "es" => n < 10_000 ? n.ToString(CultureInfo.InvariantCulture) : n.ToString("#,0", SpanishGrouping),
        _ => n.ToString("#,0", CultureInfo.GetCultureInfo("en-US")),
    };

    private static readonly NumberFormatInfo SpanishGrouping = new() { NumberGroupSeparator = "\u00a0", NumberGroupSizes = [3] };
}
