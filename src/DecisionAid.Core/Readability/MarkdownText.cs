using System.Text;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace DecisionAid.Core.Readability;

/// <summary>The plain words of a light-Markdown text, one block per paragraph, list item or heading.</summary>
public static class MarkdownText
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().Build();

    public static IReadOnlyList<string> Blocks(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var document = Markdown.Parse(markdown, Pipeline);
        var blocks = new List<string>();
        foreach (var leaf in document.Descendants<LeafBlock>())
        {
            if (leaf.Inline is null) continue;
            var plain = PlainInline(leaf.Inline);
            if (plain.Length > 0) blocks.Add(plain);
        }
        return blocks;
    }

    /// <summary>All blocks joined, for word searches.</summary>
    public static string Plain(string markdown) => string.Join(" ", Blocks(markdown));

    /// <summary>The words of one paragraph's inlines, formatting dropped.</summary>
    public static string PlainInline(ContainerInline inline)
    {
        ArgumentNullException.ThrowIfNull(inline);
        var text = new StringBuilder();
        Append(inline, text);
        return text.ToString().Trim();
    }

    private static void Append(ContainerInline container, StringBuilder text)
    {
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline literal: text.Append(literal.Content.ToString()); break;
                case CodeInline code: text.Append(code.Content); break;
                case LineBreakInline: text.Append(' '); break;
                case HtmlEntityInline entity: text.Append(entity.Transcoded.ToString()); break;
                case ContainerInline child: Append(child, text); break;
            }
        }
    }
}
