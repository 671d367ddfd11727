using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace DecisionAid.Web.Outcomes;

/// <summary>One bar: its label, its length (0 to 1 of the chart), the words written at its end, and an optional 95% interval (0 to 1).</summary>
public sealed record Bar(string Label, double Length, string Text, (double Low, double High)? Interval = null);

/// <summary>
/// Bar charts drawn on the server as SVG: no script, no colour-only meaning (every bar is labelled with its words,
/// and intervals are drawn as whiskers), a title and a description for screen readers; the page puts a table of
/// the same numbers under each chart.
/// </summary>
public static class Charts
{
    private const int Width = 760, LabelWidth = 200, BarArea = 300, Row = 30;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static HtmlString Bars(string id, string title, string description, IReadOnlyList<Bar> bars)
    {
        ArgumentNullException.ThrowIfNull(bars);
        var height = (bars.Count * Row) + 10;
        var svg = new StringBuilder();
        svg.Append(Invariant, $"<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {height}\" width=\"{Width}\" height=\"{height}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\">");
        svg.Append(Invariant, $"<title id=\"{id}-title\">{E(title)}</title><desc id=\"{id}-desc\">{E(description)}</desc>");
        svg.Append(Invariant, $"<line x1=\"{LabelWidth}\" y1=\"0\" x2=\"{LabelWidth}\" y2=\"{height - 5}\" stroke=\"#4a5568\" stroke-width=\"1\"/>");
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var y = 5 + (i * Row);
            var length = Math.Clamp(bar.Length, 0, 1) * BarArea;
            svg.Append(Invariant, $"<text x=\"{LabelWidth - 8}\" y=\"{y + 19}\" text-anchor=\"end\" font-size=\"14\" fill=\"#1f2933\">{E(bar.Label)}</text>");
            svg.Append(Invariant, $"<rect x=\"{LabelWidth}\" y=\"{y + 4}\" width=\"{length:0.#}\" height=\"{Row - 10}\" fill=\"#1d4ed8\"/>");
            var textX = LabelWidth + length + 8;
            if (bar.Interval is var (low, high))
            {
                double x1 = LabelWidth + (Math.Clamp(low, 0, 1) * BarArea), x2 = LabelWidth + (Math.Clamp(high, 0, 1) * BarArea), mid = y + (Row / 2.0) - 1;
                svg.Append(Invariant, $"<line x1=\"{x1:0.#}\" y1=\"{mid:0.#}\" x2=\"{x2:0.#}\" y2=\"{mid:0.#}\" stroke=\"#111827\" stroke-width=\"2\"/>");
                svg.Append(Invariant, $"<line x1=\"{x1:0.#}\" y1=\"{mid - 6:0.#}\" x2=\"{x1:0.#}\" y2=\"{mid + 6:0.#}\" stroke=\"#111827\" stroke-width=\"2\"/>");
                svg.Append(Invariant, $"<line x1=\"{x2:0.#}\" y1=\"{mid - 6:0.#}\" x2=\"{x2:0.#}\" y2=\"{mid + 6:0.#}\" stroke=\"#111827\" stroke-width=\"2\"/>");
                textX = Math.Max(textX, x2 + 8);
            }
            svg.Append(Invariant, $"<text x=\"{textX:0.#}\" y=\"{y + 19}\" font-size=\"13\" fill=\"#1f2933\">{E(bar.Text)}</text>");
        }
        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
