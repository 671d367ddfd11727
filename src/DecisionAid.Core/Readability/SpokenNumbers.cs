using System.Globalization;

namespace DecisionAid.Core.Readability;

/// <summary>Syllables of a number as it is said aloud in English: "1,000" is "one thousand" (3), "1.4" is "one point four" (3).</summary>
internal static class SpokenNumbers
{
    //                                 0  1  2  3  4  5  6  7  8  9 10 11 12 13 14 15 16 17 18 19
    private static readonly int[] Under20 = [2, 1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 3, 1, 2, 2, 2, 2, 3, 2, 2];
    //                               -  -  20 30 40 50 60 70 80 90
    private static readonly int[] Tens = [0, 0, 2, 2, 2, 2, 2, 3, 2, 2];

    private static readonly HashSet<string> DigitByDigit = new(StringComparer.Ordinal) { "911", "999", "112", "000", "111" };

    public static int Syllables(string token)
    {
        var text = token.Trim();
        var extra = 0;
        if (text.EndsWith('%'))
        {
            extra += 2; // per-cent
            text = text[..^1];
        }
        var digitsEnd = 0;
        while (digitsEnd < text.Length && (char.IsDigit(text[digitsEnd]) || text[digitsEnd] is ',' or '.')) digitsEnd++;
        var number = text[..digitsEnd].TrimEnd('.', ',');
        var rest = text[digitsEnd..].ToLowerInvariant();
        if (number.Length == 0) return 1; // callers pass tokens that start with a digit

        // Emergency numbers are said digit by digit: "nine one one".
        if (DigitByDigit.Contains(number)) return number.Sum(c => Under20[c - '0']) + extra;
        var parts = number.Split('.');
        var grouped = parts[0].Contains(',', StringComparison.Ordinal);
        if (!long.TryParse(parts[0].Replace(",", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var whole))
            return parts[0].Count(char.IsDigit) + extra; // said digit by digit
        var count = !grouped && parts.Length == 1 && whole is >= 1100 and <= 2099 ? Year(whole) : Whole(whole);
        if (parts.Length > 1 && parts[1].Length > 0)
            count += 1 + parts[1].Sum(c => char.IsDigit(c) ? Under20[c - '0'] : 0); // "point", then each digit
        count += rest switch
        {
            "nd" => 1, // "second" has one more syllable than "two"
            "st" or "rd" or "th" or "" => 0, // first, third, fourth: as many as one, three, four
            _ => EnglishSyllables.Count(rest),
        };
        return count + extra;
    }

    private static int Year(long year)
    {
        if (year is >= 2000 and <= 2009) return Whole(year); // "two thousand (and) five"
        var high = year / 100;
        var low = year % 100;
        return Whole(high) + (low == 0 ? 2 : Whole(low)); // "nineteen ninety-five", "nineteen hundred"
    }

    private static int Whole(long n)
    {
        if (n < 20) return Under20[n];
        if (n < 100) return Tens[n / 10] + (n % 10 == 0 ? 0 : Under20[n % 10]);
        if (n < 1000) return Under20[n / 100] + 2 + (n % 100 == 0 ? 0 : Whole(n % 100));
        if (n < 1_000_000) return Whole(n / 1000) + 2 + (n % 1000 == 0 ? 0 : Whole(n % 1000));
        if (n < 1_000_000_000) return Whole(n / 1_000_000) + 2 + (n % 1_000_000 == 0 ? 0 : Whole(n % 1_000_000));
        return n.ToString(CultureInfo.InvariantCulture).Length;
    }
}
