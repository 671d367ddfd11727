using System.Reflection;
using SkiaSharp;
using Svg.Skia;

namespace DecisionAid.Rendering.Pdf;

/// <summary>
/// Flows text, pictures and SVG drawings down Letter-size PDF pages, starting a new page when one is full and
/// putting the same header and footer on every page. Fonts ship with the app (DejaVu Sans), so output is the same everywhere.
/// </summary>
internal sealed class PdfFlow : IDisposable
{
    public const float PageWidth = 612, PageHeight = 792, Margin = 54;
    private const float Top = Margin + 34, Bottom = PageHeight - Margin - 24;
    private static readonly SKTypeface Regular = LoadFont("DejaVuSans.ttf");
    private static readonly SKTypeface Bold = LoadFont("DejaVuSans-Bold.ttf");

    private readonly SKDocument _document;
    private readonly Func<int, (string Header, string Footer)> _furniture;
    private readonly SKPaint _ink = new() { Color = new SKColor(0x1f, 0x29, 0x33), IsAntialias = true };
    private readonly SKPaint _muted = new() { Color = new SKColor(0x4a, 0x55, 0x68), IsAntialias = true };
    private readonly SKPaint _rule = new() { Color = new SKColor(0xcb, 0xd2, 0xd9), StrokeWidth = 1, IsAntialias = true };
    private SKCanvas? _canvas;
    private int _page;
    private float _y;

    public PdfFlow(Stream output, SKDocumentPdfMetadata metadata, Func<int, (string Header, string Footer)> furniture)
    {
        _document = SKDocument.CreatePdf(output, metadata);
        _furniture = furniture;
        NewPage();
    }

    public const float ContentWidth = PageWidth - (2 * Margin);

    public void Heading(string text, int level)
    {
        var size = level == 1 ? 22f : level == 2 ? 15f : 12.5f;
        Space(level == 1 ? 0 : 10);
        EnsureSpace(size * 2.6f);
        Lines(text, Bold, size, Margin, ContentWidth, _ink);
        Space(3);
    }

    public void Paragraph(string text, float size = 11f, bool bold = false, float indent = 0, bool muted = false)
    {
        Lines(text, bold ? Bold : Regular, size, Margin + indent, ContentWidth - indent, muted ? _muted : _ink);
        Space(size * 0.45f);
    }

    public void Bullet(string text, float size = 11f)
    {
        EnsureSpace(size * 1.4f);
        using var font = new SKFont(Regular, size);
        _canvas!.DrawText("•", Margin + 4, _y + size, SKTextAlign.Left, font, _ink);
        Lines(text, Regular, size, Margin + 16, ContentWidth - 16, _ink);
        Space(size * 0.3f);
    }

    /// <summary>Draws an SVG (a step picture or an icon array) at the given width, keeping its proportions.</summary>
    public void Svg(string svg, float width, float indent = 0)
    {
        using var drawing = new SKSvg();
        using var picture = drawing.FromSvg(svg);
        if (picture is null) return;
        var bounds = picture.CullRect;
        if (bounds.Width <= 0) return;
        var scale = width / bounds.Width;
        var height = bounds.Height * scale;
        EnsureSpace(height + 6);
        _canvas!.Save();
        _canvas.Translate(Margin + indent - (bounds.Left * scale), _y - (bounds.Top * scale));
        _canvas.Scale(scale);
        _canvas.DrawPicture(picture);
        _canvas.Restore();
        _y += height + 6;
    }

    public void Rule()
    {
        EnsureSpace(10);
        _canvas!.DrawLine(Margin, _y + 4, PageWidth - Margin, _y + 4, _rule);
        _y += 10;
    }

    public void Space(float points) => _y += points;

    public void EnsureSpace(float points)
    {
        if (_y + points > Bottom) NewPage();
    }

    public void Dispose()
    {
        _document.EndPage();
        _document.Close();
        _document.Dispose();
        _ink.Dispose();
        _muted.Dispose();
        _rule.Dispose();
    }

    private void Lines(string text, SKTypeface typeface, float size, float x, float width, SKPaint paint)
    {
        using var font = new SKFont(typeface, size);
        var lineHeight = size * 1.35f;
        foreach (var line in Wrap(text, font, width))
        {
            EnsureSpace(lineHeight);
            _canvas!.DrawText(line, x, _y + size, SKTextAlign.Left, font, paint);
            _y += lineHeight;
        }
    }

    private static IEnumerable<string> Wrap(string text, SKFont font, float width)
    {
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (line.Length > 0 && font.MeasureText(candidate) > width)
            {
                yield return line;
                line = word;
            }
            else
            {
                line = candidate;
            }
        }
        if (line.Length > 0) yield return line;
    }

    private void NewPage()
    {
        if (_canvas is not null) _document.EndPage();
        _page++;
        _canvas = _document.BeginPage(PageWidth, PageHeight);
        var (header, footer) = _furniture(_page);
        using var headerFont = new SKFont(Bold, 10);
        using var footerFont = new SKFont(Regular, 8.5f);
        _canvas.DrawText(header, Margin, Margin, SKTextAlign.Left, headerFont, _muted);
        _canvas.DrawLine(Margin, Margin + 8, PageWidth - Margin, Margin + 8, _rule);
        _canvas.DrawLine(Margin, PageHeight - Margin - 12, PageWidth - Margin, PageHeight - Margin - 12, _rule);
        _canvas.DrawText(footer, Margin, PageHeight - Margin, SKTextAlign.Left, footerFont, _muted);
        _y = Top;
    }

    private static SKTypeface LoadFont(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"DecisionAid.Rendering.Fonts.{name}")
            ?? throw new InvalidOperationException($"the font {name} is not embedded");
        return SKTypeface.FromStream(stream) ?? throw new InvalidOperationException($"the font {name} could not be read");
    }
}
