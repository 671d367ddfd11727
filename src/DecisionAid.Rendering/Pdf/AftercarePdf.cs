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
        return PdfFlow.Write(metadata, page => (header, $"{text.Title.Value} · {ui.Format(ui.Version, aid.Version)} · {page}"), flow =>
        {
            flow.Heading($"{text.Title.Value}: {section.Heading}", 2);
            foreach (var block in section.Blocks)
            {
                if (block is Paragraph intro) flow.Paragraph(intro.Text, 10, muted: true);
                else DocumentPdf.Block(flow, aid, block, 9.5f);
            }
        });
    }
}
