using System.Diagnostics;
using System.Globalization;

namespace DecisionAid.Testing;

/// <summary>Reads PDFs the way a person would, with poppler (pdftotext, pdftoppm), which scripts/test.sh installs.</summary>
internal static class PdfText
{
    /// <summary>The text of every page (layout kept), pages split by form feeds.</summary>
    public static string Read(byte[] pdf) => WithFile(pdf, file => Run("pdftotext", "-layout", file, "-"));

    /// <summary>
    /// The text in the order it was drawn, each page without its first two lines (the running header and footer,
    /// which our PDFs draw first), so a paragraph that crosses a page reads on as one.
    /// </summary>
    public static string Flowing(byte[] pdf) => string.Join("\n", WithFile(pdf, file => Run("pdftotext", "-raw", file, "-"))
        .Split('\f').Select(page => string.Join("\n", page.Split('\n').Skip(2))));

    public static IReadOnlyList<string> Pages(byte[] pdf) =>
        [.. Read(pdf).Split('\f', StringSplitOptions.RemoveEmptyEntries).Where(p => p.Trim().Length > 0)];

    /// <summary>Page 1 as a PNG at <paramref name="pngWithoutExtension"/>.png (for docs/screenshots).</summary>
    public static void FirstPagePng(byte[] pdf, string pngWithoutExtension, int dpi = 70) =>
        WithFile(pdf, file => Run("pdftoppm", "-png", "-r", dpi.ToString(CultureInfo.InvariantCulture), "-f", "1", "-l", "1", "-singlefile", file, pngWithoutExtension));

    /// <summary>Page <paramref name="page"/> drawn by poppler at <paramref name="dpi"/>: its width, height and RGB bytes.</summary>
    public static (int Width, int Height, byte[] Rgb) Raster(byte[] pdf, int page, int dpi) => WithFile(pdf, file =>
    {
        var n = page.ToString(CultureInfo.InvariantCulture);
        var image = Path.Combine(Path.GetDirectoryName(file)!, "page");
        Run("pdftoppm", "-r", dpi.ToString(CultureInfo.InvariantCulture), "-f", n, "-l", n, "-singlefile", file, image);
        var ppm = File.ReadAllBytes(image + ".ppm");
        // Binary PPM: "P6\n<width> <height>\n255\n", then the pixels.
        var head = System.Text.Encoding.ASCII.GetString(ppm, 0, 40).Split('\n');
        var size = head[1].Split(' ');
        return (int.Parse(size[0], CultureInfo.InvariantCulture), int.Parse(size[1], CultureInfo.InvariantCulture), ppm[(head[0].Length + head[1].Length + head[2].Length + 3)..]);
    });

    /// <summary>
    /// What is wrong with the file, empty when nothing: qpdf's check of its structure (objects, cross-references,
    /// streams), and anything poppler says while running every page's operators (an unknown name, a state restored
    /// that was never saved), which it reports without failing.
    /// </summary>
    public static string Problems(byte[] pdf) => WithFile(pdf, file =>
    {
        var (code, structure, structureErrors) = Start("qpdf", ["--check", file]);
        var problems = code == 0 && structure.Contains("No syntax or stream encoding errors", StringComparison.Ordinal) ? "" : structure + structureErrors;
        // pdftotext runs every page's operators as a viewer does (only the painting is left out).
        var (_, _, reading) = Start("pdftotext", [file, "-"]);
        return problems + reading;
    });

    public static string Run(string tool, params string[] args)
    {
        var (code, output, error) = Start(tool, args);
        if (code != 0) throw new InvalidOperationException($"{tool} failed: {error}");
        return output;
    }

    private static (int Code, string Output, string Error) Start(string tool, string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(tool, args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        // Both streams at once: a tool that fills one while we wait on the other would otherwise never finish.
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error.Result);
    }

    private static T WithFile<T>(byte[] pdf, Func<string, T> read)
    {
        var folder = TestFolders.NewTemp("pda-pdf");
        try
        {
            var file = Path.Combine(folder, "document.pdf");
            File.WriteAllBytes(file, pdf);
            return read(file);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
