using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace DecisionAid.Rendering.Pdf;

/// <summary>
/// Adds prepared <see cref="PdfForm"/>s to a PDF that SkiaSharp wrote (SkiaSharp cannot make form XObjects, and
/// draws a pattern as images). The file is written again in one revision: every object copied as it was, the pages
/// that get forms with their contents wrapped as [q, Skia's, ours] (so Skia's graphics state cannot leak into ours)
/// and the forms added to their resources, then the new objects and a new cross-reference table. Only SkiaSharp's
/// own output is read, and anything in it this does not expect is an error, never a guess.
/// </summary>
internal static partial class PlacedForms
{
    /// <summary>A form drawn on a page (1-based): <paramref name="Matrix"/> maps the form's units to the page's
    /// PDF space (origin bottom left).</summary>
    public sealed record Placement(int Page, PdfForm Form, float[] Matrix);

    public static byte[] Add(byte[] pdf, IReadOnlyList<Placement> placements)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        ArgumentNullException.ThrowIfNull(placements);
        if (placements.Count == 0) return pdf;
        var file = new SkiaFile(pdf);
        var pages = file.Pages();
        var size = file.Size;
        var added = new List<byte[]>();
        int Add(byte[] body)
        {
            added.Add(body);
            return size + added.Count - 1;
        }
        var formNumbers = new Dictionary<PdfForm, int>(ReferenceEqualityComparer.Instance);
        foreach (var form in placements.Select(p => p.Form).Distinct(ReferenceEqualityComparer.Instance).Cast<PdfForm>())
            formNumbers[form] = Add(FormObject(form));
        var open = Add(Stream(Encoding.ASCII.GetBytes("q\n")));
        var replaced = new Dictionary<int, byte[]>();
        foreach (var onPage in placements.GroupBy(p => p.Page))
        {
            if (onPage.Key < 1 || onPage.Key > pages.Count)
                throw new ArgumentOutOfRangeException(nameof(placements), $"page {onPage.Key} is not in a document of {pages.Count} pages");
            // A newline first: SkiaSharp's stream before it may not end on whitespace. Forms are drawn after (over) the
            // rest of the page, which never draws where an icon array stands.
            var content = new StringBuilder("\nQ\n");
            var names = new SortedDictionary<string, int>(StringComparer.Ordinal);
            foreach (var placement in onPage)
            {
                var number = formNumbers[placement.Form];
                var name = $"DecisionAidForm{number}";
                names[name] = number;
                content.Append("q ").Append(string.Join(' ', placement.Matrix.Select(PdfForm.Operators.N))).Append(" cm /").Append(name).Append(" Do Q\n");
            }
            var ours = Add(Stream(Encoding.ASCII.GetBytes(content.ToString())));
            var page = pages[onPage.Key - 1];
            replaced[page] = Encoding.Latin1.GetBytes(WithForms(file.Dictionary(page), open, ours, names));
        }
        return file.Write(replaced, added);
    }

    private static string WithForms(string page, int open, int ours, IReadOnlyDictionary<string, int> names)
    {
        var contents = ContentsReference().Match(page);
        if (!contents.Success) throw Unexpected("a page whose /Contents is not one stream");
        page = string.Concat(page.AsSpan(0, contents.Index), $"/Contents [{open} 0 R {contents.Groups[1].Value} 0 R {ours} 0 R]", page.AsSpan(contents.Index + contents.Length));
        var entries = string.Concat(names.Select(n => $"/{n.Key} {n.Value} 0 R\n"));
        var xobjects = page.IndexOf("/XObject <<", StringComparison.Ordinal);
        if (xobjects >= 0) return page.Insert(xobjects + "/XObject <<".Length, entries);
        var resources = page.IndexOf("/Resources <<", StringComparison.Ordinal);
        if (resources < 0) throw Unexpected("a page without its own /Resources dictionary");
        return page.Insert(resources + "/Resources <<".Length, $"/XObject <<{entries}>>\n");
    }

    private static byte[] FormObject(PdfForm form)
    {
        var b = form.Clip;
        var head = Encoding.ASCII.GetBytes(
            $"<</Type /XObject\n/Subtype /Form\n/BBox [{PdfForm.Operators.N(b.Left)} {PdfForm.Operators.N(b.Top)} {PdfForm.Operators.N(b.Right)} {PdfForm.Operators.N(b.Bottom)}]\n" +
            $"/Resources <<>>\n/Filter /FlateDecode\n/Length {form.Deflated.Length}>>\nstream\n");
        return [.. head, .. form.Deflated, .. "\nendstream"u8];
    }

    private static byte[] Stream(byte[] content) =>
        [.. Encoding.ASCII.GetBytes($"<</Length {content.Length}>>\nstream\n"), .. content, .. "\nendstream"u8];

    private static InvalidDataException Unexpected(string what) =>
        new($"SkiaSharp's PDF has {what}; forms cannot be placed in it (has its writer changed?)");

    [GeneratedRegex(@"/Contents (\d+) 0 R")]
    private static partial Regex ContentsReference();

    /// <summary>The parts of SkiaSharp's PDF this needs: its objects' places (from its one cross-reference table),
    /// its trailer, and its pages in order.</summary>
    private sealed partial class SkiaFile
    {
        private readonly byte[] _pdf;
        private readonly int _xref;
        private readonly long[] _offsets; // by object number; 0 for none
        private readonly string _trailer;

        public SkiaFile(byte[] pdf)
        {
            _pdf = pdf;
            var tail = Encoding.Latin1.GetString(pdf, Math.Max(0, pdf.Length - 64), Math.Min(64, pdf.Length));
            var start = StartXref().Match(tail);
            if (!start.Success) throw Unexpected("no startxref at its end");
            _xref = int.Parse(start.Groups[1].Value, CultureInfo.InvariantCulture);
            var table = XrefHead().Match(Encoding.Latin1.GetString(pdf, _xref, Math.Min(64, pdf.Length - _xref)));
            if (!table.Success || table.Groups[1].Value != "0") throw Unexpected("a cross-reference table that is not one section from 0");
            Size = int.Parse(table.Groups[2].Value, CultureInfo.InvariantCulture);
            _offsets = new long[Size];
            var first = _xref + table.Length;
            for (var i = 1; i < Size; i++)
            {
                var entry = Encoding.Latin1.GetString(pdf, first + (i * 20), 20);
                if (entry[17] == 'n') _offsets[i] = long.Parse(entry.AsSpan(0, 10), CultureInfo.InvariantCulture);
            }
            var trailerAt = first + (Size * 20);
            _trailer = Encoding.Latin1.GetString(pdf, trailerAt, pdf.Length - trailerAt);
            if (!_trailer.StartsWith("trailer", StringComparison.Ordinal) || _trailer.Contains("/Prev", StringComparison.Ordinal) || _trailer.Contains("/Encrypt", StringComparison.Ordinal))
                throw Unexpected("a trailer that is not one plain revision's");
        }

        public int Size { get; }

        /// <summary>The pages' object numbers in reading order, from the catalog's page tree.</summary>
        public List<int> Pages()
        {
            var root = Reference(_trailer, "Root");
            var pages = new List<int>();
            void Walk(int node, int depth)
            {
                if (depth > 32) throw Unexpected("a page tree too deep");
                var dictionary = Dictionary(node);
                if (PageType().IsMatch(dictionary)) { pages.Add(node); return; }
                var kids = Kids().Match(dictionary);
                if (!kids.Success) throw Unexpected($"a page tree node {node} without /Kids");
                foreach (Match kid in KidReference().Matches(kids.Groups[1].Value))
                    Walk(int.Parse(kid.Groups[1].Value, CultureInfo.InvariantCulture), depth + 1);
            }
            Walk(Reference(Dictionary(root), "Pages"), 0);
            return pages;
        }

        /// <summary>Object <paramref name="number"/>'s dictionary (an object without a stream).</summary>
        public string Dictionary(int number)
        {
            if (number <= 0 || number >= Size || _offsets[number] == 0) throw Unexpected($"no object {number}");
            var start = (int)_offsets[number];
            var end = _pdf.AsSpan(start).IndexOf("endobj"u8);
            if (end < 0) throw Unexpected($"object {number} without endobj");
            var text = Encoding.Latin1.GetString(_pdf, start, end);
            var head = $"{number} 0 obj\n";
            if (!text.StartsWith(head, StringComparison.Ordinal) || text.Contains("stream", StringComparison.Ordinal))
                throw Unexpected($"object {number} not written as a plain dictionary");
            return text[head.Length..].TrimEnd();
        }

        /// <summary>The file again: each object as it was (or its replacement), the added objects, one new table.</summary>
        public byte[] Write(Dictionary<int, byte[]> replaced, List<byte[]> added)
        {
            var order = Enumerable.Range(1, Size - 1).Where(n => _offsets[n] != 0).OrderBy(n => _offsets[n]).ToList();
            using var output = new MemoryStream(_pdf.Length + added.Sum(a => a.Length + 64));
            output.Write(_pdf, 0, (int)_offsets[order[0]]); // the header
            var offsets = new long[Size + added.Count];
            for (var i = 0; i < order.Count; i++)
            {
                var number = order[i];
                offsets[number] = output.Position;
                var start = (int)_offsets[number];
                var end = i + 1 < order.Count ? (int)_offsets[order[i + 1]] : _xref;
                if (replaced.TryGetValue(number, out var body)) WriteObject(output, number, body);
                else output.Write(_pdf, start, end - start);
            }
            for (var i = 0; i < added.Count; i++)
            {
                offsets[Size + i] = output.Position;
                WriteObject(output, Size + i, added[i]);
            }
            var xref = output.Position;
            var table = new StringBuilder($"xref\n0 {offsets.Length}\n0000000000 65535 f \n");
            for (var n = 1; n < offsets.Length; n++)
                table.Append(offsets[n] == 0 ? "0000000000 65535 f \n" : $"{offsets[n]:D10} 00000 n \n");
            table.Append(SizeEntry().Replace(_trailer[.._trailer.IndexOf("startxref", StringComparison.Ordinal)], $"/Size {offsets.Length}"));
            table.Append(CultureInfo.InvariantCulture, $"startxref\n{xref}\n%%EOF\n");
            output.Write(Encoding.Latin1.GetBytes(table.ToString()));
            return output.ToArray();
        }

        private static void WriteObject(Stream output, int number, byte[] body)
        {
            output.Write(Encoding.ASCII.GetBytes($"{number} 0 obj\n"));
            output.Write(body);
            output.Write("\nendobj\n"u8);
        }

        private static int Reference(string dictionary, string key)
        {
            var match = Regex.Match(dictionary, $@"/{key} (\d+) 0 R");
            if (!match.Success) throw Unexpected($"no /{key} reference");
            return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        }

        [GeneratedRegex(@"startxref\s+(\d+)\s+%%EOF\s*$")]
        private static partial Regex StartXref();

        [GeneratedRegex(@"^xref\n(\d+) (\d+)\n")]
        private static partial Regex XrefHead();

        [GeneratedRegex(@"/Type /Page\b(?!s)")]
        private static partial Regex PageType();

        [GeneratedRegex(@"/Kids \[([^\]]*)\]")]
        private static partial Regex Kids();

        [GeneratedRegex(@"(\d+) 0 R")]
        private static partial Regex KidReference();

        [GeneratedRegex(@"/Size \d+")]
        private static partial Regex SizeEntry();
    }
}
