using DecisionAid.Core.Content;
using DecisionAid.Rendering.Document;
using DecisionAid.Rendering.IconArrays;

namespace DecisionAid.Rendering.Pdf;

/// <summary>
/// How each block of an <see cref="AidDocument"/> looks on paper. It decides nothing about what is shown: every
/// section and block the page shows is drawn here, in the same order.
/// </summary>
internal static class DocumentPdf
{
    /// <summary>The running header of a patient's printout: the practice and its number, or the site's name.</summary>
    public static string Header(PracticeBrand? brand, Text.UiText ui) =>
        brand is null ? ui.SiteName : brand.Phone is null ? brand.Name : $"{brand.Name} · {brand.Phone}";

    public static void Sections(PdfFlow flow, Aid? aid, IEnumerable<Section> sections)
    {
        foreach (var section in sections)
        {
            flow.Heading(section.Heading, 2);
            foreach (var block in section.Blocks) Block(flow, aid, block);
        }
    }

    public static void Block(PdfFlow flow, Aid? aid, Block block, float size = 11f)
    {
        switch (block)
        {
            case Prose prose: Markdown(flow, prose.Markdown, size); break;
            case Paragraph paragraph: flow.Paragraph(paragraph.Text, size); break;
            case Subheading subheading: flow.Heading(subheading.Text, 3); break;
            // Paper has nothing to open: what a page keeps closed is printed in its place.
            case Disclosure disclosure:
                foreach (var inner in disclosure.Blocks) Block(flow, aid, inner, size);
                break;
            case Callout callout:
                flow.Heading(callout.Heading, 3);
                Markdown(flow, callout.Markdown, size);
                break;
            case StepList steps:
                foreach (var step in steps.Steps)
                {
                    ArgumentNullException.ThrowIfNull(aid);
                    flow.EnsureSpace(flow.SvgHeight(aid.Pictures[step.Picture], 200, shared: true) + 50);
                    flow.Heading($"{step.NumberLabel}: {PdfMarkdown.Inline(step.Title)}", 3);
                    flow.Svg(aid.Pictures[step.Picture], 200, shared: true);
                    Markdown(flow, step.Markdown, size);
                }
                break;
            case TermList terms:
                foreach (var term in terms.Terms)
                {
                    flow.EnsureSpace(50);
                    flow.Paragraph(term.Name, size, bold: true);
                    foreach (var definition in term.Definitions) Markdown(flow, definition, size, indent: 12);
                }
                break;
            case ChanceList chances:
                foreach (var item in chances.Items) Chance(flow, item, size);
                break;
            case OptionsTable table:
                flow.Paragraph(table.Caption, size - 1, muted: true);
                flow.Table(table.Columns, [.. table.Rows.Select(r => (IReadOnlyList<string>)[r.Name, .. r.Cells.Select(PdfMarkdown.Inline)])], [0.19f, 0.27f, 0.27f, 0.27f]);
                break;
            case BulletList list:
                foreach (var item in list.Items) flow.Bullet(list.Plain ? item : PdfMarkdown.Inline(item), size);
                break;
            case LabelledList labelled:
                foreach (var (label, value) in labelled.Items) flow.Paragraph($"{label} {value}", size, bold: true);
                break;
            case KnowledgeList knowledge:
                for (var i = 0; i < knowledge.Questions.Count; i++)
                {
                    var question = knowledge.Questions[i];
                    flow.EnsureSpace(90);
                    flow.Bullet(PdfMarkdown.Inline(question.Question), size, $"{i + 1}.");
                    foreach (var choice in question.Choices) flow.Bullet(PdfMarkdown.Inline(choice), size - 1, "○", indent: 16);
                    flow.Paragraph($"{knowledge.RightAnswer} {PdfMarkdown.Inline(question.Answer)}", size - 1, bold: true, indent: 16);
                    Markdown(flow, question.Explanation, size - 1, indent: 16);
                }
                break;
            case AftercareList aftercare:
                foreach (var entry in aftercare.Items)
                {
                    var blocks = entry.IsClinicRule ? [new PdfMarkdown.PrintedBlock(entry.Text, null, 0)] : PdfMarkdown.Blocks(entry.Text).ToList();
                    for (var i = 0; i < blocks.Count; i++)
                    {
                        // What an item is for closes it, in brackets, so the aftercare still fits one page.
                        var text = i == blocks.Count - 1 && entry.Tag is { } tag ? $"{blocks[i].Text} ({tag})" : blocks[i].Text;
                        if (i == 0) flow.Bullet(text, size);
                        else flow.Bullet(text, size, blocks[i].Marker ?? "–", indent: 16);
                    }
                }
                break;
            case SourceList sources:
                foreach (var source in sources.Sources)
                    flow.Paragraph(source.Url is null ? source.Citation : $"{source.Citation} {source.Url.AbsoluteUri}", 8.5f, muted: true, link: source.Url?.AbsoluteUri);
                flow.Paragraph(sources.Reviewed, 9f, muted: true);
                foreach (var line in sources.About) flow.Paragraph(line, 9f, muted: true);
                break;
            default:
                throw new NotSupportedException($"no printed form for {block.GetType().Name}");
        }
    }

    /// <summary>A benefit or risk: its name and tags, the icon array with its caption kept with it, the text and notes.</summary>
    private static void Chance(PdfFlow flow, ChanceItem item, float size)
    {
        var picture = item.Frequency is { } f ? IconArrayForm.For(f, item.Tone) : null;
        // Small enough that three chances and their words share a page; a ring marks a few people at any size.
        var pictureWidth = item.Frequency?.Denominator >= 1000 ? 170 : 80;
        flow.EnsureSpace(flow.FormHeight(picture, pictureWidth) + 60);
        if (item.Name is not null)
            flow.Heading(string.Join(" ", [Text.UiText.Label(item.Name), .. item.Tags.Select(t => t.Text)]), 3);
        if (picture is not null)
        {
            flow.Form(picture, pictureWidth);
            flow.Paragraph(item.Caption!, size - 0.5f, bold: true);
        }
        Markdown(flow, item.Markdown, size);
        if (item.NoNumber is not null) flow.Paragraph(item.NoNumber, size - 1, muted: true);
        foreach (var note in item.Notes) flow.Paragraph(note.Label.Length == 0 ? PdfMarkdown.Inline(note.Markdown) : $"{note.Label} {PdfMarkdown.Inline(note.Markdown)}", size - 0.5f, indent: 10);
    }

    public static void Markdown(PdfFlow flow, string markdown, float size, float indent = 0)
    {
        foreach (var block in PdfMarkdown.Blocks(markdown))
        {
            if (block.Marker is null) flow.Paragraph(block.Text, size, indent: indent);
            else flow.Bullet(block.Text, size, block.Marker, indent + ((block.Depth - 1) * 16));
        }
    }
}
