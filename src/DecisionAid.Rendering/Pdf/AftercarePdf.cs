using DecisionAid.Core.Content;
using DecisionAid.Core.Personalising;
using DecisionAid.Rendering.Document;
using DecisionAid.Rendering.Text;
using SkiaSharp;

namespace DecisionAid.Rendering.Pdf;

/// <summary>
/// The aftercare handout: one printed page to keep by the phone. The same aftercare section as the page (a packet's
/// own items, or every item marked with what it is for), the practice's numbers in "Call the clinic", and the emergency signs.
/// </summary>
public static class AftercarePdf
{
    public static byte[] Render(Aid aid, string language, PracticeBrand? brand = null, PacketChoices? choices = null)
    {
        ArgumentNullException.ThrowIfNull(aid);
        var text = aid.Texts[language];
        var section = AidDocument.AftercareOf(aid, language, choices, brand) ?? throw new ArgumentException($"the aid '{aid.Id}' has no aftercare", nameof(aid));
        var ui = UiText.For(language);
        var metadata = new SKDocumentPdfMetadata
        {
            Title = $"{text.Title.Value}: {section.Heading}", Creator = "DecisionAid", Producer = "DecisionAid (SkiaSharp)",
            Subject = $"{aid.Id} {aid.Version} {aid.ContentHash} aftercare",
        };
        var header = DocumentPdf.Header(brand, ui);
        // One page to keep by the phone, emergency signs included: a long list is set a little smaller rather than
        // spill onto a second page (down to 8 points; below that it would be too small to read, and spills).
        (byte[] Pdf, int Pages) result = default;
        foreach (var size in new[] { 9.5f, 9f, 8.5f, 8f })
        {
            result = PdfFlow.WriteCounted(metadata, page => (header, $"{text.Title.Value} · {ui.Format(ui.Version, aid.Version)} · {page}"), flow =>
            {
                flow.Heading($"{text.Title.Value}: {section.Heading}", 2);
                foreach (var block in section.Blocks)
                {
                    if (block is Paragraph intro) flow.Paragraph(intro.Text, size + 0.5f, muted: true);
                    else DocumentPdf.Block(flow, aid, block, size);
                }
            });
            if (result.Pages <= 1) break;
        }
        return result.Pdf!;
    }
}
