using System.Text.RegularExpressions;

namespace DecisionAid.Core.Readability;

/// <summary>
/// Chinese, Japanese and Korean text has no spaces between words or sentences, so a line break in a content file
/// between two such characters must not become a space on the page or in the PDF (CSS Text 3's segment-break rule,
/// which browsers do not yet apply).
/// </summary>
public static partial class CjkLines
{
    public static string Join(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        return markdown.Contains('\n', StringComparison.Ordinal) ? BreakBetweenCjk().Replace(markdown, "") : markdown;
    }

    [GeneratedRegex(@"(?<=[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF])[ \t]*\r?\n[ \t]*(?=[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF])")]
    private static partial Regex BreakBetweenCjk();
}
