using DecisionAid.Core.Content;
using DecisionAid.Core.Personalising;
using DecisionAid.Rendering.Text;

namespace DecisionAid.Rendering.Document;

/// <summary>One section: its anchor (none where a page may show it twice), its level-2 heading and its blocks in reading order.</summary>
public sealed record Section(string? Id, string? HeadingId, string Heading, IReadOnlyList<Block> Blocks, string? Css = null);

/// <summary>
/// What a patient is shown of one aid in one language, in order, decided once: the page, the static file, the
/// packet page, the handout PDF and the aftercare PDF are renderings of it, so paper never says less than the screen.
/// </summary>
/// <param name="Personal">A packet's opening: the summary, then "Your risks"; empty for the public aid.</param>
/// <param name="Body">The aid itself, from "In short" to the knowledge check.</param>
/// <param name="Closing">The sources and the review date.</param>
/// <param name="Aftercare">The aftercare part, when asked for and the aid has one.</param>
public sealed record AidDocument(
    Aid Aid, string Language, string Title, string Kicker, IReadOnlyList<Section> Personal, IReadOnlyList<Section> Body,
    Section Closing, Section? Aftercare, PracticeBrand? Brand)
{
    /// <summary>Every section in reading order.</summary>
    public IEnumerable<Section> Sections => [.. Personal, .. Body, .. Aftercare is null ? [] : new[] { Aftercare }, Closing];

    public static AidDocument Build(Aid aid, string language, DocumentRequest? request = null)
    {
        ArgumentNullException.ThrowIfNull(aid);
        if (!aid.Texts.TryGetValue(language, out var text))
            throw new ArgumentException($"the aid '{aid.Id}' has no text in '{language}'", nameof(language));
        request ??= new DocumentRequest();
        var ui = UiText.For(language);
        var body = new ArticleSections(aid, text, ui, request.Risks?.Choices);
        return new AidDocument(
            aid, language, text.Title.Value, ui.DecisionAid,
            request.Risks is { } risks ? [body.Summary(), PersonalSections.YourRisks(text, ui, risks, body.RisksIntro())] : [],
            body.All(request.KnowledgeCheck),
            body.Closing(),
            request.Aftercare ? PersonalSections.Aftercare(aid, text, request.Risks?.Choices, request.Brand) : null,
            request.Brand);
    }

    /// <summary>The aftercare part alone (its page and its one-page PDF).</summary>
    public static Section? AftercareOf(Aid aid, string language, PacketChoices? choices, PracticeBrand? brand)
    {
        ArgumentNullException.ThrowIfNull(aid);
        return PersonalSections.Aftercare(aid, aid.Texts[language], choices, brand);
    }

}

/// <summary>What one rendering asks of the document.</summary>
public sealed record DocumentRequest
{
    /// <summary>A packet's personalisation: "Your risks" first, and its own aftercare items.</summary>
    public YourRisks? Risks { get; init; }
    /// <summary>False where the page asks the questions itself (the patient's packet).</summary>
    public bool KnowledgeCheck { get; init; } = true;
    public bool Aftercare { get; init; }
    public PracticeBrand? Brand { get; init; }
}

/// <summary>
/// A practice as patients see it on any output: its name, numbers and address, and its own bathing rule in the
/// document's language (sources differ, so each practice says what its patients should do).
/// </summary>
public sealed record PracticeBrand(string Name, string? Phone, string? PhoneAfterHours, string? Address, string? Bathing = null);
