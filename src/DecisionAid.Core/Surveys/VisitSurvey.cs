namespace DecisionAid.Core.Surveys;

/// <summary>How an item is answered: how well the patient understands, how much they agree, how satisfied they are (each 1 to 5).</summary>
public enum SurveyScale
{
    Understanding,
    Agreement,
    Satisfaction,
}

/// <summary>
/// One item of the post-visit survey, with the published trial's mean score with and without a decision aid when the
/// trial reported one (null when it did not, or when its value is not confirmed).
/// </summary>
public sealed record SurveyItem(string Id, SurveyScale Scale, double? TrialWithAid, double? TrialWithoutAid, string? TrialP);

/// <summary>
/// The post-visit survey of the published trials of these aids, on their 5-point scales: understanding of what the
/// procedure involves, its benefits, its risks and the alternatives, and satisfaction with the conversation.
/// Reference values: Srinivas et al. 2023 (../shared/facts/trials.md): 105 patients, 53 with a decision aid.
/// </summary>
public static class VisitSurvey
{
    public const string Skipped = "skipped";
    /// <summary>The survey's version: its items and scales as they stand (change it when they change).</summary>
    public const string Version = "1.0";
    public const string TrialCitation =
        "Srinivas S, Newton IG, Waradzyn M, Kothary N, Keller EJ. Patient decision aids before informed consent conversations for image-guided procedures: controlled trials at two institutions. AJR Am J Roentgenol. 2023;220(2):272-281. doi:10.2214/AJR.22.28165";
    public const int TrialWithAidCount = 53, TrialWithoutAidCount = 52;

    public static readonly IReadOnlyList<SurveyItem> Items =
    [
        new("procedure", SurveyScale.Understanding, 4.4, 4.1, ".02"),
        new("benefits", SurveyScale.Understanding, 4.5, 4.0, "<.001"),
        new("risks", SurveyScale.Understanding, 4.4, 3.6, "<.001"),
        new("alternatives", SurveyScale.Understanding, 4.0, 3.3, "<.001"),
        new("time", SurveyScale.Agreement, 4.7, 4.5, ".03"),
        // The trial asked these too, but their values are not confirmed: no reference number is shown.
        new("listened", SurveyScale.Agreement, null, null, null),
        new("questions-answered", SurveyScale.Agreement, null, null, null),
        new("overall", SurveyScale.Satisfaction, null, null, null),
    ];

    /// <summary>A mean's interval kept to the scale's own range (a t interval near 5 can pass it).</summary>
    public static (double Low, double High)? OnScale((double Low, double High)? interval) =>
        interval is var (low, high) ? (Math.Max(1, low), Math.Min(5, high)) : null;

    public static SurveyItem? Find(string id) => Items.FirstOrDefault(i => i.Id == id);

    /// <summary>A stored answer is a rating "1" to "5" or <see cref="Skipped"/>.</summary>
    public static bool IsAnswer(string value) => value is "1" or "2" or "3" or "4" or "5" or Skipped;
}
