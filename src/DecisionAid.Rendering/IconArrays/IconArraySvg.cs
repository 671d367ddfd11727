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

/// <summary>
/// Draws "N in D" as a grid of people: 10 to a row, 100 to a block, blocks five across (1,000 = 10 blocks of 100).
/// Highlighted people are solid, the others hollow outlines (shape, not colour alone); a range's upper part is
/// half-filled. Each person is defined once and repeated with &lt;use&gt;, and whole rows and blocks are reused too,
/// so a 1,000-person array stays a few kilobytes. When only a few people are highlighted (10 or fewer), they are
/// ringed in the highlight colour: one person in 1,000 is 6 px wide on a phone, and the ring makes it easy to find.
/// </summary>
public static class IconArraySvg
{
    private const int Cell = 12;          // one person, with spacing
    private const int Gap = 10;           // between blocks of 100
    private const int BlocksPerLine = 5;
    private const int BlockSize = 10 * Cell;
    private const int FewHighlighted = 10;  // at most this many are ringed
    private const int RingGap = 9;          // how far a ring stands off the people it marks

    private static readonly string Person = "<circle cx=\"6\" cy=\"3\" r=\"2.4\"/><path d=\"M2 12V9a4 4 0 0 1 8 0v3z\"/>";

    /// <param name="frequency">What to draw.</param>
    /// <param name="label">The accessible name, e.g. "1 in 1,000 people have bleeding".</param>
    /// <param name="idPrefix">Makes the ids of this drawing unique on a page that shows several.</param>
    public static string Render(Frequency frequency, string label, string idPrefix, IconTone tone = IconTone.Risk)
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
        Append(svg, $"<g id=\"{p}-o\" fill=\"#fff\" stroke=\"#6b7280\" stroke-width=\"1\">{Person}</g>");
        Append(svg, $"<g id=\"{p}-x\" fill=\"{colour}\" stroke=\"{colour}\" stroke-width=\"1\">{Person}</g>");
        if (frequency.IsRange)
            Append(svg, $"<g id=\"{p}-m\" fill=\"#fff\" stroke=\"{colour}\" stroke-width=\"1.6\">{Person}<path d=\"M2 12V9h8v3z\" fill=\"{colour}\"/></g>");
        foreach (var kind in Kinds(frequency))
        {
            Append(svg, $"<g id=\"{p}-r{kind}\">");
            for (var c = 0; c < 10; c++) Append(svg, $"<use href=\"#{p}-{kind}\" x=\"{c * Cell}\"/>");
            Append(svg, $"</g><g id=\"{p}-b{kind}\">");
            for (var r = 0; r < 10; r++) Append(svg, $"<use href=\"#{p}-r{kind}\" y=\"{r * Cell}\"/>");
            svg.Append("</g>");
        }
        svg.Append("</defs>");

        for (var block = 0; block < blocks; block++)
        {
            var bx = block % BlocksPerLine * (BlockSize + Gap);
            var by = block / BlocksPerLine * (BlockSize + Gap);
            var first = block * 100;
            var size = Math.Min(100, d - first);
            if (size == 100 && KindOf(frequency, first) == KindOf(frequency, first + 99))
            {
                Append(svg, $"<use href=\"#{p}-b{KindOf(frequency, first)}\" x=\"{bx}\" y=\"{by}\"/>");
                continue;
            }
            for (var row = 0; row * 10 < size; row++)
            {
                var rowFirst = first + (row * 10);
                var rowSize = Math.Min(10, d - rowFirst);
                var y = by + (row * Cell);
                if (rowSize == 10 && KindOf(frequency, rowFirst) == KindOf(frequency, rowFirst + 9))
                {
                    Append(svg, $"<use href=\"#{p}-r{KindOf(frequency, rowFirst)}\" x=\"{bx}\" y=\"{y}\"/>");
                    continue;
                }
                for (var c = 0; c < rowSize; c++)
                    Append(svg, $"<use href=\"#{p}-{KindOf(frequency, rowFirst + c)}\" x=\"{bx + (c * Cell)}\" y=\"{y}\"/>");
            }
        }
        if (ringed) Ring(svg, highlighted, colour);
        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>A rounded ring around the first <paramref name="count"/> people (10 at most: they fill the top row of the first block).</summary>
    private static void Ring(StringBuilder svg, int count, string colour) =>
        Append(svg, $"<rect x=\"{-RingGap}\" y=\"{-RingGap}\" width=\"{(count * Cell) + (2 * RingGap)}\" height=\"{Cell + (2 * RingGap)}\" rx=\"6\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"4.5\"/>");

    /// <summary>x: highlighted (one of the N), m: maybe (inside a range's upper part), o: everyone else.</summary>
    private static char KindOf(Frequency f, int index) =>
        index < f.Count ? 'x' : index < (f.CountHigh ?? f.Count) ? 'm' : 'o';

    private static IEnumerable<char> Kinds(Frequency f) => f.IsRange ? ['x', 'm', 'o'] : ['x', 'o'];

    private static void Append(StringBuilder sb, FormattableString s) => sb.Append(s.ToString(CultureInfo.InvariantCulture));
}
