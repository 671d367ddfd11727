using DecisionAid.Core.Content;

namespace DecisionAid.Core.Checks;

/// <summary>
/// Finds the line and column of a sentence inside a multi-line text of a content file, so a finding points at
/// the sentence itself rather than at the start of the text block.
/// </summary>
public sealed class TextLocator
{
    private readonly Dictionary<string, string[]?> _files = new(StringComparer.Ordinal);

    public SourceLocation Locate(LocatedText text, string sentence)
    {
        var lines = Lines(text.Location.Path);
        if (lines is null) return text.Location;
        var words = sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) return text.Location;
        // The sentence may wrap, and its first words may have been filled in from a placeholder ({chance}):
        // look for two of its words at a time, from the start, on the lines of the text.
        for (var first = 0; first < Math.Min(words.Length - 1, 4); first++)
        {
            var probe = $"{words[first]} {words[first + 1]}";
            if (probe.Any(char.IsDigit)) continue;
            for (var line = text.Location.Line - 1; line < lines.Length; line++)
            {
                var column = lines[line].IndexOf(probe, StringComparison.Ordinal);
                if (column < 0) continue;
                // Back up to where the sentence starts on that line, when the probe is not its first words.
                var start = first == 0 ? column : StartBefore(lines[line], column);
                return text.Location with { Line = line + 1, Column = start + 1 };
            }
        }
        return text.Location;
    }

    private static int StartBefore(string line, int column)
    {
        var i = column;
        while (i > 0 && line[i - 1] == ' ') i--;
        while (i > 0 && line[i - 1] is not ('.' or '!' or '?' or ':') && !(i >= 2 && line[i - 2] == ':' && line[i - 1] == ' ')) i--;
        while (i < column && line[i] == ' ') i++;
        return i;
    }

    private string[]? Lines(string path)
    {
        if (!_files.TryGetValue(path, out var lines))
            _files[path] = lines = File.Exists(path) ? File.ReadAllLines(path) : null;
        return lines;
    }
}
