using System.Text;
using DecisionAid.Core.Consent;
using DecisionAid.Rendering.Pdf;

namespace DecisionAid.Rendering.Tests.Pdf;

/// <summary>The consent PDF as a reader holds it: names in any script print, signatures stay with their labels, and it is small.</summary>
public class ConsentPdfTests
{
    private const string Drawing = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 300 100\"><path d=\"M10 80 C 60 10, 120 10, 150 60 S 240 90, 290 20\" fill=\"none\" stroke=\"#000\" stroke-width=\"3\"/></svg>";

    private static SealedDocument Record(string patientName, int riskLines = 8, string? witness = null) => new()
    {
        RecordId = Guid.Parse("6f1c1a2e-5b7d-4c3a-9e1f-0a2b3c4d5e6f"),
        Kind = "consent",
        SealedAt = "2026-12-01T10:00:00Z",
        Practice = new(Guid.Empty, "Test Clinic"),
        Packet = new(Guid.Empty, "neurolysis", "Neurolysis", "en", "1.0.0", new string('a', 64), "knee", "heat", []),
        Patient = new(patientName, "1950-01-01", "MRN-1"),
        ShownContentHash = new string('b', 64),
        Statement = "What you agree to\nI want to have neurolysis.\nRisks I was shown:\n"
            + string.Concat(Enumerable.Range(1, riskLines).Select(i => $"- Risk number {i}: about 1 in 1,000 people\n"))
            + "Other choices I was shown:\n- Medicines\nI can ask questions at any time.",
        Answers = [],
        PatientSignature = new(Guid.Empty, "signed", patientName, Drawing, "2026-12-01T09:00:00Z", "127.0.0.1", "Test browser", "I agree to the procedure described above."),
        ClinicianSignature = new("c1", "Dr Test", "test@example.org", "2026-12-01T10:00:00Z", "127.0.0.1", "Test browser",
            "I explained the procedure and answered the patient's questions.", true, null, null, witness),
    };

    [Theory]
    [InlineData("José Müller-Ñúñez")]
    [InlineData("Мария Иванова")]
    [InlineData("王小明")]
    [InlineData("Zoë Çelik-Łukasiewicz")]
    public void A_patient_name_in_latin_cyrillic_or_chinese_prints_as_typed(string name)
    {
        var text = PdfText.Read(ConsentPdf.Render(Record(name), new string('c', 64)));
        Assert.Contains(name, text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_arabic_name_prints_with_its_letters_joined()
    {
        const string name = "محمد عبد الله";
        var pdf = ConsentPdf.Render(Record(name), new string('c', 64));
        // Shaped Arabic is drawn with its joined (presentation) forms; read back and folded, they are the letters typed.
        var text = PdfText.Read(pdf).Normalize(NormalizationForm.FormKC);
        var letters = new string([.. name.Where(c => c != ' ')]);
        var found = new string([.. text.Where(c => c is >= '\u0600' and <= '\u06FF')]);
        Assert.True(found.Contains(letters, StringComparison.Ordinal) || found.Contains(new string([.. letters.Reverse()]), StringComparison.Ordinal),
            $"the Arabic name is not in the PDF's text: '{found}'");
        Assert.DoesNotContain("\u25A1", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Chinese_is_drawn_with_a_shipped_font_subset_not_a_whole_font()
    {
        var pdf = ConsentPdf.Render(Record("王小明"), new string('c', 64));
        var fonts = PdfText.Run("pdffonts", WriteTemp(pdf));
        Assert.Contains("DroidSansFallback", fonts, StringComparison.Ordinal);
        Assert.DoesNotContain(" no  ", fonts.Split('\n').Skip(2).Select(l => l.Length > 70 ? l[..70] : l).Aggregate("", (a, b) => a + b), StringComparison.Ordinal);
        Assert.True(pdf.Length < 150_000, $"the consent PDF is {pdf.Length:N0} bytes");
    }

    [Fact]
    public void A_two_page_consent_is_under_150_kilobytes()
    {
        var pdf = ConsentPdf.Render(Record("Ana García", riskLines: 30), new string('c', 64));
        Assert.Equal(2, PdfText.Pages(pdf).Count);
        Assert.True(pdf.Length < 150_000, $"the consent PDF is {pdf.Length:N0} bytes");
        Assert.Equal("", PdfText.Problems(pdf));
    }

    [Fact]
    public void Each_signature_label_is_on_the_page_of_its_drawing_and_time_whatever_the_statement_length()
    {
        for (var lines = 0; lines <= 40; lines++)
        {
            var pages = PdfText.Pages(ConsentPdf.Render(Record("Ana García", lines), new string('c', 64)));
            var label = pages.Single(p => p.Contains("Patient's signature", StringComparison.Ordinal));
            // The drawing sits between the typed name and the time it was signed: both must share the label's page.
            Assert.True(label.Contains("Typed name: Ana García", StringComparison.Ordinal) && label.Contains("Signed: 2026-12-01 09:00:00 UTC", StringComparison.Ordinal),
                $"with {lines} statement lines the patient's signature is split across pages");
            var clinician = pages.Single(p => p.Contains("Clinician's signature", StringComparison.Ordinal));
            Assert.Contains("Dr Test", clinician, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Characters_no_shipped_font_draws_are_refused_with_the_characters_named()
    {
        Assert.Null(PrintableText.Problem("Zoë 王 محمد Мария", "the name"));
        // Emoji newer than the fallback font (Unicode 10 and 11) have no glyph in any font we ship.
        var problem = PrintableText.Problem("Ana 🥰🧑", "the name");
        Assert.NotNull(problem);
        Assert.Contains("🥰 🧑", problem, StringComparison.Ordinal);
    }

    private static string WriteTemp(byte[] pdf)
    {
        var file = Path.Combine(TestFolders.NewTemp("pda-consent"), "consent.pdf");
        File.WriteAllBytes(file, pdf);
        return file;
    }
}
