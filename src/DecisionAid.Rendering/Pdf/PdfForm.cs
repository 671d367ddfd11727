using System.Globalization;
using System.IO.Compression;
using System.Text;
using SkiaSharp;

namespace DecisionAid.Rendering.Pdf;

/// <summary>
/// A PDF form XObject made once and placed in any number of documents (<see cref="PlacedForms"/>): its operators,
/// already deflated, in its own units with y downward like the page's drawing. <see cref="Bounds"/> is what is placed
/// and scaled (the drawing's box); <see cref="Clip"/>, the form's /BBox, adds the outer half of the strokes on its
/// edge, since a form is clipped to its /BBox. A page then says "draw form n here" in a few bytes, instead of
/// repeating thousands of path operators in every document.
/// </summary>
internal sealed class PdfForm
{
    private PdfForm(SKRect bounds, SKRect clip, byte[] deflated)
    {
        Bounds = bounds;
        Clip = clip;
        Deflated = deflated;
    }

    public SKRect Bounds { get; }

    public SKRect Clip { get; }

    /// <summary>The content stream, FlateDecode (zlib).</summary>
    public byte[] Deflated { get; }

    /// <param name="bleed">How far strokes reach past <paramref name="bounds"/> (half the widest stroke on its edge).</param>
    public static PdfForm Make(SKRect bounds, float bleed, Action<Operators> draw)
    {
        ArgumentNullException.ThrowIfNull(draw);
        var operators = new Operators();
        draw(operators);
        using var deflated = new MemoryStream();
        using (var zlib = new ZLibStream(deflated, CompressionLevel.SmallestSize, leaveOpen: true))
            zlib.Write(Encoding.ASCII.GetBytes(operators.ToString()));
        var clip = bounds;
        clip.Inflate(bleed, bleed);
        return new PdfForm(bounds, clip, deflated.ToArray());
    }

    /// <summary>Writes PDF content operators (ISO 32000-1, 8.4 to 8.5) with numbers in the invariant culture.</summary>
    internal sealed class Operators
    {
        private readonly StringBuilder _text = new();

        public Operators Save() => Line("q");

        public Operators Restore() => Line("Q");

        public Operators Translate(float x, float y) => Line($"1 0 0 1 {N(x)} {N(y)} cm");

        public Operators Fill(SKColor colour) => Line($"{N(colour.Red / 255f)} {N(colour.Green / 255f)} {N(colour.Blue / 255f)} rg");

        public Operators Stroke(SKColor colour, float width) =>
            Line($"{N(colour.Red / 255f)} {N(colour.Green / 255f)} {N(colour.Blue / 255f)} RG {N(width)} w");

        /// <summary>Butt caps and miter joins with a miter limit of 4: Skia's defaults, which the screen's SVG also has.</summary>
        public Operators LineStyle() => Line("0 J 0 j 4 M");

        /// <summary>A path's outline: moves, lines, cubic curves and closes (the only verbs our drawings use).</summary>
        public Operators Path(SKPath path)
        {
            ArgumentNullException.ThrowIfNull(path);
            using var iterator = path.CreateRawIterator();
            var points = new SKPoint[4];
            SKPathVerb verb;
            while ((verb = iterator.Next(points)) != SKPathVerb.Done)
            {
                _ = verb switch
                {
                    SKPathVerb.Move => Line($"{N(points[0].X)} {N(points[0].Y)} m"),
                    SKPathVerb.Line => Line($"{N(points[1].X)} {N(points[1].Y)} l"),
                    SKPathVerb.Cubic => Line($"{N(points[1].X)} {N(points[1].Y)} {N(points[2].X)} {N(points[2].Y)} {N(points[3].X)} {N(points[3].Y)} c"),
                    SKPathVerb.Close => Line("h"),
                    _ => throw new NotSupportedException($"a form path holds only lines and cubic curves, not {verb}"),
                };
            }
            return this;
        }

        /// <summary>A rounded rectangle, its corners as cubic curves (a circle's quarter: 0.5523 of the radius).</summary>
        public Operators RoundRect(SKRect rect, float radius)
        {
            const float k = 0.5523f;
            var (l, t, r, b, c) = (rect.Left, rect.Top, rect.Right, rect.Bottom, radius * k);
            Line($"{N(l + radius)} {N(t)} m {N(r - radius)} {N(t)} l");
            Line($"{N(r - radius + c)} {N(t)} {N(r)} {N(t + radius - c)} {N(r)} {N(t + radius)} c {N(r)} {N(b - radius)} l");
            Line($"{N(r)} {N(b - radius + c)} {N(r - radius + c)} {N(b)} {N(r - radius)} {N(b)} c {N(l + radius)} {N(b)} l");
            Line($"{N(l + radius - c)} {N(b)} {N(l)} {N(b - radius + c)} {N(l)} {N(b - radius)} c {N(l)} {N(t + radius)} l");
            return Line($"{N(l)} {N(t + radius - c)} {N(l + radius - c)} {N(t)} {N(l + radius)} {N(t)} c h");
        }

        /// <summary>Paints the path just written: "f" fills (nonzero), "S" strokes, "B" fills then strokes.</summary>
        public Operators Paint(string how) => Line(how);

        public override string ToString() => _text.ToString();

        private Operators Line(string line)
        {
            _text.Append(line).Append('\n');
            return this;
        }

        internal static string N(float value) => value.ToString("0.####", CultureInfo.InvariantCulture);
    }
}
