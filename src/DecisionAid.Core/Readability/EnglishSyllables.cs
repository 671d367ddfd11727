using System.Globalization;
using System.Reflection;

namespace DecisionAid.Core.Readability;

/// <summary>
/// Counts the spoken syllables of an English word: vowel groups, corrected for silent endings (-e, -es, -ed),
/// vowel pairs that are said apart (ri-a, di-et), suffixes, numbers said aloud, letters of abbreviations,
/// and a list of words no rule gets right. Hand-counted fixtures in the tests hold it to the dictionary.
/// </summary>
public static partial class EnglishSyllables
{
    private static readonly Dictionary<string, int> Exceptions = LoadExceptions();

    // Suffixes that add their own syllables to the stem and leave a stem's silent e silent (like-ly, move-ment).
    private static readonly (string Suffix, int Syllables)[] Suffixes =
    [
        ("fully", 2), ("ments", 1), ("ment", 1), ("ness", 1), ("less", 1), ("ful", 1), ("ly", 1),
    ];

    /// <summary>Syllables of one word token as written (may hold digits, hyphens, apostrophes or dots).</summary>
    public static int Count(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var word = token.Trim().Trim('"', '\'', '(', ')', '[', ']', ',', ';', ':', '!', '?', '“', '”', '‘', '’');
        // A full stop that ends a sentence is not part of the word; the dots of "e.g." are.
        if (word.EndsWith('.') && !word[..^1].Contains('.', StringComparison.Ordinal)) word = word[..^1];
        if (word.Length == 0) return 0;
        if (word.Contains('-', StringComparison.Ordinal) || word.Contains('/', StringComparison.Ordinal))
            return word.Split('-', '/').Where(p => p.Length > 0).Sum(Count);
        if (word.Any(char.IsDigit))
        {
            // "HEY1122", "COVID19", "B12": letters and numbers said one after the other.
            if (!char.IsDigit(word[0]))
                return MixedRuns().Matches(word).Sum(m => char.IsDigit(m.Value[0]) ? SpokenNumbers.Syllables(m.Value) : Count(m.Value));
            return SpokenNumbers.Syllables(word);
        }
        if (Abbreviation(word) is { } letters) return letters;
        var lower = new string([.. word.ToLowerInvariant().Where(c => c is >= 'a' and <= 'z')]);
        if (lower.Length == 0) return 0;
        // A negative contraction adds a syllable (is-n't, could-n't), except in don't, won't, can't, ain't, shan't.
        if (NegativeContraction(word) is { } stem) return (stem is "do" or "wo" or "ca" or "ai" or "sha" ? 1 : CountLower(stem) + 1);
        return CountLower(lower);
    }

    private static string? NegativeContraction(string word)
    {
        var lower = word.ToLowerInvariant().Replace('’', '\'');
        return lower.Length > 3 && lower.EndsWith("n't", StringComparison.Ordinal) && lower[..^3].All(c => c is >= 'a' and <= 'z')
            ? lower[..^3] : null;
    }

    private static int CountLower(string w)
    {
        if (Exceptions.TryGetValue(w, out var known)) return known;
        // Plurals and third persons of exception words (pancreas -> n/a, diets -> diet + s).
        if (w.Length > 3 && w.EndsWith('s') && Exceptions.TryGetValue(w[..^1], out var stem)) return stem;
        foreach (var (suffix, syllables) in Suffixes)
        {
            if (w.Length - suffix.Length >= 3 && w.EndsWith(suffix, StringComparison.Ordinal))
            {
                var root = w[..^suffix.Length];
                if (suffix == "ly" && (root.EndsWith('l') || root.EndsWith("ab", StringComparison.Ordinal))) break; // fully, probably: no stem rule
                if (root.EndsWith('i')) root = root[..^1] + "y"; // happi-ness -> happy
                return CountLower(root) + syllables;
            }
        }
        return Math.Max(1, Rules(w));
    }

    private static int Rules(string w)
    {
        var count = 0;
        var inGroup = false;
        for (var i = 0; i < w.Length; i++)
        {
            var vowel = IsVowel(w, i);
            if (vowel && !inGroup) count++;
            inGroup = vowel;
        }

        // Silent final e (make, whole), but not -le after a consonant (table), not in a vowel pair (free, value).
        if (w.Length > 2 && w[^1] == 'e' && !IsVowel(w, w.Length - 2))
        {
            var leSyllable = w[^2] == 'l' && !IsVowel(w, w.Length - 3) && w.Length > 3;
            if (!leSyllable) count--;
        }
        // Silent -es (makes, types) except after sibilants (boxes, places, changes, uses).
        else if (w.Length > 3 && w.EndsWith("es", StringComparison.Ordinal) && !IsVowel(w, w.Length - 3))
        {
            var before = w[..^2];
            var sibilant = before.EndsWith('s') || before.EndsWith('x') || before.EndsWith('z') || before.EndsWith("ch", StringComparison.Ordinal)
                || before.EndsWith("sh", StringComparison.Ordinal) || before.EndsWith("ge", StringComparison.Ordinal) || before.EndsWith('c') || before.EndsWith('g');
            var leSyllable = before.EndsWith('l') && before.Length > 2 && !IsVowel(before, before.Length - 2);
            if (!sibilant && !leSyllable) count--;
        }
        // Silent -ed (numbed, used) except after t or d (treated, needed).
        else if (w.Length > 3 && w.EndsWith("ed", StringComparison.Ordinal) && !IsVowel(w, w.Length - 3) && w[^3] is not ('t' or 'd'))
        {
            count--;
        }

        count += Hiatus(w);
        // A vowel before -ing is said apart (be-ing, go-ing), and so is a y after a consonant (ly-ing, dy-ing).
        if (w.Length > 4 && w.EndsWith("ing", StringComparison.Ordinal)
            && (IsVowel(w, w.Length - 4) || (w[^4] == 'y' && !IsVowel(w, w.Length - 5)))) count++;
        // A final -sm is a syllable of its own: spasm, autism.
        if (w.Length > 3 && w.EndsWith("sm", StringComparison.Ordinal)) count++;
        // The prefixes re-, de-, pre- before a vowel are said apart: re-use, re-insert, de-ice. Not before
        // "a" or "e" (reach, ready, reason, death, deal), where the pair is one sound; react and the like are listed.
        // (Before "o" the hiatus rule above already splits them: re-o-pen.)
        if ((w.StartsWith("re", StringComparison.Ordinal) || w.StartsWith("de", StringComparison.Ordinal)) && w.Length > 4 && w[2] is 'u' or 'i') count++;
        if (w.StartsWith("pre", StringComparison.Ordinal) && w.Length > 5 && w[3] is 'u' or 'i') count++;
        return count;
    }

    /// <summary>Vowel pairs counted as one group above that are said as two syllables.</summary>
    private static int Hiatus(string w)
    {
        var extra = 0;
        for (var i = 1; i < w.Length; i++)
        {
            var prev = i >= 2 ? w[i - 2] : ' ';
            var pair = string.Concat(w[i - 1], w[i]);
            var next = i + 1 < w.Length ? w[i + 1] : ' ';
            var atEnd = i == w.Length - 1;
            switch (pair)
            {
                // me-di-a, tri-al; but spe-cial, A-sia, -tian, -gia in one.
                case "ia" when prev is not ('c' or 't' or 's' or 'g' or ' '):
                // ra-di-o, vi-o-lent; but na-tion, vi-sion, re-gion, anx-ious.
                case "io" when prev is not ('c' or 't' or 's' or 'g' or 'x' or ' ') && !(next == 'u' && prev == 'c'):
                // u-su-al, ac-tu-al; but qual-i-ty, guard, lan-guage.
                case "ua" when prev is not ('q' or 'g' or ' '):
                // me-di-um, pre-mi-um.
                case "iu":
                // flu-id, ru-in; but build, suit, juice in the word list.
                case "ui" when prev is not ('q' or 'g' or ' '):
                // eas-i-er, ear-li-er, but not pier.
                case "ie" when next == 'r' && i + 2 == w.Length && i >= 3 && !IsVowel(w, i - 2):
                // di-et, qui-et.
                case "ie" when next == 't' && prev is not ('t' or 'c') && i + 2 == w.Length:
                // ex-pe-ri-ence, au-di-ence; but pa-tience (science is in the word list).
                case "ie" when next == 'n' && i + 2 < w.Length && w[i + 2] == 'c' && prev is not ('t' or 'c'):
                // con-tin-u-ous, flu-o-ride; but quote.
                case "uo" when prev is not 'q':
                    extra++;
                    break;
                // vi-de-o, ne-on, ge-o-; but gor-geous (people and leopard are in the word list).
                case "eo" when !(prev == 'g' && next == 'u'):
                    extra++;
                    break;
                // i-de-a, ar-e-a(s), nau-se-a, di-ar-rhe-a at the end of a word.
                case "ea" when (atEnd || (i + 2 == w.Length && next == 's')) && (IsVowel(w, i - 3) || (i >= 3 && w[(i - 3)..(i - 1)] == "rh")):
                    extra++;
                    break;
            }
        }
        return extra;
    }

    private static bool IsVowel(string w, int i)
    {
        if (i < 0 || i >= w.Length) return false;
        var c = w[i];
        if (c is 'a' or 'e' or 'i' or 'o' or 'u') return true;
        // y is a consonant at the start (yes, you) and before a vowel (player, beyond); a vowel elsewhere (body, they).
        if (c == 'y') return i > 0 && !(i + 1 < w.Length && w[i + 1] is 'a' or 'e' or 'i' or 'o' or 'u');
        return false;
    }

    /// <summary>All-capital abbreviations are said letter by letter (CT = see-tee; W is three syllables).</summary>
    private static int? Abbreviation(string word)
    {
        var letters = word.Where(char.IsLetter).ToArray();
        if (letters.Length == 0) return null;
        var dotted = word.Contains('.', StringComparison.Ordinal);
        var allCaps = letters.Length is >= 2 and <= 5 && letters.All(char.IsUpper);
        if (!allCaps && !(dotted && letters.Length <= 3)) return null;
        if (Exceptions.TryGetValue(word.ToLowerInvariant().Replace(".", "", StringComparison.Ordinal), out var said) && dotted) return said;
        return letters.Sum(c => char.ToUpperInvariant(c) == 'W' ? 3 : 1);
    }

    private static Dictionary<string, int> LoadExceptions()
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("DecisionAid.Core.Readability.Data.syllables-en.txt")
            ?? throw new InvalidOperationException("syllables-en.txt is not embedded");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            line = line.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            map[parts[0]] = int.Parse(parts[1], CultureInfo.InvariantCulture);
        }
        return map;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\d[\d,.]*%?|[^\d]+")]
    private static partial System.Text.RegularExpressions.Regex MixedRuns();
}
