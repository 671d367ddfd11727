using System.Globalization;
using System.Text;

namespace DecisionAid.Core.Readability;

/// <summary>
/// Counts the syllables of a Spanish word by the rules of Spanish spelling (RAE, Ortografía 2010): each vowel
/// nucleus is a syllable; a weak vowel (i, u, ü, final y) next to another vowel forms a diphthong or triphthong
/// (one syllable) unless it carries a written accent (hiatus: rí-o, pa-ís); two strong vowels (a, e, o, and
/// accented á, é, ó) are always said apart (le-er, po-e-ta); the u of que, qui, gue, gui is silent.
/// </summary>
public static class SpanishSyllables
{
    public static int Count(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var word = token.Trim().Trim('"', '\'', '(', ')', '[', ']', ',', ';', ':', '!', '?', '¡', '¿', '«', '»', '“', '”');
        if (word.EndsWith('.') && !word[..^1].Contains('.', StringComparison.Ordinal)) word = word[..^1];
        if (word.Length == 0) return 0;
        if (word.Contains('-', StringComparison.Ordinal) || word.Contains('/', StringComparison.Ordinal))
            return word.Split('-', '/').Where(p => p.Length > 0).Sum(Count);
        if (word.All(c => char.IsDigit(c) || c is '.' or ',' or '%' or '\u00a0'))
            return SpanishNumbers.Syllables(word);
        if (word.Any(char.IsDigit))
            return SplitRuns(word).Sum(Count);
        var letters = word.Where(char.IsLetter).ToArray();
        // Capital abbreviations without a vowel are said letter by letter (TC = te-ce); others as a word (UCI = u-ci).
        if (letters.Length is >= 2 and <= 5 && letters.All(char.IsUpper) && !letters.Any(c => "AEIOUÁÉÍÓÚ".Contains(c, StringComparison.Ordinal)))
            return letters.Sum(LetterName);
        return Syllables(new string(letters).ToLower(CultureInfo.GetCultureInfo("es")));
    }

    internal static int Syllables(string w)
    {
        var count = 0;
        var i = 0;
        while (i < w.Length)
        {
            if (!IsVowelAt(w, i)) { i++; continue; }
            // A run of vowels: one syllable, plus one for every pair said apart.
            var start = i;
            while (i < w.Length && IsVowelAt(w, i)) i++;
            count++;
            for (var j = start + 1; j < i; j++)
                if (SaidApart(w[j - 1], w[j])) count++;
        }
        return Math.Max(1, count);
    }

    private static bool SaidApart(char a, char b)
    {
        var aStrong = IsStrong(a);
        var bStrong = IsStrong(b);
        if (aStrong && bStrong) return true;              // le-er, po-e-ta, a-é-re-o
        if (a is 'í' or 'ú' || b is 'í' or 'ú') return true; // rí-o, pa-ís, ba-úl
        if (a == b) return true;                          // chi-i-ta, du-un-vi-ro (rare)
        return false;                                     // diphthongs: ai, ei, oi, au, eu, ou, ia, ie, io, ua, ue, uo, iu, ui
    }

    private static bool IsStrong(char c) => c is 'a' or 'e' or 'o' or 'á' or 'é' or 'ó';

    private static bool IsVowelAt(string w, int i)
    {
        var c = w[i];
        if (c is 'a' or 'e' or 'i' or 'o' or 'á' or 'é' or 'í' or 'ó' or 'ú' or 'ü') return true;
        if (c == 'u')
        {
            // The u of que, qui, gue, gui is not said.
            var silent = i > 0 && w[i - 1] is 'q' or 'g' && i + 1 < w.Length && w[i + 1] is 'e' or 'i' or 'é' or 'í';
            return !silent;
        }
        // y is a vowel alone ("y") or at the end after a vowel (hoy, muy, rey); otherwise a consonant (ya, mayo).
        if (c == 'y') return w.Length == 1 || (i == w.Length - 1 && i > 0 && "aeiouáéíóú".Contains(w[i - 1], StringComparison.Ordinal));
        return false;
    }

    /// <summary>Syllables of a letter's Spanish name: be, ce, de (1); e-fe, ha-che, u-ve (2); u-ve do-ble (4).</summary>
    private static int LetterName(char c) => char.ToLowerInvariant(c) switch
    {
        'b' or 'c' or 'd' or 'g' or 'k' or 'p' or 'q' or 't' or 'y' => 1,
        'w' => 4,
        _ => 2,
    };

    private static IEnumerable<string> SplitRuns(string word)
    {
        var run = new StringBuilder();
        bool? digits = null;
        foreach (var c in word)
        {
            var isDigit = char.IsDigit(c);
            if (digits is not null && digits != isDigit && run.Length > 0)
            {
                yield return run.ToString();
                run.Clear();
            }
            digits = isDigit;
            run.Append(c);
        }
        if (run.Length > 0) yield return run.ToString();
    }
}
