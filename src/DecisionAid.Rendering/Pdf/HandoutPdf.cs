using DecisionAid.Core.Content;
using DecisionAid.Core.Personalising;
using DecisionAid.Rendering.Document;
using DecisionAid.Rendering.Text;
using SkiaSharp;

namespace DecisionAid.Rendering.Pdf;

/// <summary>
/// The printable handout of an aid, optionally branded and personalised: its <see cref="AidDocument"/> with the
/// knowledge check and the aftercare, drawn with fonts shipped with the app; no browser involved. Every page names
/// the practice, the aid's content version and its review date.
/// </summary>
public static class HandoutPdf
{
    public static byte[] Render(Aid aid, string language, PracticeBrand? brand = null, YourRisks? risks = null, string? patientName = null) =>
        Render(AidDocument.Build(aid, language, new DocumentRequest { Risks = risks, Brand = brand, Aftercare = true }), patientName);

    public static byte[] Render(AidDocument document, string? patientName = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        var aid = document.Aid;
        var ui = UiText.For(document.Language);
        var brand = document.Brand;
        var metadata = new SKDocumentPdfMetadata
        {
            Title = document.Title, Creator = "DecisionAid", Producer = "DecisionAid (SkiaSharp)",
            Subject = $"{aid.Id} {aid.Version} {aid.ContentHash}",
        };
        var header = DocumentPdf.Header(brand, ui);
        var reviewed = ui.Format(ui.ReviewedOn, ui.Date(aid.Reviewed), string.Join(", ", aid.Reviewers.Select(r => r.Name)));
        return PdfFlow.Write(metadata, page => (header, $"{document.Title} · {ui.Format(ui.Version, aid.Version)} · {reviewed} · {page}"), flow =>
        {
            flow.Heading(document.Title, 1);
            flow.Paragraph(patientName is null ? document.Kicker : $"{document.Kicker} {patientName}", 11, muted: true);
            flow.Rule();
            DocumentPdf.Sections(flow, aid, [.. document.Personal, .. document.Body]);
            if (document.Aftercare is { } aftercare) DocumentPdf.Sections(flow, aid, [aftercare]);
            if (brand is not null)
            {
                flow.Heading(brand.Name, 2);
                foreach (var line in new[] { brand.Phone, brand.PhoneAfterHours, brand.Address }.OfType<string>()) flow.Paragraph(line, bold: line == brand.Phone);
            }
            flow.Heading(document.Closing.Heading, 3);
            foreach (var block in document.Closing.Blocks) DocumentPdf.Block(flow, aid, block);
        });
    }
}
