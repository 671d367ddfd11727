using DecisionAid.Core.Content;

namespace DecisionAid.Core.Checks;

/// <summary>
/// Finds the line and column of a sentence inside a multi-line text of a content file, so a finding points at
/// the sentence itself rather than at the start of the text block.
/// </summary>
internal sealed class TextLocator
{
    private readonly Dictionary<string, string[]?> _files = new(StringComparer.Ordinal);

    public SourceLocation Locate(LocatedText text, string sentence)
    {
        var lines = Lines(text.Location.Path);
        if (lines is null) return text.Location;
        var words = sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(4).ToArray();
        if (words.Length == 0) return text.Location;
        // The sentence may wrap; its first word or two sit on the line where it starts.
        var probe = string.Join(' ', words.Take(Math.Min(2, words.Length)));
        for (var line = text.Location.Line - 1; line < lines.Length; line++)
        {
            var column = lines[line].IndexOf(probe, StringComparison.Ordinal);
            if (column >= 0) return text.Location with { Line = line + 1, Column = column + 1 };
        }
        return text.Location;
    }

    private string[]? Lines(string path)
    {
        if (!_files.TryGetValue(path, out var lines))
            _files[path] = lines = File.Exists(path) ? File.ReadAllLines(path) : null;
        return lines;
    }
}
