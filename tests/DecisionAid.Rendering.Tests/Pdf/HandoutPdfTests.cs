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
    public void Every_aids_handout_in_every_language_is_a_well_formed_file_with_each_icon_array_held_once()
    {
        var forms = 0;
        foreach (var aid in Library.Aids)
        {
            foreach (var language in aid.Languages)
            {
                var pdf = HandoutPdf.Render(aid, language);
                var problems = PdfText.Problems(pdf);
                Assert.True(problems.Length == 0, $"{aid.Id} ({language}): {problems}");
                // Each icon array is one form in the file, however many times it is placed: no two forms alike.
                var text = System.Text.Encoding.Latin1.GetString(pdf);
                var contents = FormObject().Matches(text).Select(m => m.Groups[1].Value).ToList();
                Assert.Equal(contents.Count, contents.Distinct(StringComparer.Ordinal).Count());
                forms += contents.Count;
            }
        }
        Assert.True(forms > 20, $"only {forms} icon arrays in the whole library's handouts");
    }

    [GeneratedRegex(@"/Subtype /Form\n/BBox \[[^\]]*\]\n/Resources <<>>\n/Filter /FlateDecode\n/Length \d+>>\nstream\n(.*?)\nendstream", RegexOptions.Singleline)]
    private static partial Regex FormObject();

    [GeneratedRegex(@"/Subtype\s*/Image")]
    private static partial Regex ImageObject();
}
