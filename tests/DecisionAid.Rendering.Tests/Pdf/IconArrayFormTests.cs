using DecisionAid.Core.Content;
using DecisionAid.Rendering.IconArrays;
using DecisionAid.Rendering.Pdf;
using SkiaSharp;

namespace DecisionAid.Rendering.Tests.Pdf;

/// <summary>
/// Icon arrays are placed on paper as prepared PDF forms. Each is drawn by poppler, as a reader's viewer would, and
/// every person is looked at where the layout puts them: solid, half-filled or hollow, exactly as counted.
/// </summary>
public class IconArrayFormTests
{
    private const int Dpi = 288;
    private static readonly SKColor Paper = SKColors.White;

    public static TheoryData<int, int?, int, IconTone, float> Arrays => new()
    {
        { 1, null, 1000, IconTone.Risk, 510 },
        { 25, null, 1000, IconTone.Risk, 170 },
        { 137, 250, 1000, IconTone.Benefit, 510 },
        { 2, 5, 100, IconTone.Risk, 80 },
        { 7, null, 10, IconTone.Benefit, 80 },
        { 0, null, 1000, IconTone.Risk, 510 },
        { 1000, null, 1000, IconTone.Benefit, 510 },
    };

    [Theory]
    [MemberData(nameof(Arrays))]
    public void Every_person_prints_where_the_layout_puts_them_solid_half_or_hollow(int count, int? high, int denominator, IconTone tone, float width)
    {
        var frequency = new Frequency(count, denominator, high);
        var form = IconArrayForm.For(frequency, tone);
        // Two arrays on the page, the second below the first: each placement finds its own spot.
        var pdf = PdfFlow.Write(new SKDocumentPdfMetadata { Title = "test" }, _ => ("Header", "Footer"), flow =>
        {
            flow.Paragraph("An icon array:");
            flow.Form(form, width);
            flow.Form(form, width);
            // Something SkiaSharp itself draws as a form (a see-through drawing), so the page has an /XObject of its own.
            flow.Svg("<svg xmlns='http://www.w3.org/2000/svg' width='20' height='10'><rect width='20' height='10' fill='#000' opacity='0.5'/></svg>", 20, shared: false);
        });
        Assert.Equal("", PdfText.Problems(pdf));
        Assert.Matches(@"/XObject <</DecisionAidForm\d+ \d+ 0 R\n/X\d+ \d+ 0 R", System.Text.Encoding.Latin1.GetString(pdf));
        var (pageWidth, _, rgb) = PdfText.Raster(pdf, 1, Dpi);
        var layout = new IconArrayLayout(frequency, tone);
        var colour = SKColor.Parse(layout.Colour);
        var scale = width / form.Bounds.Width;
        var height = (form.Bounds.Height * width / form.Bounds.Width) + 6; // what the flow moves down past a form
        var firstTop = PdfFlow.Top + (11 * 1.35f) + (11 * 0.45f); // below the paragraph's one line
        foreach (var top in new[] { firstTop, firstTop + height })
        {
            SKColor At(float u, float v)
            {
                var x = (int)((PdfFlow.Margin + ((u - form.Bounds.Left) * scale)) * Dpi / 72f);
                var y = (int)((top + ((v - form.Bounds.Top) * scale)) * Dpi / 72f);
                var i = ((y * pageWidth) + x) * 3;
                return new SKColor(rgb[i], rgb[i + 1], rgb[i + 2]);
            }
            var kinds = new Dictionary<char, int>();
            foreach (var (x, y, kind) in layout.People())
            {
                if (UnderTheRing(layout, x, y, kind)) continue;
                var (upper, lower) = (At(x + 6, y + 7.5f), At(x + 6, y + 10.2f));
                Assert.True(Near(upper, kind == IconArrayLayout.Highlighted ? colour : Paper), $"person at {x},{y} ({kind}): upper body {upper}");
                Assert.True(Near(lower, kind == IconArrayLayout.Other ? Paper : colour), $"person at {x},{y} ({kind}): lower body {lower}");
                // Everyone has an outline, the hollow ones too (the top of the head).
                Assert.False(Near(At(x + 6, y + 0.6f), Paper), $"person at {x},{y} ({kind}) has no outline");
                kinds[kind] = kinds.GetValueOrDefault(kind) + 1;
            }
            var ringed = layout.People().Count(p => UnderTheRing(layout, p.X, p.Y, p.Kind));
            Assert.Equal(count, kinds.GetValueOrDefault(IconArrayLayout.Highlighted));
            Assert.Equal((high ?? count) - count, kinds.GetValueOrDefault(IconArrayLayout.Maybe));
            Assert.Equal(denominator - (high ?? count) - ringed, kinds.GetValueOrDefault(IconArrayLayout.Other));
            if (layout.Ring is { } ring) Assert.True(Near(At(ring.X + (ring.Width / 2f), ring.Y), colour), "the ring is drawn round the few");
        }
    }

    [Fact]
    public void A_file_the_writer_does_not_know_is_refused_with_a_reason()
    {
        var form = IconArrayForm.For(new Frequency(1, 10), IconTone.Risk);
        var error = Assert.Throws<InvalidDataException>(() =>
            PlacedForms.Add("%PDF-1.4\n1 0 obj\n<<>>\nendobj\n"u8.ToArray(), [new PlacedForms.Placement(1, form, [1, 0, 0, -1, 0, 792])]));
        Assert.Contains("startxref", error.Message, StringComparison.Ordinal);
    }

    /// <summary>The ring is drawn over the edges of the people next to the few it marks (a known limit of the
    /// layout, on screen too), so those neighbours are not looked at.</summary>
    private static bool UnderTheRing(IconArrayLayout layout, float x, float y, char kind) =>
        kind == IconArrayLayout.Other && layout.Ring is { } ring &&
        x < ring.X + ring.Width + IconArrayLayout.RingWidth && y < ring.Y + ring.Height + IconArrayLayout.RingWidth;

    private static bool Near(SKColor a, SKColor b) =>
        Math.Abs(a.Red - b.Red) + Math.Abs(a.Green - b.Green) + Math.Abs(a.Blue - b.Blue) < 90;
}
