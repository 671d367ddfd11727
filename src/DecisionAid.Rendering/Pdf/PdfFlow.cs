using SkiaSharp;
using SkiaSharp.HarfBuzz;
using Svg.Skia;

namespace DecisionAid.Rendering.Pdf;

/// <summary>
/// Flows text, lists, tables and SVG drawings down Letter-size PDF pages, with the same header and footer on every
/// page. <see cref="Write"/> runs the composition twice: once to learn which characters the document uses (so the
/// fonts are embedded as small subsets), once to lay it out and draw. Headings and labels are never left at the
/// foot of a page without what follows them; lines break between words, or between characters in scripts
/// written without spaces (Chinese, Japanese).
/// </summary>
internal sealed class PdfFlow
{
    public const float PageWidth = 612, PageHeight = 792, Margin = 54;
    public const float ContentWidth = PageWidth - (2 * Margin);
    internal const float Top = Margin + 34;
    private const float Bottom = PageHeight - Margin - 24;
    private static readonly SKColor Ink = new(0x1f, 0x29, 0x33), Muted = new(0x4a, 0x55, 0x68), Line = new(0xcb, 0xd2, 0xd9), Shade = new(0xee, 0xf1, 0xf4);

    private readonly SKDocument? _document;
    private readonly PdfFonts? _fonts;
    private readonly HashSet<string>? _collected;
    private readonly Func<int, (string Header, string Footer)> _furniture;
    private readonly Dictionary<SKTypeface, SKShaper> _shapers = [];
    private readonly Dictionary<(SKTypeface, float), SKFont> _sizedFonts = [];
    // Drawings are the same from one document to the next (an aid's pictures and icon arrays): each is parsed once
    // per process and replayed into every PDF. A picture is immutable, so documents made at once share it.
    private static readonly KeptValues<string, SKPicture?> Pictures = new(2000, StringComparer.Ordinal);
    private readonly KeptValues<string, SKPicture?> _ownPictures = new(int.MaxValue, StringComparer.Ordinal); // a signature: this document's only
    private readonly List<PlacedForms.Placement> _forms = [];
    private SKCanvas? _canvas;
    private int _page;
    private float _y;

    private PdfFlow(HashSet<string> collected, Func<int, (string, string)> furniture)
    {
        _collected = collected;
        _furniture = furniture;
    }

    private PdfFlow(SKDocument document, PdfFonts fonts, Func<int, (string, string)> furniture)
    {
        _document = document;
        _fonts = fonts;
        _furniture = furniture;
        NewPage();
    }

    /// <summary>One PDF: <paramref name="compose"/> says what goes on the pages, top to bottom.</summary>
    public static byte[] Write(SKDocumentPdfMetadata metadata, Func<int, (string Header, string Footer)> furniture, Action<PdfFlow> compose) =>
        WriteCounted(metadata, furniture, compose).Pdf;

    /// <summary>The PDF and how many pages it has (for a document that must fit a number of pages).</summary>
    public static (byte[] Pdf, int Pages) WriteCounted(SKDocumentPdfMetadata metadata, Func<int, (string Header, string Footer)> furniture, Action<PdfFlow> compose)
    {
        ArgumentNullException.ThrowIfNull(compose);
        var text = new HashSet<string>(StringComparer.Ordinal);
        var (header, footer) = furniture(1);
        text.Add(header);
        text.Add(footer);
        compose(new PdfFlow(text, furniture));
        var fonts = PdfFonts.For(text);
        using var output = new MemoryStream();
        int pages;
        PdfFlow flow;
        using (var document = SKDocument.CreatePdf(output, metadata))
        {
            flow = new PdfFlow(document, fonts, furniture);
            compose(flow);
            flow.Finish();
            pages = flow._page;
        }
        return (PlacedForms.Add(output.ToArray(), flow._forms), pages);
    }

    private bool Collecting => _collected is not null;

    public void Heading(string text, int level)
    {
        var size = level == 1 ? 22f : level == 2 ? 15f : 12.5f;
        if (Collecting) { _collected!.Add(text); return; }
        Space(level == 1 ? 0 : 10);
        // Keep a heading with at least its first lines of text.
        EnsureSpace(Measure(text, size, bold: true, ContentWidth) + 40);
        Lines(text, size, bold: true, Margin, ContentWidth, Ink);
        Space(3);
    }

    public void Paragraph(string text, float size = 11f, bool bold = false, float indent = 0, bool muted = false, string? link = null)
    {
        if (Collecting) { _collected!.Add(text); return; }
        var top = (_page, _y);
        Lines(text, size, bold, Margin + indent, ContentWidth - indent, muted ? Muted : Ink);
        if (link is not null && top._page == _page && Uri.TryCreate(link, UriKind.Absolute, out _))
            _canvas!.DrawUrlAnnotation(new SKRect(Margin + indent, top._y, PageWidth - Margin, _y), link);
        Space(size * 0.45f);
    }

    /// <summary>A list item: <paramref name="marker"/> ("•", "1.") hangs left of the text.</summary>
    public void Bullet(string text, float size = 11f, string marker = "•", float indent = 0)
    {
        if (Collecting) { _collected!.Add(text); _collected.Add(marker); return; }
        EnsureSpace(size * 1.4f);
        DrawRuns(marker, Margin + indent + 2, _y + size, size, bold: false, Ink);
        Lines(text, size, bold: false, Margin + indent + 16, ContentWidth - indent - 16, Ink);
        Space(size * 0.3f);
    }

    /// <summary>A table with a shaded header row, repeated at the top of each new page; cells wrap.</summary>
    public void Table(IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<string>> rows, IReadOnlyList<float> widths, float size = 9f, int boldColumns = 1)
    {
        if (Collecting)
        {
            foreach (var cell in columns.Concat(rows.SelectMany(r => r))) _collected!.Add(cell);
            return;
        }
        const float pad = 4;
        var x = new float[widths.Count + 1];
        x[0] = Margin;
        for (var i = 0; i < widths.Count; i++) x[i + 1] = x[i] + (widths[i] * ContentWidth);
        float RowHeight(IReadOnlyList<string> cells, bool bold) =>
            cells.Select((c, i) => Measure(c, size, bold || i < boldColumns, x[i + 1] - x[i] - (2 * pad))).Max() + (2 * pad);
        void Row(IReadOnlyList<string> cells, bool header)
        {
            var height = RowHeight(cells, header);
            using var line = new SKPaint { Color = Line, StrokeWidth = 0.75f, IsAntialias = true, Style = SKPaintStyle.Stroke };
            if (header)
            {
                using var shade = new SKPaint { Color = Shade, Style = SKPaintStyle.Fill };
                _canvas!.DrawRect(x[0], _y, x[^1] - x[0], height, shade);
            }
            var top = _y;
            for (var i = 0; i < cells.Count; i++)
            {
                _y = top + pad;
                Lines(cells[i], size, header || i < boldColumns, x[i] + pad, x[i + 1] - x[i] - (2 * pad), Ink, breakPages: false);
                _canvas!.DrawRect(x[i], top, x[i + 1] - x[i], height, line);
            }
            _y = top + height;
        }
        EnsureSpace(RowHeight(columns, true) + RowHeight(rows[0], false));
        Row(columns, header: true);
        foreach (var row in rows)
        {
            if (_y + RowHeight(row, false) > Bottom)
            {
                NewPage();
                Row(columns, header: true);
            }
            Row(row, header: false);
        }
        Space(8);
    }

    /// <summary>Draws an SVG (a step picture, a signature) at the given width, keeping its proportions.</summary>
    /// <param name="shared">True for the library's drawings (kept for the next document); false for one person's (a
    /// signature), never kept past this document.</param>
    public void Svg(string svg, float width, bool shared, float indent = 0)
    {
        if (!Collecting && Picture(svg, shared) is { } picture) Picture(picture, width, indent);
    }

    /// <summary>The height an SVG takes at <paramref name="width"/> (to keep it with its label).</summary>
    public float SvgHeight(string svg, float width, bool shared) =>
        Collecting ? 0 : PictureHeight(Picture(svg, shared), width);

    /// <summary>Draws a picture at the given width, keeping its proportions.</summary>
    public void Picture(SKPicture picture, float width, float indent = 0)
    {
        ArgumentNullException.ThrowIfNull(picture);
        if (Collecting) return;
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

    /// <summary>Places a prepared form (an icon array) at the given width, keeping its proportions.</summary>
    public void Form(PdfForm form, float width)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (Collecting) return;
        var bounds = form.Bounds;
        var scale = width / bounds.Width;
        EnsureSpace(FormHeight(form, width));
        // The form's units, y downward from its top left corner, onto the page's PDF space (y upward from the bottom).
        var x = Margin - (bounds.Left * scale);
        var y = PageHeight - (_y - (bounds.Top * scale));
        _forms.Add(new PlacedForms.Placement(_page, form, [scale, 0, 0, -scale, x, y]));
        _y += FormHeight(form, width);
    }

    /// <summary>The height a form takes at <paramref name="width"/>, with the space below it.</summary>
    public float FormHeight(PdfForm? form, float width) =>
        Collecting || form is null ? 0 : (form.Bounds.Height * width / form.Bounds.Width) + 6;

    /// <summary>The height a picture takes at <paramref name="width"/>.</summary>
    public float PictureHeight(SKPicture? picture, float width) =>
        Collecting || picture is null || picture.CullRect.Width <= 0 ? 0 : (picture.CullRect.Height * width / picture.CullRect.Width) + 6;

    public void Rule()
    {
        if (Collecting) return;
        EnsureSpace(10);
        using var line = new SKPaint { Color = Line, StrokeWidth = 1, IsAntialias = true };
        _canvas!.DrawLine(Margin, _y + 4, PageWidth - Margin, _y + 4, line);
        _y += 10;
    }

    public void Space(float points) => _y += points;

    /// <summary>Starts a new page unless <paramref name="points"/> fit on this one: what must stay together, stays together.</summary>
    public void EnsureSpace(float points)
    {
        if (!Collecting && _y + points > Bottom && _y > Top) NewPage();
    }

    /// <summary>The height <paramref name="text"/> takes as a paragraph (0 while collecting).</summary>
    public float Measure(string text, float size, bool bold, float width)
    {
        if (Collecting) return 0;
        return Wrap(text, size, bold, width).Count * size * 1.35f;
    }

    private void Finish()
    {
        _document!.EndPage();
        _document.Close();
        foreach (var shaper in _shapers.Values) shaper.Dispose();
        foreach (var font in _sizedFonts.Values) font.Dispose();
        foreach (var picture in _ownPictures.Values) picture?.Dispose();
    }

    private void Lines(string text, float size, bool bold, float x, float width, SKColor color, bool breakPages = true)
    {
        var lineHeight = size * 1.35f;
        foreach (var line in Wrap(text, size, bold, width))
        {
            if (breakPages) EnsureSpace(lineHeight);
            DrawRuns(line, x, _y + size, size, bold, color);
            _y += lineHeight;
        }
    }

    private void DrawRuns(string text, float x, float baseline, float size, bool bold, SKColor color)
    {
        using var paint = new SKPaint { Color = color, IsAntialias = true };
        foreach (var (run, face, complex) in _fonts!.Runs(text, bold))
        {
            var font = Font(face, size);
            if (complex)
            {
                var shaper = Shaper(face);
                _canvas!.DrawShapedText(shaper, run, x, baseline, SKTextAlign.Left, font, paint);
                x += shaper.Shape(run, font).Width;
            }
            else
            {
                _canvas!.DrawText(run, x, baseline, SKTextAlign.Left, font, paint);
                x += font.MeasureText(run);
            }
        }
    }

    private float Width(string text, float size, bool bold)
    {
        var width = 0f;
        foreach (var (run, face, complex) in _fonts!.Runs(text, bold))
        {
            var font = Font(face, size);
            width += complex ? Shaper(face).Shape(run, font).Width : font.MeasureText(run);
        }
        return width;
    }

    private SKFont Font(SKTypeface face, float size)
    {
        if (!_sizedFonts.TryGetValue((face, size), out var font)) _sizedFonts[(face, size)] = font = new SKFont(face, size);
        return font;
    }

    /// <summary>Each drawing is parsed once (a step picture is measured, then drawn, in every handout).</summary>
    private SKPicture? Picture(string svg, bool shared) => (shared ? Pictures : _ownPictures).GetOrMake(svg, Parse);

    private static SKPicture? Parse(string svg)
    {
        using var drawing = new SKSvg();
        // Svg.Skia keeps the picture alive only with the SKSvg; record a copy the cache owns.
        if (drawing.FromSvg(svg) is not { } source) return null;
        using var recorder = new SKPictureRecorder();
        recorder.BeginRecording(source.CullRect).DrawPicture(source);
        return recorder.EndRecording();
    }

    private SKShaper Shaper(SKTypeface face)
    {
        if (!_shapers.TryGetValue(face, out var shaper)) _shapers[face] = shaper = new SKShaper(face);
        return shaper;
    }

    /// <summary>Greedy line breaking over <see cref="LineBreaks.Pieces"/>; a piece wider than a line is cut between characters.</summary>
    private List<string> Wrap(string text, float size, bool bold, float width)
    {
        var lines = new List<string>();
        var line = "";
        var lineWidth = 0f;
        var space = Width(" ", size, bold);
        foreach (var piece in LineBreaks.Pieces(text))
        {
            var full = Width(piece, size, bold);
            var trimmed = piece.EndsWith(' ') ? full - ((piece.Length - piece.TrimEnd().Length) * space) : full;
            if (line.Length > 0 && lineWidth + trimmed > width)
            {
                lines.Add(line.TrimEnd());
                line = "";
                lineWidth = 0;
            }
            line += piece;
            lineWidth += full;
            // Only a piece wider than a whole line (a long web address) is cut between characters.
            while (line.Length > 1 && lineWidth - ((line.Length - line.TrimEnd().Length) * space) > width)
            {
                var cut = line.Length - 1;
                while (cut > 1 && Width(line[..cut], size, bold) > width) cut--;
                if (char.IsLowSurrogate(line[cut])) cut--;
                lines.Add(line[..cut]);
                line = line[cut..];
                lineWidth = Width(line, size, bold);
            }
        }
        if (line.Trim().Length > 0) lines.Add(line.TrimEnd());
        return lines;
    }

    private void NewPage()
    {
        if (_canvas is not null) _document!.EndPage();
        _page++;
        _canvas = _document!.BeginPage(PageWidth, PageHeight);
        var (header, footer) = _furniture(_page);
        DrawRuns(header, Margin, Margin, 10, bold: true, Muted);
        using var line = new SKPaint { Color = Line, StrokeWidth = 1, IsAntialias = true };
        _canvas.DrawLine(Margin, Margin + 8, PageWidth - Margin, Margin + 8, line);
        _canvas.DrawLine(Margin, PageHeight - Margin - 12, PageWidth - Margin, PageHeight - Margin - 12, line);
        DrawRuns(footer, Margin, PageHeight - Margin, 8.5f, bold: false, Muted);
        _y = Top;
    }
}
