using DecisionAid.Core.Content;
using DecisionAid.Rendering.Text;

namespace DecisionAid.Rendering.Document;

/// <summary>
/// The lines under the sources that tell a reader who wrote the guide, who paid for it, and when it is checked again
/// (the standards' disclosure and update-policy items), in the reader's language.
/// </summary>
internal static class AboutTheGuide
{
    public static IReadOnlyList<string> Lines(Aid aid, UiText ui)
    {
        var about = aid.Declarations;
        var lines = new List<string>();
        if (about.PublishedDate is { } published) lines.Add(ui.Format(ui.PublishedOn, ui.Date(published)));
        if (about.NextReviewDate is { } next)
        {
            List<string> reasons = [.. about.ReviewSoonerWhen.Select(r => Reason(r.Value, ui)).OfType<string>()];
            lines.Add(ui.Format(ui.NextReview, ui.Date(next), List(reasons, ui)));
        }
        if (about.Authors.Count > 0)
            lines.Add(ui.Format(ui.WrittenBy, string.Join(", ", about.Authors.Select(a => a.Name))));
        if (about.Funding is { } funding)
            lines.Add(IsNone(funding) ? ui.FundingNone : ui.Format(ui.FundingDeclared, funding.Value));
        if (about.ConflictsOfInterest is { } conflicts)
            lines.Add(IsNone(conflicts) ? ui.ConflictsNone : ui.Format(ui.ConflictsDeclared, conflicts.Value));
        return lines;
    }

    /// <summary>"a, b or c" in the reader's language.</summary>
    private static string List(List<string> items, UiText ui) =>
        items.Count <= 1 ? string.Join("", items) : string.Join(ui.ListComma, items.Take(items.Count - 1)) + ui.Or + items[^1];

    private static bool IsNone(LocatedText text) =>
        string.Equals(text.Value.Trim(), AidDeclarations.NoneDeclared, StringComparison.OrdinalIgnoreCase);

    /// <summary>The checker refuses a trigger without words, so an unknown one is left out rather than shown raw.</summary>
    private static string? Reason(string trigger, UiText ui) => trigger switch
    {
        "new-evidence" => ui.ReviewReasonNewEvidence,
        "safety-notice" => ui.ReviewReasonSafetyNotice,
        "guideline-change" => ui.ReviewReasonGuidelineChange,
        "reader-report" => ui.ReviewReasonReaderReport,
        _ => null,
    };
}
