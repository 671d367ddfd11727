using System.Text;
using DecisionAid.Core.Content;
using DecisionAid.Core.Numbers;
using DecisionAid.Core.Personalising;
using DecisionAid.Rendering.Text;

namespace DecisionAid.Rendering.Consent;

/// <summary>
/// What a patient agrees to, made from the aid and their packet: the procedure, the nerve and method chosen, every
/// risk shown to them ("Your risks", with their chances and what is higher for them) and the other choices.
/// The page, the PDF and the sealed record all use <see cref="ToText"/>, so they say the same words.
/// </summary>
public sealed record ConsentStatement(
    string Language, string Procedure, string? Nerve, string? Method, IReadOnlyList<string> Risks, IReadOnlyList<string> Alternatives)
{
    public static ConsentStatement For(Aid aid, string language, YourRisks risks)
    {
        ArgumentNullException.ThrowIfNull(aid);
        ArgumentNullException.ThrowIfNull(risks);
        var text = aid.Texts[language];
        var words = ConsentText.For(language);
        var ui = UiText.For(language);
        var shown = risks.Risks.Select(r =>
        {
            var name = text.Risks[r.Risk.Id];
            var chance = r.Risk.Frequency is { } f
                ? $"{FrequencyPhrase.Format(f, language)} {name.Unit?.Value ?? ui.People}"
                : words.NoNumber;
            return r.HigherForYou ? $"{name.Name.Value}: {chance} ({words.HigherForMe})" : $"{name.Name.Value}: {chance}";
        }).ToList();
        return new ConsentStatement(
            language,
            text.Title.Value,
            risks.Choices.Target is { } t ? text.Targets[t].Name.Value : null,
            risks.Choices.Method is { } m ? text.Methods[m].Name.Value : null,
            shown,
            [.. aid.Alternatives.Select(a => text.Alternatives[a.Id].Name.Value)]);
    }

    private ConsentText Words => ConsentText.For(Language);

    /// <summary>The sentences before the lists.</summary>
    public IEnumerable<string> Opening()
    {
        yield return string.Format(System.Globalization.CultureInfo.InvariantCulture, Words.IWantProcedure, Procedure);
        if (Nerve is not null) yield return string.Format(System.Globalization.CultureInfo.InvariantCulture, Words.NerveIs, Nerve);
        if (Method is not null) yield return string.Format(System.Globalization.CultureInfo.InvariantCulture, Words.MethodIs, Method);
        yield return Words.IReadIt;
    }

    /// <summary>The statement as plain text, one line per sentence or list item: what the record seals.</summary>
    public string ToText()
    {
        var text = new StringBuilder();
        text.Append(Words.WhatYouAgreeTo).Append('\n');
        foreach (var line in Opening()) text.Append(line).Append('\n');
        text.Append(Words.RisksIWasShown).Append('\n');
        foreach (var risk in Risks) text.Append("- ").Append(risk).Append('\n');
        text.Append(Words.OtherChoicesIWasShown).Append('\n');
        foreach (var choice in Alternatives) text.Append("- ").Append(choice).Append('\n');
        text.Append(Words.ICanAsk);
        return text.ToString();
    }

    /// <summary>
    /// A statement as stored in a sealed record (<see cref="ToText"/>'s form: the heading, then one line per
    /// sentence, "- " for list items) as a document section, so the page and the PDF show a stored statement alike.
    /// </summary>
    public static Document.Section Section(string stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var lines = stored.Split('\n');
        var blocks = new List<Document.Block>();
        var items = new List<string>();
        foreach (var line in lines.Skip(1))
        {
            if (line.StartsWith("- ", StringComparison.Ordinal))
            {
                items.Add(line[2..]);
                continue;
            }
            if (items.Count > 0) blocks.Add(new Document.BulletList([.. items], null, Plain: true));
            items.Clear();
            blocks.Add(new Document.Paragraph(line));
        }
        if (items.Count > 0) blocks.Add(new Document.BulletList([.. items], null, Plain: true));
        return new Document.Section(null, null, lines[0], blocks, "statement");
    }
}
