using System.Globalization;
using System.Text;
using DecisionAid.Core.Content;

namespace DecisionAid.Rendering.IconArrays;

/// <summary>Whether highlighted people are harmed or helped: only the colour differs, the shape always does too.</summary>
public enum IconTone
{
    Risk,
    Benefit,
}

/// <summary>How the people are repeated: the same picture either way.</summary>
public enum IconArrayForm
{
    /// <summary>Pattern tiles: a few dozen elements a browser lays out at once.</summary>
    Screen,
    /// <summary>One drawn person repeated with &lt;use&gt;, rows and blocks reused: a PDF keeps them as vectors, where
    /// it would turn a pattern into pictures.</summary>
    Print,
}

/// <summary>
/// Draws "N in D" as a grid of people: 10 to a row, 100 to a block, blocks five across (1,000 = 10 blocks of 100).
/// Highlighted people are solid, the others hollow outlines (shape, not colour alone); a range's upper part is
/// half-filled. Each kind of person is a 12-unit tile of an SVG pattern, and each run of people of one kind in a
/// block is one rectangle filled with it (three at most), so a 1,000-person array is a few dozen elements: a phone
/// lays out and paints it at once, where a thousand &lt;use&gt; copies cost seconds. Print repeats a person with
/// &lt;use&gt; instead (<see cref="IconArrayForm.Print"/>). When only a few people are
/// highlighted (10 or fewer), they are ringed in the highlight colour: one person in 1,000 is 6 px wide on a phone,
/// and the ring makes it easy to find.
/// </summary>
public static class IconArraySvg
{
    private const int Cell = 12;          // one person, with spacing
    private const int Gap = 10;           // between blocks of 100
    private const int BlocksPerLine = 5;
    private const int BlockSize = 10 * Cell;
    private const int FewHighlighted = 10;  // at most this many are ringed
    private const int RingGap = 9;          // how far a ring stands off the people it marks

    // Drawn inside its 12-unit tile with its outline (a tile clips what sticks out).
    private static readonly string Person = "<circle cx=\"6\" cy=\"3\" r=\"2.4\"/><path d=\"M2 11.5V9a4 4 0 0 1 8 0v2.5z\"/>";

    /// <param name="frequency">What to draw.</param>
    /// <param name="label">The accessible name, e.g. "1 in 1,000 people have bleeding".</param>
    /// <param name="idPrefix">Makes the ids of this drawing unique on a page that shows several.</param>
    /// <param name="form">Pattern tiles for a browser, &lt;use&gt; for a PDF.</param>
    public static string Render(Frequency frequency, string label, string idPrefix, IconTone tone = IconTone.Risk, IconArrayForm form = IconArrayForm.Screen)
    {
        ArgumentNullException.ThrowIfNull(frequency);
        var d = frequency.Denominator;
        var blocks = (d + 99) / 100;
        var lines = (blocks + BlocksPerLine - 1) / BlocksPerLine;
        var blocksAcross = Math.Min(blocks, BlocksPerLine);
        var rowsInLastBlock = d >= 100 ? 10 : (d + 9) / 10;
        var width = (blocksAcross * BlockSize) + ((blocksAcross - 1) * Gap);
        var height = d >= 100 ? (lines * BlockSize) + ((lines - 1) * Gap) : rowsInLastBlock * Cell;
        var colour = tone == IconTone.Risk ? "#a4262c" : "#0b6b3a";
        var p = idPrefix;
        var highlighted = frequency.CountHigh ?? frequency.Count;
        var ringed = highlighted is > 0 and <= FewHighlighted && d > FewHighlighted;
        // Room around the grid for a ring at its edge.
        var margin = ringed ? RingGap + 2 : 0;

        var svg = new StringBuilder();
        Append(svg, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"{-margin} {-margin} {width + (2 * margin)} {height + (2 * margin)}\" role=\"img\" aria-label=\"{System.Net.WebUtility.HtmlEncode(label)}\" class=\"icon-array\">");
        // The name is an attribute, not a <title>, so text taken from the page does not repeat it.
        svg.Append("<defs>");
        var kinds = new List<(char Kind, string Paint, string Person)>
        {
            ('o', "fill=\"#fff\" stroke=\"#6b7280\" stroke-width=\"1\"", Person),
            ('x', $"fill=\"{colour}\" stroke=\"{colour}\" stroke-width=\"1\"", Person),
        };
        if (frequency.IsRange)
            kinds.Add(('m', $"fill=\"#fff\" stroke=\"{colour}\" stroke-width=\"1.6\"", $"{Person}<path d=\"M2 11.5V9h8v2.5z\" fill=\"{colour}\"/>"));
        foreach (var (kind, paint, person) in kinds)
        {
            if (form == IconArrayForm.Screen)
            {
                Append(svg, $"<pattern id=\"{p}-{kind}\" width=\"{Cell}\" height=\"{Cell}\" patternUnits=\"userSpaceOnUse\"><g {paint}>{person}</g></pattern>");
                continue;
            }
            Append(svg, $"<g id=\"{p}-{kind}\" {paint}>{person}</g><g id=\"{p}-r{kind}\">");
            for (var c = 0; c < 10; c++) Append(svg, $"<use href=\"#{p}-{kind}\" x=\"{c * Cell}\"/>");
            svg.Append("</g>");
        }
        svg.Append("</defs>");

        for (var block = 0; block < blocks; block++)
        {
            var first = block * 100;
            var size = Math.Min(100, d - first);
            // Tiles start at the block's corner, so the block's people line up with its grid.
            Append(svg, $"<g transform=\"translate({block % BlocksPerLine * (BlockSize + Gap)} {block / BlocksPerLine * (BlockSize + Gap)})\">");
            var start = 0;
            while (start < size)
            {
                var kind = KindOf(frequency, first + start);
                var end = start;
                while (end < size && KindOf(frequency, first + end) == kind) end++;
                Run(svg, $"{p}-{kind}", start, end, form);
                start = end;
            }
            svg.Append("</g>");
        }
        if (ringed) Ring(svg, highlighted, colour);
        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>People <paramref name="start"/> to <paramref name="end"/> (exclusive) of a block, row by row: the rest
    /// of a first row, the whole rows, then the start of a last row: a rectangle filled with the kind's tile each, or
    /// for print a &lt;use&gt; of a whole row or of one person.</summary>
    private static void Run(StringBuilder svg, string id, int start, int end, IconArrayForm form)
    {
        while (start < end)
        {
            var row = start / 10;
            var column = start % 10;
            int rows, columns;
            if (column == 0 && end - start >= 10) (rows, columns) = ((end - start) / 10, 10);
            else (rows, columns) = (1, Math.Min(10 - column, end - start));
            if (form == IconArrayForm.Screen)
                Append(svg, $"<rect x=\"{column * Cell}\" y=\"{row * Cell}\" width=\"{columns * Cell}\" height=\"{rows * Cell}\" fill=\"url(#{id})\"/>");
            else if (columns == 10)
                for (var r = 0; r < rows; r++) Append(svg, $"<use href=\"#{id[..^1]}r{id[^1]}\" y=\"{(row + r) * Cell}\"/>");
            else
                for (var c = 0; c < columns; c++) Append(svg, $"<use href=\"#{id}\" x=\"{(column + c) * Cell}\" y=\"{row * Cell}\"/>");
            start += rows * columns;
        }
    }

    /// <summary>A rounded ring around the first <paramref name="count"/> people (10 at most: they fill the top row of the first block).</summary>
    private static void Ring(StringBuilder svg, int count, string colour) =>
        Append(svg, $"<rect x=\"{-RingGap}\" y=\"{-RingGap}\" width=\"{(count * Cell) + (2 * RingGap)}\" height=\"{Cell + (2 * RingGap)}\" rx=\"6\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"4.5\"/>");

    /// <summary>x: highlighted (one of the N), m: maybe (inside a range's upper part), o: everyone else.</summary>
    private static char KindOf(Frequency f, int index) =>
        index < f.Count ? 'x' : index < (f.CountHigh ?? f.Count) ? 'm' : 'o';

    private static void Append(StringBuilder sb, FormattableString s) => sb.Append(s.ToString(CultureInfo.InvariantCulture));
}
