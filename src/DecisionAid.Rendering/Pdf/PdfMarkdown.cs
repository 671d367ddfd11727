using System.Globalization;
using Markdig;
using Markdig.Syntax;
using DecisionAid.Core.Readability;

namespace DecisionAid.Rendering.Pdf;

/// <summary>A content file's light Markdown as printed blocks: paragraphs, and list items with their bullet or number.</summary>
internal static class PdfMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    /// <param name="Marker">"•" or "2." for a list item; null for a paragraph.</param>
    /// <param name="Depth">How deep in nested lists (0 for a paragraph).</param>
    public sealed record PrintedBlock(string Text, string? Marker, int Depth);

    public static IReadOnlyList<PrintedBlock> Blocks(string markdown)
    {
        var blocks = new List<PrintedBlock>();
        Walk(Markdown.Parse(Core.Readability.CjkLines.Join(markdown), Pipeline), blocks, null, 0);
        return blocks;
    }

    /// <summary>The plain words of one short Markdown text (a table cell, a label).</summary>
    public static string Inline(string markdown) => string.Join(" ", Blocks(markdown).Select(b => b.Text));

    private static void Walk(ContainerBlock container, List<PrintedBlock> blocks, string? marker, int depth)
    {
        foreach (var block in container)
        {
            switch (block)
            {
                case ListBlock list:
                    var number = list.IsOrdered && int.TryParse(list.OrderedStart, NumberStyles.Integer, CultureInfo.InvariantCulture, out var start) ? start : 1;
                    foreach (var item in list.OfType<ListItemBlock>())
                    {
                        Walk(item, blocks, list.IsOrdered ? string.Create(CultureInfo.InvariantCulture, $"{number}.") : "•", depth + 1);
                        number++;
                    }
                    break;
                case ContainerBlock child:
                    Walk(child, blocks, marker, depth);
                    break;
                case LeafBlock { Inline: { } inline }:
                    if (MarkdownText.PlainInline(inline) is { Length: > 0 } plain)
                    {
                        blocks.Add(new PrintedBlock(plain, marker, depth));
                        marker = null; // a second paragraph of one item continues it without a new bullet
                    }
                    break;
            }
        }
    }
}
