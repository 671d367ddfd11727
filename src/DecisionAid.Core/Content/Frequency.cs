using System.Globalization;
using System.Text.RegularExpressions;

namespace DecisionAid.Core.Content;

/// <summary>
/// "About N in D people": a count (or a range of counts) out of a denominator.
/// Numbers live once in aid.yaml; each language's phrase is generated from them.
/// </summary>
public sealed partial record Frequency
{
    public Frequency(int count, int denominator, int? countHigh = null)
    {
        if (denominator <= 0) throw new ArgumentOutOfRangeException(nameof(denominator), "The denominator must be above 0.");
        if (count < 0 || count > denominator) throw new ArgumentOutOfRangeException(nameof(count), "The count must be between 0 and the denominator.");
        if (countHigh is { } high && (high <= count || high > denominator))
            throw new ArgumentOutOfRangeException(nameof(countHigh), "The upper count must be above the lower count and at most the denominator.");
        Count = count;
        Denominator = denominator;
        CountHigh = countHigh;
    }

    public int Count { get; }
    public int Denominator { get; }
    public int? CountHigh { get; }
    public bool IsRange => CountHigh is not null;

    /// <summary>Parses "1 in 1000", "1 in 1,000" or "70-90 in 100"; returns an error message a person can act on.</summary>
    public static bool TryParse(string text, out Frequency? frequency, out string error)
    {
        frequency = null;
        var match = Pattern().Match(text.Trim());
        if (!match.Success)
        {
            error = $"frequency '{text}' is not of the form 'N in D' (e.g. '1 in 1000' or '70-90 in 100')";
            return false;
        }
        if (!TryNumber(match.Groups["count"].Value, out var count) || !TryNumber(match.Groups["den"].Value, out var den)
            || (match.Groups["high"].Success && !TryNumber(match.Groups["high"].Value, out _)))
        {
            error = $"frequency '{text}' has a number too large to read";
            return false;
        }
        int? high = match.Groups["high"].Success ? Number(match.Groups["high"].Value) : null;
        if (den == 0)
        {
            error = $"frequency '{text}' has a denominator of 0; write how many people out of a group, e.g. '1 in 1000'";
            return false;
        }
        if (count > den || high > den)
        {
            error = $"frequency '{text}' counts more people than the group has ({high ?? count} > {den})";
            return false;
        }
        if (high is not null && high <= count)
        {
            error = $"frequency '{text}' is a range whose upper count is not above its lower count";
            return false;
        }
        frequency = new Frequency(count, den, high);
        error = "";
        return true;
    }

    /// <summary>The chance as a proportion of 1, for comparisons; a range uses its lower bound.</summary>
    public double Proportion => (double)Count / Denominator;

    public override string ToString()
    {
        var inv = CultureInfo.InvariantCulture;
        return CountHigh is { } high
            ? string.Create(inv, $"{Count}-{high} in {Denominator}")
            : string.Create(inv, $"{Count} in {Denominator}");
    }

    private static bool TryNumber(string digits, out int value) =>
        int.TryParse(digits.Replace(",", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out value);

    private static int Number(string digits) => TryNumber(digits, out var v) ? v : 0;

    [GeneratedRegex(@"^(?<count>\d[\d,]*)(\s*-\s*(?<high>\d[\d,]*))?\s+in\s+(?<den>\d[\d,]*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
