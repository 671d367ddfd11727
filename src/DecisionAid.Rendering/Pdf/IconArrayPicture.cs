using DecisionAid.Core.Content;
using DecisionAid.Rendering.IconArrays;
using SkiaSharp;

namespace DecisionAid.Rendering.Pdf;

/// <summary>
/// An icon array for paper: the layout of <see cref="IconArrayLayout"/> as vectors, drawn straight from the layout
/// (no SVG to parse) and made once per frequency and tone for the process (pictures are immutable and shared).
/// </summary>
internal static class IconArrayPicture
{
    private static readonly KeptValues<(int, int?, int, IconTone), SKPicture> Made = new(1000);
    private static readonly SKPath Person = SKPath.ParseSvgPathData(IconArrayLayout.Head + IconArrayLayout.Body);
    private static readonly SKPath MaybeBody = SKPath.ParseSvgPathData(IconArrayLayout.MaybeBody);

    public static SKPicture For(Frequency frequency, IconTone tone) =>
        Made.GetOrMake((frequency.Count, frequency.CountHigh, frequency.Denominator, tone), _ => Record(frequency, tone));

    private static SKPicture Record(Frequency frequency, IconTone tone)
    {
        var layout = new IconArrayLayout(frequency, tone);
        var colour = SKColor.Parse(layout.Colour);
        var m = layout.Margin;
        using var recorder = new SKPictureRecorder();
        var canvas = recorder.BeginRecording(new SKRect(-m, -m, layout.Width + m, layout.Height + m));
        var people = layout.People().ToLookup(p => p.Kind);
        foreach (var kind in layout.Kinds)
        {
            var (fill, stroke, strokeWidth) = IconArrayLayout.Paint(kind, layout.Colour);
            using var filling = new SKPaint { Color = SKColor.Parse(fill), Style = SKPaintStyle.Fill, IsAntialias = true };
            var white = filling.Color == SKColors.White;
            using var outlining = new SKPaint { Color = SKColor.Parse(stroke), Style = SKPaintStyle.Stroke, StrokeWidth = strokeWidth, IsAntialias = true };
            using var halfFilling = new SKPaint { Color = colour, Style = SKPaintStyle.Fill, IsAntialias = true };
            foreach (var (x, y, _) in people[kind])
            {
                // Each person in its own cell's coordinates: a PDF then repeats the same few operators, which it
                // compresses to almost nothing (one path of a thousand people, each at other numbers, does not).
                canvas.Save();
                canvas.Translate(x, y);
                if (!white) canvas.DrawPath(Person, filling); // white on white paper: drawing it doubles the work for nothing
                if (kind == IconArrayLayout.Maybe) canvas.DrawPath(MaybeBody, halfFilling);
                canvas.DrawPath(Person, outlining);
                if (kind == IconArrayLayout.Maybe) canvas.DrawPath(MaybeBody, outlining);
                canvas.Restore();
            }
        }
        if (layout.Ring is { } ring)
        {
            using var ringPaint = new SKPaint { Color = colour, Style = SKPaintStyle.Stroke, StrokeWidth = IconArrayLayout.RingWidth, IsAntialias = true };
            canvas.DrawRoundRect(new SKRect(ring.X, ring.Y, ring.X + ring.Width, ring.Y + ring.Height), IconArrayLayout.RingRadius, IconArrayLayout.RingRadius, ringPaint);
        }
        return recorder.EndRecording();
    }
}
