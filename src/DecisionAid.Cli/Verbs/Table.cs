namespace DecisionAid.Cli.Verbs;

/// <summary>A plain-text table with aligned columns; the first row is the header.</summary>
internal static class Table
{
    public static void Write(TextWriter output, IReadOnlyList<string[]> rows)
    {
        if (rows.Count == 0) return;
        var widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        for (var i = 0; i < rows.Count; i++)
        {
            output.WriteLine(string.Join("  ", rows[i].Select((cell, c) => cell.PadRight(widths[c]))).TrimEnd());
            if (i == 0) output.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
        }
    }
}
