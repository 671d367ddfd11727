using System.Globalization;
using System.Text.RegularExpressions;

namespace DecisionAid.Core.Content;

/// <summary>How the checker judges the reading level of a language's text (content/_site/languages.yaml, readability:).</summary>
public enum ReadabilityRule
{
    /// <summary>English: Flesch-Kincaid grade per sentence, and grade and SMOG for the whole text.</summary>
    FleschKincaid,
    /// <summary>Spanish: the INFLESZ scale (Szigriszt-Pazos).</summary>
    Inflesz,
    /// <summary>Chinese: sentences per 100 characters and characters per sentence (docs/readability.md).</summary>
    ChineseSentenceDensity,
    /// <summary>A language with no validated formula: long sentences are warned about, never errors.</summary>
    SentenceLength,
}

/// <summary>One language of the library and the interface, as content/_site/languages.yaml describes it.</summary>
public sealed partial record Language(
    string Code, string Name, string EnglishName, CultureInfo Culture, string Direction, string DateFormat,
    string Group, int GroupFrom, string Decimal, string People, string ChanceTemplate, string RangeTemplate, string CaptionTemplate,
    ReadabilityRule Readability)
{
    public bool IsRightToLeft => Direction == "rtl";

    /// <summary>A whole number for patients, grouped as the language groups it (1,000; 1000 and 10 000; 1000).</summary>
    public string Number(int n)
    {
        var digits = Math.Abs(n).ToString(CultureInfo.InvariantCulture);
        if (Group.Length > 0 && Math.Abs(n) >= GroupFrom && GroupFrom > 0)
            for (var i = digits.Length - 3; i > 0; i -= 3) digits = digits.Insert(i, Group);
        return n < 0 ? "-" + digits : digits;
    }

    /// <summary>"1 in 1,000", "1 de cada 1000", "每1000人中有1人": the chance as a text's {chance} says it.</summary>
    public string Chance(Frequency frequency, string? unit = null)
    {
        ArgumentNullException.ThrowIfNull(frequency);
        var count = frequency.CountHigh is { } high
            ? RangeTemplate.Replace("{low}", Number(frequency.Count), StringComparison.Ordinal).Replace("{high}", Number(high), StringComparison.Ordinal)
            : Number(frequency.Count);
        return ChanceTemplate.Replace("{count}", count, StringComparison.Ordinal)
            .Replace("{denominator}", Number(frequency.Denominator), StringComparison.Ordinal)
            .Replace("{unit}", unit ?? People, StringComparison.Ordinal);
    }

    /// <summary>The caption under an icon array: "1 in 1,000 people", "每1000人中有1人".</summary>
    public string Caption(Frequency frequency, string? unit = null) =>
        CaptionTemplate.Replace("{chance}", Chance(frequency, unit), StringComparison.Ordinal).Replace("{unit}", unit ?? People, StringComparison.Ordinal);

    public string Date(DateOnly date) => date.ToString(DateFormat, Culture);

    /// <summary>The numbers a text writes in digits, as values: "1,000", "1000" and "1 000" are all 1000 in English.</summary>
    public List<decimal> Numbers(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var values = new List<decimal>();
        foreach (Match m in NumberPattern().Matches(text))
        {
            var raw = m.Value;
            // A group mark stands before exactly three digits; anything else in the number is the decimal mark.
            var normal = Regex.Replace(raw, @"(?<=\d)[,.\u00a0 ](?=\d{3}(\D|$))", match => match.Value == Decimal ? match.Value : "");
            normal = normal.Replace(Decimal, ".", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal);
            if (decimal.TryParse(normal, NumberStyles.Number, CultureInfo.InvariantCulture, out var value)) values.Add(value);
        }
        values.Sort();
        return values;
    }

    private Regex? _chancePattern;

    /// <summary>A chance typed into a text in this language's way ("2 in 1,000"), built from the templates.</summary>
    public Regex ChancePattern => _chancePattern ??= BuildChancePattern();

    private Regex BuildChancePattern()
    {
        const string number = @"\d[\d,.\u00a0]*\d|\d";
        var range = Regex.Escape(RangeTemplate).Replace(@"\{low}", $"(?:{number})", StringComparison.Ordinal).Replace(@"\{high}", $"(?:{number})", StringComparison.Ordinal);
        var pattern = Regex.Escape(ChanceTemplate)
            .Replace(@"\{count}", $"(?:{range}|{number})", StringComparison.Ordinal)
            .Replace(@"\{denominator}", $"(?:{number})", StringComparison.Ordinal)
            .Replace(@"\{unit}", @"[^\d\s]{0,8}?", StringComparison.Ordinal)
            .Replace(@"\ ", " ", StringComparison.Ordinal);
        return new Regex(pattern, RegexOptions.CultureInvariant);
    }

    [GeneratedRegex(@"\d+(?:[.,\u00a0 ]\d+)*", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();
}
