using System.Text.RegularExpressions;
using DecisionAid.Core.Loading;
using DecisionAid.Core.Personalising;
using DecisionAid.Rendering.Document;
using DecisionAid.Rendering.Pdf;

namespace DecisionAid.Rendering.Tests.Pdf;

/// <summary>The handout's prepared parts (icon arrays, font cuts) are shared between documents, and stay vectors.</summary>
public partial class HandoutPdfTests
{
    private static readonly ContentLibrary Library = ContentLibrary.Load(TestFolders.ShippedContent());

    [Fact]
    public void Icon_arrays_print_as_vectors_and_every_patients_name_prints_whatever_was_made_before()
    {
        var aid = Library.Find("neurolysis")!;
        var risks = YourRisks.For(aid, new PacketChoices("intercostal", "heat", ["blood-thinners"]));
        var brand = new PracticeBrand("Test Clinic", "555-0100", null, null);
        // The same handout for patients whose names need other characters than the last one's: each prints as typed.
        foreach (var name in new[] { "Ann Lee", "José Müller-Ñúñez", "Zoë Łukasiewicz", "Мария Иванова", "王小明", "Ann Lee" })
        {
            var pdf = HandoutPdf.Render(aid, "en", brand, risks, name);
            Assert.Contains(name, PdfText.Read(pdf), StringComparison.Ordinal);
            // No picture was turned into an image: every person of every icon array is drawn as a vector.
            Assert.DoesNotMatch(ImageObject(), System.Text.Encoding.Latin1.GetString(pdf));
        }
    }

    [Fact]
    public void Every_aids_handout_in_every_language_is_a_well_formed_file_with_its_icon_arrays_placed()
    {
        var forms = 0;
        foreach (var aid in Library.Aids)
        {
            foreach (var language in aid.Languages)
            {
                var pdf = HandoutPdf.Render(aid, language);
                Assert.True(PdfText.StructureErrors(pdf) is "", $"{aid.Id} ({language}): {PdfText.StructureErrors(pdf)}");
                // One form per icon array for the whole file, however many pages place it.
                var text = System.Text.Encoding.Latin1.GetString(pdf);
                var placed = FormsPlaced().Matches(text).Select(m => m.Value).Distinct().Count();
                Assert.Equal(placed, Regex.Count(text, @"/Subtype /Form\n/BBox \[-?\d"));
                forms += placed;
            }
        }
        Assert.True(forms > 20, $"only {forms} icon arrays in the whole library's handouts");
    }

    [GeneratedRegex(@"/DecisionAidForm\d+ \d+ 0 R")]
    private static partial Regex FormsPlaced();

    [GeneratedRegex(@"/Subtype\s*/Image")]
    private static partial Regex ImageObject();
}
