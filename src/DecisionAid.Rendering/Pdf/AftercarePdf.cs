using DecisionAid.Core.Content;
using DecisionAid.Core.Personalising;
using DecisionAid.Core.Readability;
using DecisionAid.Rendering.Text;
using SkiaSharp;

namespace DecisionAid.Rendering.Pdf;

/// <summary>
/// The aftercare handout: one printed page to keep by the phone. The same items as the page (a packet's own, or
/// every item marked with what it is for), the practice's numbers in "Call the clinic", and the emergency signs.
/// </summary>
public static class AftercarePdf
{
    public static byte[] Render(Aid aid, string language, HandoutBrand? brand = null, PacketChoices? choices = null)
    {
        ArgumentNullException.ThrowIfNull(aid);
        var text = aid.Texts[language];
        var words = AftercareText.For(language);
        var ui = UiText.For(language);
        using var output = new MemoryStream();
        var metadata = new SKDocumentPdfMetadata
        {
            Title = $"{text.Title.Value}: {words.Title}", Creator = "DecisionAid", Producer = "DecisionAid (SkiaSharp)",
            Subject = $"{aid.Id} {aid.Version} {aid.ContentHash} aftercare",
        };
        var header = brand is null ? ui.SiteName : brand.Phone is null ? brand.Name : $"{brand.Name} · {brand.Phone}";
        using (var flow = new PdfFlow(output, metadata, page => (header, $"{text.Title.Value} · {ui.Format(ui.Version, aid.Version)} · {page}")))
        {
            flow.Heading($"{text.Title.Value}: {words.Title}", 2);
            flow.Paragraph(words.Intro, 10, muted: true);
            var items = YourAftercare.For(aid, choices);
            foreach (var (kind, heading) in new[]
            {
                (AftercareKind.Expect, words.Expect), (AftercareKind.Do, words.Do),
                (AftercareKind.Call, words.CallHeading(brand?.Phone, brand?.PhoneAfterHours)), (AftercareKind.Emergency, words.Emergency),
            })
            {
                var group = items.Where(i => i.Kind == kind).ToList();
                if (group.Count == 0) continue;
                flow.Heading(heading, 3);
                foreach (var item in group)
                {
                    var blocks = MarkdownText.Blocks(text.Aftercare[item.Id].Value).ToList();
                    if (choices is null && AftercareText.OnlyFor(item, text) is { } onlyFor) blocks[^1] += $" ({onlyFor.TrimEnd('.')})";
                    flow.Bullet(blocks[0], 9.5f);
                    foreach (var more in blocks.Skip(1)) flow.Paragraph("– " + more, 9.5f, indent: 28); // a list inside the item
                }
                if (kind == AftercareKind.Do)
                    flow.Bullet(brand?.Bathing is { Length: > 0 } rule ? $"{words.Bathing(rule)} ({words.ClinicRule.TrimEnd('.')})" : words.Bathing(null), 9.5f);
            }
        }
        return output.ToArray();
    }
}
