using System.Globalization;
using DecisionAid.Core.Content;
using DecisionAid.Core.Numbers;

namespace DecisionAid.Rendering.Text;

/// <summary>The interface's own words, in every supported language. Content words live in the aids' files.</summary>
public sealed record UiText
{
    public required string Language { get; init; }
    public required CultureInfo Culture { get; init; }
    public required string SkipToContent { get; init; }
    public required string InShort { get; init; }
    public required string WhatIsIt { get; init; }
    public required string HowItIsDone { get; init; }
    [Placeholders("number")]
    public required string StepNumber { get; init; }
    public required string WaysToTreat { get; init; }
    public required string WhereItIsDone { get; init; }
    public required string HowItMayHelp { get; init; }
    public required string WhatCanGoWrong { get; init; }
    public required string MainRisk { get; init; }
    public required string RisksForEveryone { get; init; }
    [Placeholders("where")]
    public required string OnlyWhenTreating { get; init; }
    [Placeholders("method")]
    public required string OnlyWithMethod { get; init; }
    [Placeholders("where", "method")]
    public required string OnlyWhenTreatingWith { get; init; }
    /// <summary>Joins alternatives: " or ".</summary>
    public required string Or { get; init; }
    /// <summary>Separates the items of a list before its last: ", " (Chinese: "、").</summary>
    public required string ListComma { get; init; }
    public required string NoNumber { get; init; }
    public required string Serious { get; init; }
    public required string YourHealth { get; init; }
    public required string YourHealthIntro { get; init; }
    public required string OptionsSideBySide { get; init; }
    public required string OptionsTable { get; init; }
    public required string Option { get; init; }
    public required string WhatItInvolves { get; init; }
    public required string HowLongReliefLasts { get; init; }
    public required string MainRisks { get; init; }
    public required string MoreAboutOptions { get; init; }
    public required string SeeTheGuide { get; init; }
    public required string QuestionsToAsk { get; init; }
    public required string CheckWhatYouKnow { get; init; }
    public required string ShowTheAnswer { get; init; }
    public required string RightAnswer { get; init; }
    public required string Sources { get; init; }
    [Placeholders("date", "reviewers")]
    public required string ReviewedOn { get; init; }
    [Placeholders("version")]
    public required string Version { get; init; }
    /// <summary>"In short" leads to the decision to be made (IPDAS Q1, Q2).</summary>
    public required string TheDecision { get; init; }
    [Placeholders("date")]
    public required string PublishedOn { get; init; }
    /// <summary>The next planned review and, joined with <see cref="Or"/>, what brings it sooner.</summary>
    [Placeholders("date", "reasons")]
    public required string NextReview { get; init; }
    public required string ReviewReasonNewEvidence { get; init; }
    public required string ReviewReasonSafetyNotice { get; init; }
    public required string ReviewReasonGuidelineChange { get; init; }
    public required string ReviewReasonReaderReport { get; init; }
    [Placeholders("authors")]
    public required string WrittenBy { get; init; }
    public required string FundingNone { get; init; }
    [Placeholders("funding")]
    public required string FundingDeclared { get; init; }
    public required string ConflictsNone { get; init; }
    [Placeholders("conflicts")]
    public required string ConflictsDeclared { get; init; }
    /// <summary>The link from an aid's sources to its standards dossier.</summary>
    public required string StandardsDossier { get; init; }
    /// <summary>The word for people that a chance counts, from the language registry.</summary>
    public string People => Languages.Get(Language).People;
    public required string DecisionAid { get; init; }
    public required string YourRisks { get; init; }
    public required string ChosenForYou { get; init; }
    public required string Where { get; init; }
    public required string Method { get; init; }
    public required string HigherForYou { get; init; }
    /// <summary>The packet's opening list: what to do, each step a link to its part of the page.</summary>
    public required string WhatToDo { get; init; }
    public required string DoRead { get; init; }
    public required string DoCheck { get; init; }
    public required string DoAsk { get; init; }
    public required string DoDecide { get; init; }
    /// <summary>A packet's parts for the nerves and methods not chosen: in the page, closed until opened.</summary>
    public required string OtherTreatments { get; init; }
    public required string OtherTreatmentsIntro { get; init; }
    public required string ShowOtherTreatments { get; init; }
    public required string KeepCopy { get; init; }
    /// <summary>Under a text field with a limit: the limit (without script), the count as one types, and the words when it is over.</summary>
    [Placeholders("max")]
    public required string TextLimit { get; init; }
    [Placeholders("count", "max")]
    public required string TextCount { get; init; }
    [Placeholders("count", "max")]
    public required string TextOver { get; init; }
    [Placeholders("count")]
    public required string ShowSources { get; init; }
    public required string OpenPacketTitle { get; init; }
    public required string OpenPacketIntro { get; init; }
    public required string BirthDate { get; init; }
    public required string OpenPacket { get; init; }
    public required string OpenPacketFailed { get; init; }
    /// <summary>The link rests after wrong dates of birth; {minutes} is how long.</summary>
    [Placeholders("minutes")]
    public required string OpenPacketResting { get; init; }
    /// <summary>The link ended (too many wrong dates, revoked or expired): only a new link helps.</summary>
    public required string OpenPacketEnded { get; init; }
    public required string SaveAnswer { get; init; }
    public required string AnswerSaved { get; init; }
    public required string NotSaved { get; init; }
    public required string RightAnswerWas { get; init; }
    public required string NotQuite { get; init; }
    public required string Correct { get; init; }
    public required string DownloadHandout { get; init; }
    public required string WhatMattersTitle { get; init; }
    public required string WhatMattersIntro { get; init; }
    public required IReadOnlyList<string> ImportanceScale { get; init; }
    public required string MyQuestionsTitle { get; init; }
    public required string MyQuestionsLabel { get; init; }
    public required string SureTitle { get; init; }
    public required IReadOnlyList<string> SureItems { get; init; }
    public required string Yes { get; init; }
    public required string No { get; init; }
    public required string SatisfactionTitle { get; init; }
    public required string SatisfactionQuestion { get; init; }
    public required IReadOnlyList<string> SatisfactionScale { get; init; }
    public required string SiteName { get; init; }
    /// <summary>The language's name in its own language, from the registry.</summary>
    public string LanguageName => Languages.Get(Language).Name;
    public required string LanguageNav { get; init; }
    public required string GuidesTitle { get; init; }
    public required string GuidesIntro { get; init; }
    public required string SearchLabel { get; init; }
    public required string SearchButton { get; init; }
    [Placeholders("search")]
    public required string NoMatches { get; init; }
    public required string ShowAll { get; init; }
    [Placeholders("languages")]
    public required string OnlyIn { get; init; }
    public required string NotInLanguage { get; init; }
    public required string ReadItIn { get; init; }
    public required string NotFoundTitle { get; init; }
    public required string NotFoundText { get; init; }
    public required string ErrorTitle { get; init; }
    public required string ErrorText { get; init; }
    public required string TooLargeTitle { get; init; }
    /// <summary>{size} and {limit} in MB.</summary>
    [Placeholders("size", "limit")]
    public required string TooLargeText { get; init; }
    public required string Listen { get; init; }
    public required string StopListening { get; init; }
    [Placeholders("site", "date")]
    public required string PrintedFrom { get; init; }

    /// <summary>"1 in 1,000 people" said in this language, from the numbers.</summary>
    public string Chance(Frequency frequency) => Languages.Get(Language).Caption(frequency);

    /// <summary>The chance as a caption under an icon array: "1 in 1,000 people."</summary>
    public string ChanceCaption(Frequency frequency, string? unit = null) =>
        Label(Languages.Get(Language).Caption(frequency, unit));

    /// <summary>
    /// A label (a name, a step title) closed with a full stop, as a run-in head. Screen readers and read-aloud
    /// then pause after it, and text taken from the page keeps its sentences apart.
    /// </summary>
    public static string Label(string text) =>
        text.Length == 0 || text[^1] is '.' or '?' or '!' or ':' or '。' or '？' or '！' or '：' ? text
        : text[^1] is >= '\u2E80' and <= '\u9FFF' or '）' or '”' ? text + "。" // Chinese ends a label with its own full stop
        : text + ".";

    public string Date(DateOnly date) => Languages.Get(Language).Date(date);

    public string Format(string template, params object[] values) => string.Format(Culture, template, values);

    public static UiText For(string language) => SiteTexts.For(language).Ui;

    /// <summary>The clinic's pages speak English.</summary>
    public static UiText English => For("en");
}
