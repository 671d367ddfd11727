namespace DecisionAid.Cli.Tests.Verbs;

public class ReadabilityAndRenderVerbTests
{
    [Fact]
    public void Readability_prints_each_section_and_the_hardest_sentences_first()
    {
        using var run = new PdaRun();
        var (exit, output, _) = run.Pda("readability", "neurolysis", "--lang", "en", "--content", run.Content);
        Assert.Equal(0, exit);
        Assert.Contains("summary", output, StringComparison.Ordinal);
        Assert.Contains("whole aid", output, StringComparison.Ordinal);
        var grades = output[output.IndexOf("Hardest sentences", StringComparison.Ordinal)..]
            .Split('\n').Skip(1).Where(l => l.Trim().Length > 0)
            .Select(l => double.Parse(l.Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(10, grades.Count);
        Assert.Equal(grades.OrderByDescending(g => g), grades);
    }

    [Fact]
    public void Readability_of_an_unknown_aid_or_language_says_what_exists()
    {
        using var run = new PdaRun();
        var (exit, _, error) = run.Pda("readability", "kneecap", "--content", run.Content);
        Assert.Equal(2, exit);
        // The known aids, in order (the list grows with the library, so the test reads it from the library).
        var known = string.Join(", ", Directory.GetDirectories(run.Content).Select(Path.GetFileName).Where(n => !n!.StartsWith('_')).Order(StringComparer.Ordinal));
        Assert.Contains($"no aid 'kneecap' in the library (known: {known})", error, StringComparison.Ordinal);
        (exit, _, error) = run.Pda("readability", "neurolysis", "--lang", "fr", "--content", run.Content);
        Assert.Equal(2, exit);
        Assert.Contains("has no text in 'fr'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_writes_one_self_contained_html_file()
    {
        using var run = new PdaRun();
        var file = Path.Combine(run.Root, "out", "neurolysis.html");
        var (exit, output, _) = run.Pda("render", "neurolysis", "--lang", "en", "--format", "html", "--out", file, "--content", run.Content);
        Assert.Equal(0, exit);
        Assert.Contains("wrote", output, StringComparison.Ordinal);
        var html = File.ReadAllText(file);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\" dir=\"ltr\">", html, StringComparison.Ordinal);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_writes_a_pdf_handout()
    {
        using var run = new PdaRun();
        var file = Path.Combine(run.Root, "neurolysis.es.pdf");
        var (exit, output, _) = run.Pda("render", "neurolysis", "--lang", "es", "--format", "pdf", "--out", file, "--content", run.Content);
        Assert.Equal(0, exit);
        Assert.Contains("wrote", output, StringComparison.Ordinal);
        var bytes = File.ReadAllBytes(file);
        Assert.Equal("%PDF-"u8.ToArray(), bytes[..5]);
        Assert.True(bytes.Length > 20_000);
    }

    [Fact]
    public void Render_refuses_content_that_fails_its_checks()
    {
        using var run = new PdaRun();
        run.Edit("neurolysis/en.yaml", "  which-nerve: Which nerve would you treat? What other jobs does it do?",
            "  which-nerve: Which anatomical neurological structure would interventionalists preferentially ablate percutaneously?");
        var file = Path.Combine(run.Root, "n.html");
        var (exit, _, error) = run.Pda("render", "neurolysis", "--out", file, "--content", run.Content);
        Assert.Equal(1, exit);
        Assert.Contains("READ001", error, StringComparison.Ordinal);
        Assert.False(File.Exists(file));
    }
}
