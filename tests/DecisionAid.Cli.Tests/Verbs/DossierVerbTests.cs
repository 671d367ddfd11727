using System.Text.RegularExpressions;
using DecisionAid.Testing;

namespace DecisionAid.Cli.Tests.Verbs;

public class DossierVerbTests
{
    [Fact]
    public void Dossier_writes_an_html_file_whose_hash_is_the_aid_versions()
    {
        using var run = new PdaRun();
        var file = Path.Combine(run.Root, "out", "neurolysis.html");
        var (exit, output, error) = run.Pda("dossier", "neurolysis", "--content", run.Content, "--out", file);
        Assert.True(exit == 0, output + error);
        var hash = Regex.Match(output, "content hash ([0-9a-f]{64})").Groups[1].Value;
        Assert.Equal(64, hash.Length);
        Assert.Matches(@"\d+ items pass .*, 0 fail, \d+ are for a person to judge", output);
        var html = File.ReadAllText(file);
        Assert.Contains($"<dd id=\"content-hash\">{hash}</dd>", html, StringComparison.Ordinal);
        foreach (var item in new[] { "IPDAS-Q1", "IPDAS-C4", "IPDAS-QUAL-FIELD-TEST-PATIENTS", "MONTGOMERY-SERIOUS-HARMS", "NQF-SCREEN-OPTIONS", "WA-182-60-040-2" })
            Assert.Contains($"id=\"{item}\"", html, StringComparison.Ordinal);
        // Evidence names where it was found.
        Assert.Matches(@">neurolysis/en\.yaml:\d+:\d+<", html);
        Assert.DoesNotContain("http", Regex.Replace(html, "<meta[^>]*>", ""), StringComparison.Ordinal);
    }

    [Fact]
    public void Dossier_writes_a_pdf_for_one_language()
    {
        using var run = new PdaRun();
        var file = Path.Combine(run.Root, "nerve-block.es.pdf");
        var (exit, output, error) = run.Pda("dossier", "nerve-block", "--lang", "es", "--content", run.Content, "--out", file);
        Assert.True(exit == 0, output + error);
        var text = PdfText.Read(File.ReadAllBytes(file));
        Assert.Contains("IPDAS-Q2", text, StringComparison.Ordinal);
        Assert.Contains("Spanish (es)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Chinese (Simplified) (zh)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Dossier_exits_1_when_an_item_fails_and_still_writes_the_file()
    {
        using var run = new PdaRun();
        run.Edit("neurolysis/aid.yaml", "funding: none\n", "");
        var file = Path.Combine(run.Root, "neurolysis.html");
        var (exit, output, error) = run.Pda("dossier", "neurolysis", "--content", run.Content, "--out", file);
        Assert.Equal(1, exit);
        Assert.Matches(@"IPDAS-C6: \S*content/neurolysis/aid\.yaml:\d+:\d+: error IPDAS017", error);
        Assert.Contains("2 fail", output, StringComparison.Ordinal); // IPDAS C6, and Washington's item built on IPDAS
        Assert.True(File.Exists(file));
    }

    [Theory]
    [InlineData("dossier", "neurolysis", "--out", "x.docx")]
    [InlineData("dossier", "no-such-aid")]
    [InlineData("dossier", "neurolysis", "--lang", "fr")]
    public void Dossier_bad_usage_exits_2(params string[] args)
    {
        using var run = new PdaRun();
        var (exit, _, error) = run.Pda([.. args, "--content", run.Content]);
        Assert.Equal(2, exit);
        Assert.Contains("pda:", error, StringComparison.Ordinal);
    }
}
