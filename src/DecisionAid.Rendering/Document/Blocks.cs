using DecisionAid.Core.Content;
using DecisionAid.Rendering.IconArrays;

namespace DecisionAid.Rendering.Document;

/// <summary>
/// One part of an aid document. Each says only <em>what</em> is shown; the page (Razor) and the PDF decide how.
/// Texts marked Markdown hold the content files' light Markdown; every other string is plain text.
/// </summary>
public abstract record Block;

/// <summary>Paragraphs and lists from a content file.</summary>
public sealed record Prose(string Markdown) : Block;

/// <summary>A plain paragraph of the interface's own words.</summary>
public sealed record Paragraph(string Text, string? Css = null) : Block;

/// <summary>A heading inside a section: level 3, or 4 under another subheading.</summary>
public sealed record Subheading(string Text, string? Css = null, int Level = 3) : Block;

/// <summary>
/// Blocks a page keeps closed until opened (a packet's other treatments): still in the page, read aloud and printed;
/// <paramref name="Summary"/> is the words that open it.
/// </summary>
public sealed record Disclosure(string Summary, IReadOnlyList<Block> Blocks) : Block;

/// <summary>A boxed part with its own heading (the main risk).</summary>
public sealed record Callout(string Css, string Heading, string Markdown) : Block;

/// <summary>The numbered steps, each with its picture (a key of <see cref="Aid.Pictures"/>).</summary>
public sealed record StepList(IReadOnlyList<StepItem> Steps) : Block;

public sealed record StepItem(string NumberLabel, string Title, string Picture, string Alt, string Markdown);

/// <summary>Names and what they mean (ways to treat, nerves, health factors, the options in detail).</summary>
public sealed record TermList(IReadOnlyList<Term> Terms) : Block;

/// <param name="Definitions">Markdown; inline (one sentence) unless <paramref name="Blocks"/>.</param>
/// <param name="LinkedAid">Another aid this term links to, with the words of the link.</param>
public sealed record Term(string Name, IReadOnlyList<string> Definitions, bool Blocks = false, AidLink? LinkedAid = null);

public sealed record AidLink(string AidId, string Words);

/// <summary>Benefits or risks, each with its chance (an icon array) or the words that no number is known.</summary>
/// <param name="HeadingLevel">3 directly under a section heading, 4 under a group's heading, 5 under a group inside a subheading.</param>
public sealed record ChanceList(IReadOnlyList<ChanceItem> Items, int HeadingLevel) : Block;

/// <param name="Name">The risk's name (null for a benefit, which has none).</param>
/// <param name="Caption">"1 in 1,000 people." under the icon array; null without a number.</param>
/// <param name="NoNumber">"No reliable number is known." where a risk has no number; null otherwise.</param>
public sealed record ChanceItem(
    string IdPrefix, Frequency? Frequency, IconTone Tone, string? Caption, string? Name, IReadOnlyList<Tag> Tags,
    string Markdown, string? NoNumber, IReadOnlyList<Note> Notes);

/// <summary>A short mark beside a name ("Serious.", "Higher for you").</summary>
public sealed record Tag(string Text, string Css);

/// <summary>A run-in label and its Markdown: "More likely when: ...", "Blood thinners. ...".</summary>
public sealed record Note(string Label, string Markdown);

/// <summary>Options side by side: the procedure first, then each alternative.</summary>
public sealed record OptionsTable(string Caption, IReadOnlyList<string> Columns, IReadOnlyList<OptionRow> Rows) : Block;

/// <param name="Cells">Markdown, one per column after the first.</param>
public sealed record OptionRow(string Name, IReadOnlyList<string> Cells, bool ThisOption);

/// <summary>A bulleted list of short Markdown texts (questions to ask), or of plain words (a stored consent statement).</summary>
public sealed record BulletList(IReadOnlyList<string> Items, string? Css, bool Plain = false) : Block;

/// <summary>A list of "label value" pairs (the nerve and method chosen for a patient).</summary>
public sealed record LabelledList(IReadOnlyList<(string Label, string Value)> Items, string Css) : Block;

/// <summary>The knowledge check: each question, its choices, the right answer and why.</summary>
public sealed record KnowledgeList(IReadOnlyList<KnowledgeItem> Questions, string ShowTheAnswer, string RightAnswer) : Block;

public sealed record KnowledgeItem(string Question, IReadOnlyList<string> Choices, string Answer, string Explanation);

/// <summary>One kind of aftercare item (what to expect, to do, when to call, emergency).</summary>
public sealed record AftercareList(string Css, IReadOnlyList<AftercareEntry> Items) : Block;

/// <param name="Text">The item's Markdown, or for the practice's own rule its plain words.</param>
/// <param name="Tag">What the item is for ("Only for: ...") or that it is the clinic's own rule.</param>
public sealed record AftercareEntry(string Text, string? Tag, bool IsClinicRule = false);

/// <summary>The sources cited and when the aid was reviewed, closing the aid.</summary>
/// <param name="ShowSources">Where a page keeps the list closed (a packet), the words that open it; the review date stays in view.</param>
/// <param name="About">Who wrote the aid, who paid, and when it is checked again (the standards' disclosure items); always in view.</param>
/// <param name="DossierLink">The words of the link to the aid version's standards dossier, where the rendering has its address.</param>
public sealed record SourceList(IReadOnlyList<Source> Sources, string Reviewed, string? ShowSources = null) : Block
{
    public IReadOnlyList<string> About { get; init; } = [];
    public string? DossierLink { get; init; }
}
