using Ganss.Xss;
using Markdig;
using Microsoft.AspNetCore.Components;

namespace DecisionAid.Rendering.Text;

/// <summary>
/// Light Markdown from content files to safe HTML: raw HTML in content is escaped by Markdig and the result is
/// sanitised again (only text formatting, lists and http(s) links survive), so a content file can never inject script.
/// </summary>
public static class RichText
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();
    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    /// <summary>Block text: paragraphs and lists.</summary>
    public static MarkupString Block(string markdown) => new(Sanitizer.Sanitize(Markdown.ToHtml(Core.Readability.CjkLines.Join(markdown), Pipeline)).Trim());

    /// <summary>A short text inside a heading, label or table cell: one paragraph, unwrapped.</summary>
    public static MarkupString Inline(string markdown)
    {
        var html = Sanitizer.Sanitize(Markdown.ToHtml(Core.Readability.CjkLines.Join(markdown), Pipeline)).Trim();
        if (html.StartsWith("<p>", StringComparison.Ordinal) && html.EndsWith("</p>", StringComparison.Ordinal) && html.IndexOf("<p>", 3, StringComparison.Ordinal) < 0)
            html = html[3..^4];
        return new MarkupString(html);
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(["p", "em", "strong", "ul", "ol", "li", "a", "br", "code"], StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(["href"], StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(["http", "https"], StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href"], StringComparer.OrdinalIgnoreCase),
        });
        return sanitizer;
    }
}
