using DecisionAid.Core.Content;
using DecisionAid.Rendering.IconArrays;
using SkiaSharp;

namespace DecisionAid.Rendering.Pdf;

/// <summary>
/// An icon array for paper: the layout of <see cref="IconArrayLayout"/> as vectors, written once per frequency and
/// tone for the process as a PDF form that every document places (a handout holds up to ten arrays of 1,000 people:
/// drawn into each page, they were most of a handout's time).
/// </summary>
internal static class IconArrayForm
{
    private static readonly KeptValues<(int, int?, int, IconTone), PdfForm> Made = new(1000);
    private static readonly SKPath Person = SKPath.ParseSvgPathData(IconArrayLayout.Head + IconArrayLayout.Body);
    private static readonly SKPath MaybeBody = SKPath.ParseSvgPathData(IconArrayLayout.MaybeBody);

    public static PdfForm For(Frequency frequency, IconTone tone) =>
        Made.GetOrMake((frequency.Count, frequency.CountHigh, frequency.Denominator, tone), _ => Make(frequency, tone));

    private static PdfForm Make(Frequency frequency, IconTone tone)
    {
        var layout = new IconArrayLayout(frequency, tone);
        var colour = SKColor.Parse(layout.Colour);
        var m = layout.Margin;
        var people = layout.People().ToLookup(p => p.Kind);
        // A ring at the margin's edge reaches half its width past it; a "maybe" outline, 0.8 past the grid.
        return PdfForm.Make(new SKRect(-m, -m, layout.Width + m, layout.Height + m), IconArrayLayout.RingWidth / 2, form =>
        {
            form.LineStyle();
            foreach (var kind in layout.Kinds)
            {
                var (fill, stroke, strokeWidth) = IconArrayLayout.Paint(kind, layout.Colour);
                var filled = SKColor.Parse(fill) != SKColors.White; // white on white paper: drawing it doubles the work for nothing
                form.Fill(kind == IconArrayLayout.Maybe ? colour : SKColor.Parse(fill)).Stroke(SKColor.Parse(stroke), strokeWidth);
                foreach (var (x, y, _) in people[kind])
                {
                    // Each person in its own cell's coordinates: the same operators again and again, which deflate
                    // to almost nothing.
                    form.Save().Translate(x, y).Path(Person).Paint(filled ? "B" : "S");
                    if (kind == IconArrayLayout.Maybe) form.Path(MaybeBody).Paint("B");
                    form.Restore();
                }
            }
            if (layout.Ring is { } ring)
                form.Stroke(colour, IconArrayLayout.RingWidth)
                    .RoundRect(new SKRect(ring.X, ring.Y, ring.X + ring.Width, ring.Y + ring.Height), IconArrayLayout.RingRadius)
                    .Paint("S");
        });
    }
}
