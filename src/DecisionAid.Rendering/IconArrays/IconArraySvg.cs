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
/// Draws "N in D" as a grid of people for a browser (<see cref="IconArrayLayout"/> places them). Each kind of person
/// is a 12-unit tile of an SVG pattern, and each run of people of one kind in a block is one rectangle filled with it
/// (three at most), so a 1,000-person array is a few dozen elements: a phone lays out and paints it at once, where a
/// thousand &lt;use&gt; copies cost seconds. A PDF draws the same layout as vectors (Pdf/IconArrayForm): a PDF
/// would turn a pattern into pictures.
/// </summary>
public static class IconArraySvg
{
    /// <param name="frequency">What to draw.</param>
    /// <param name="label">The accessible name, e.g. "1 in 1,000 people have bleeding".</param>
    /// <param name="idPrefix">Makes the ids of this drawing unique on a page that shows several.</param>
    public static string Render(Frequency frequency, string label, string idPrefix, IconTone tone = IconTone.Risk)
    {
        var layout = new IconArrayLayout(frequency, tone);
        var colour = layout.Colour;
        var m = layout.Margin;
        var svg = new StringBuilder();
        Append(svg, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"{-m} {-m} {layout.Width + (2 * m)} {layout.Height + (2 * m)}\" role=\"img\" aria-label=\"{System.Net.WebUtility.HtmlEncode(label)}\" class=\"icon-array\">");
        // The name is an attribute, not a <title>, so text taken from the page does not repeat it.
        svg.Append("<defs>");
        foreach (var kind in layout.Kinds)
        {
            var (fill, stroke, strokeWidth) = IconArrayLayout.Paint(kind, colour);
            var maybe = kind == IconArrayLayout.Maybe ? $"<path d=\"{IconArrayLayout.MaybeBody}\" fill=\"{colour}\"/>" : "";
            Append(svg, $"<pattern id=\"{idPrefix}-{kind}\" width=\"{IconArrayLayout.Cell}\" height=\"{IconArrayLayout.Cell}\" patternUnits=\"userSpaceOnUse\"><g fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{strokeWidth}\"><path d=\"{IconArrayLayout.Head}\"/><path d=\"{IconArrayLayout.Body}\"/>{maybe}</g></pattern>");
        }
        svg.Append("</defs>");
        foreach (var block in layout.Blocks())
        {
            // Tiles start at the block's corner, so the block's people line up with its grid.
            Append(svg, $"<g transform=\"translate({block.X} {block.Y})\">");
            foreach (var run in block.Runs)
                Append(svg, $"<rect x=\"{run.Column * IconArrayLayout.Cell}\" y=\"{run.Row * IconArrayLayout.Cell}\" width=\"{run.Columns * IconArrayLayout.Cell}\" height=\"{run.Rows * IconArrayLayout.Cell}\" fill=\"url(#{idPrefix}-{run.Kind})\"/>");
            svg.Append("</g>");
        }
        if (layout.Ring is { } ring)
            Append(svg, $"<rect x=\"{ring.X}\" y=\"{ring.Y}\" width=\"{ring.Width}\" height=\"{ring.Height}\" rx=\"{IconArrayLayout.RingRadius}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"{IconArrayLayout.RingWidth}\"/>");
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static void Append(StringBuilder sb, FormattableString s) => sb.Append(s.ToString(CultureInfo.InvariantCulture));
}
