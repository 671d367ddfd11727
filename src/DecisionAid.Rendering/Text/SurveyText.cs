using DecisionAid.Core.Surveys;

namespace DecisionAid.Rendering.Text;

/// <summary>The post-visit survey's words, per language: one question per item and the labels of its 5-point scale.</summary>
public sealed record SurveyText
{
    public required string Title { get; init; }
    public required string Intro { get; init; }
    public required string Start { get; init; }
    /// <summary>{0}: this question's number; {1}: how many there are.</summary>
    [Placeholders("number", "count")]
    public required string Progress { get; init; }
    public required string Next { get; init; }
    public required string Skip { get; init; }
    public required string Back { get; init; }
    public required string ThankYou { get; init; }
    public required string ThankYouText { get; init; }
    public required string CloseThePage { get; init; }
    public required string Change { get; init; }
    public required string SkippedAnswer { get; init; }
    public required string LinkNotWorking { get; init; }
    public required string ChooseOne { get; init; }
    public required IReadOnlyDictionary<string, string> Questions { get; init; }
    public required IReadOnlyDictionary<SurveyScale, IReadOnlyList<string>> Scales { get; init; }

    public static SurveyText For(string language) => SiteTexts.For(language).Survey;

    /// <summary>The clinic's pages speak English.</summary>
    public static SurveyText English => For("en");

    public string Label(SurveyItem item, string value)
    {
        ArgumentNullException.ThrowIfNull(item);
        return value == VisitSurvey.Skipped ? SkippedAnswer : Scales[item.Scale][int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) - 1];
    }
}
