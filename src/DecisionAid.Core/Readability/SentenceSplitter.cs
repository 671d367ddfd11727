using System.Text.RegularExpressions;

namespace DecisionAid.Core.Readability;

/// <summary>
/// Splits plain text into sentences at ., ! and ? (and runs of them), but not after abbreviations
/// ("Dr.", "e.g.", "i.e."), initials, or inside numbers ("1.4"). Each list item and heading is passed in
/// as its own block, so a line without a full stop is still one sentence. Full-width marks (。！？；) end a
/// sentence wherever they stand, as Chinese needs no space after them.
/// </summary>
public static partial class SentenceSplitter
{
    private static readonly HashSet<string> NeverEnds = new(StringComparer.OrdinalIgnoreCase)
    {
        "dr", "mr", "mrs", "ms", "st", "e.g", "i.e", "vs", "approx", "fig", "cf", "al", "jr", "sr", "prof",
        // Spanish: doctora, señora, señorita, usted(es), por ejemplo (p. ej.), aproximadamente, página, número.
        "dra", "sra", "srta", "ud", "uds", "p", "ej", "aprox", "pág", "núm",
    };

    public static IReadOnlyList<string> Split(string block)
    {
        ArgumentNullException.ThrowIfNull(block);
        var text = Whitespace().Replace(block, " ").Trim();
        var sentences = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '。' or '！' or '？' or '；')
            {
                // Chinese and Japanese end a sentence at a full-width mark, with no space after it.
                var close = i;
                while (close + 1 < text.Length && text[close + 1] is '。' or '！' or '？' or '”' or '’' or '」' or '』' or '）') close++;
                sentences.Add(text[start..(close + 1)].Trim());
                start = close + 1;
                i = close;
                continue;
            }
            if (text[i] is not ('.' or '!' or '?')) continue;
            // Take the whole run of closing marks and quotes: "Really?!" or "it ends." or "(see below.)"
            var end = i;
            while (end + 1 < text.Length && text[end + 1] is '.' or '!' or '?' or '"' or '\'' or ')' or '”' or '’' or '»') end++;
            if (end + 1 < text.Length && text[end + 1] != ' ') { i = end; continue; } // 1.4, e.g.x, a.m.
            if (text[i] == '.' && !EndsSentence(text, start, i, end)) { i = end; continue; }
            sentences.Add(text[start..(end + 1)].Trim());
            start = end + 1;
            i = end;
        }
        if (start < text.Length && text[start..].Trim().Length > 0) sentences.Add(text[start..].Trim());
        return sentences;
    }

    private static bool EndsSentence(string text, int start, int dot, int end)
    {
        var wordStart = dot;
        while (wordStart > start && text[wordStart - 1] != ' ' && text[wordStart - 1] != '(') wordStart--;
        var word = text[wordStart..dot];
        if (NeverEnds.Contains(word)) return false;
        var next = end + 2 < text.Length ? text[end + 2] : ' ';
        // "No." is an abbreviation only before a number: "No. 5".
        if (word.Equals("no", StringComparison.OrdinalIgnoreCase) && char.IsDigit(next)) return false;
        // An initial ("J. Smith", "John F. Kennedy") is followed by a name; "vitamin D. It helps" ends before a
        // word that starts sentences, unless the letter follows a capitalised name.
        if (word.Length == 1 && char.IsUpper(word[0]) && char.IsUpper(next)
            && (PreviousWordIsCapitalised(text, start, wordStart) || !Starters.Contains(NextWord(text, end + 2)))) return false;
        // Dotted initialisms ("U.S. Army", "a.m. today") do not end a sentence before a capital that names something.
        if (word.Length >= 3 && word.Split('.').All(p => p.Length == 1) && char.IsUpper(next)) return false;
        // "etc." ends a sentence only when a capital letter follows.
        if (word.Equals("etc", StringComparison.OrdinalIgnoreCase)) return end + 1 >= text.Length || char.IsUpper(next);
        // After a full stop, a sentence starts with a capital, a digit or a quote; a lowercase word means we are mid-sentence.
        if (end + 2 < text.Length && char.IsLower(text[end + 2])) return false;
        return true;
    }

    private static readonly HashSet<string> Starters = new(StringComparer.Ordinal)
    {
        "A", "After", "An", "And", "Ask", "Before", "But", "Call", "Do", "Each", "For", "He", "How", "I", "If", "In", "It", "Its",
        "Many", "Most", "Our", "She", "So", "Some", "Take", "Tell", "That", "The", "Then", "There", "These", "They", "This", "Those",
        "We", "What", "When", "You", "Your",
    };

    private static string NextWord(string text, int from)
    {
        var end = from;
        while (end < text.Length && char.IsLetter(text[end])) end++;
        return text[from..end];
    }

    private static bool PreviousWordIsCapitalised(string text, int start, int wordStart)
    {
        var i = wordStart - 1;
        while (i >= start && text[i] == ' ') i--;
        if (i < start) return true; // the initial opens the sentence
        var end = i;
        while (i >= start && text[i] != ' ') i--;
        var previous = text[(i + 1)..(end + 1)];
        return previous.Length > 0 && char.IsUpper(previous[0]);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
