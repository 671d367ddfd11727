using DecisionAid.Core.Content;
using DecisionAid.Core.Personalising;
using DecisionAid.Core.Readability;
using DecisionAid.Rendering.IconArrays;
using DecisionAid.Rendering.Text;
using SkiaSharp;

namespace DecisionAid.Rendering.Pdf;

/// <summary>The practice whose handout this is: shown at the top of every page and under "Call us".</summary>
/// <summary>The practice on a printed page; <paramref name="Bathing"/> is its own bathing rule in the page's language (aftercare only).</summary>
public sealed record HandoutBrand(string Name, string? Phone, string? PhoneAfterHours, string? Address, string? Bathing = null);

/// <summary>
/// The printable handout of an aid, optionally branded and personalised ("Your risks"): the same content and
/// the same icon arrays as the page, drawn as a PDF with fonts shipped with the app; no browser involved.
/// Every page names the practice, the aid's content version and its review date.
/// </summary>
public static class HandoutPdf
{
    public static byte[] Render(Aid aid, string language, HandoutBrand? brand = null, YourRisks? risks = null, string? patientName = null)
    {
        ArgumentNullException.ThrowIfNull(aid);
        var text = aid.Texts[language];
        var ui = UiText.For(language);
        using var output = new MemoryStream();
        var metadata = new SKDocumentPdfMetadata
        {
            Title = text.Title.Value, Creator = "DecisionAid", Producer = "DecisionAid (SkiaSharp)",
            Subject = $"{aid.Id} {aid.Version} {aid.ContentHash}",
        };
        var header = brand is null ? ui.SiteName : brand.Phone is null ? brand.Name : $"{brand.Name} · {brand.Phone}";
        using (var flow = new PdfFlow(output, metadata, page =>
            (header, $"{text.Title.Value} · {ui.Format(ui.Version, aid.Version)} · {ui.Format(ui.ReviewedOn, ui.Date(aid.Reviewed), string.Join(", ", aid.Reviewers.Select(r => r.Name)))} · {page}")))
        {
            flow.Heading(text.Title.Value, 1);
            flow.Paragraph(patientName is null ? ui.DecisionAid : $"{ui.DecisionAid} {patientName}", 11, muted: true);
            flow.Rule();

            if (risks is not null) YourRisks(flow, text, ui, risks);

            flow.Heading(ui.InShort, 2);
            Blocks(flow, text.Summary.Value);
            flow.Heading(ui.WhatIsIt, 2);
            Blocks(flow, text.WhatItIs.Value);

            flow.Heading(ui.HowItIsDone, 2);
            for (var i = 0; i < aid.Steps.Count; i++)
            {
                var step = aid.Steps[i];
                flow.EnsureSpace(150);
                flow.Heading($"{ui.Format(ui.StepNumber, i + 1)}: {UiText.Label(text.Steps[step.Id].Title.Value)}", 3);
                flow.Svg(aid.Pictures[step.Picture], 200);
                Blocks(flow, text.Steps[step.Id].Text.Value);
            }

            flow.Heading(ui.HowItMayHelp, 2);
            Blocks(flow, text.BenefitsIntro.Value);
            var applicableBenefits = risks?.Benefits ?? aid.GeneralBenefits.ToList();
            foreach (var benefit in applicableBenefits)
            {
                if (benefit.Frequency is { } f) Chance(flow, f, ui.ChanceCaption(f), IconTone.Benefit, $"b-{benefit.Id}");
                Blocks(flow, text.Benefits[benefit.Id].Value);
            }

            flow.Heading(ui.WhatCanGoWrong, 2);
            Blocks(flow, text.RisksOverview.Value);
            flow.Heading(ui.MainRisk, 3);
            Blocks(flow, text.MainRisk.Value);
            if (risks is null)
            {
                foreach (var risk in aid.GeneralRisks) Risk(flow, text, ui, risk, null);
            }

            flow.Heading(ui.OptionsSideBySide, 2);
            Option(flow, ui, text.Title.Value, text.Procedure);
            foreach (var alternative in aid.Alternatives)
                Option(flow, ui, text.Alternatives[alternative.Id].Name.Value, text.Alternatives[alternative.Id].Comparison);

            flow.Heading(ui.QuestionsToAsk, 2);
            foreach (var question in aid.Questions) flow.Bullet(MarkdownText.Plain(text.Questions[question.Id].Value));

            if (brand is not null)
            {
                flow.Heading(brand.Name, 2);
                if (brand.Phone is not null) flow.Paragraph(brand.Phone, bold: true);
                if (brand.PhoneAfterHours is not null) flow.Paragraph(brand.PhoneAfterHours);
                if (brand.Address is not null) flow.Paragraph(brand.Address);
            }

            flow.Heading(ui.Sources, 3);
            foreach (var source in aid.Sources) flow.Paragraph(source.Url is null ? source.Citation : $"{source.Citation} {source.Url.AbsoluteUri}", 8.5f, muted: true);
        }
        return output.ToArray();
    }

    private static void YourRisks(PdfFlow flow, AidText text, UiText ui, YourRisks risks)
    {
        flow.Heading(ui.YourRisks, 2);
        if (risks.Choices.Target is { } target) flow.Paragraph($"{UiText.Label(ui.Nerve)} {text.Targets[target].Name.Value}", bold: true);
        if (risks.Choices.Method is { } method) flow.Paragraph($"{UiText.Label(ui.Method)} {text.Methods[method].Name.Value}", bold: true);
        foreach (var personal in risks.Risks) Risk(flow, text, ui, personal.Risk, personal);
    }

    private static void Risk(PdfFlow flow, AidText text, UiText ui, Risk risk, PersonalRisk? personal)
    {
        var words = text.Risks[risk.Id];
        flow.EnsureSpace(60);
        var name = UiText.Label(words.Name.Value);
        flow.Heading(personal?.HigherForYou == true ? $"{name} {ui.HigherForYou}" : name, 3);
        if (risk.Frequency is { } f) Chance(flow, f, ui.ChanceCaption(f, words.Unit?.Value), IconTone.Risk, $"r-{risk.Id}");
        else flow.Paragraph(ui.NoNumber, 10, muted: true);
        Blocks(flow, words.Text.Value);
        if (personal is null) return;
        foreach (var (factor, rule) in personal.RaisedBy)
            flow.Paragraph($"{UiText.Label(text.HealthFactors[factor.Id].Name.Value)} {MarkdownText.Plain(text.HealthFactors[factor.Id].Reasons[rule.RiskId].Value)}", 10.5f, indent: 10);
        foreach (var property in personal.HigherBecauseOf)
            flow.Paragraph($"{UiText.Label(text.Properties[property].Value)} {MarkdownText.Plain(words.HigherWhen[property].Value)}", 10.5f, indent: 10);
    }

    private static void Chance(PdfFlow flow, Frequency frequency, string caption, IconTone tone, string id)
    {
        flow.EnsureSpace(90);
        flow.Svg(IconArraySvg.Render(frequency, caption, id, tone), frequency.Denominator >= 1000 ? 230 : 110);
        flow.Paragraph(caption, 10.5f, bold: true);
    }

    private static void Option(PdfFlow flow, UiText ui, string name, ComparisonText comparison)
    {
        flow.EnsureSpace(70);
        flow.Paragraph(name, 11.5f, bold: true);
        flow.Paragraph($"{ui.WhatItInvolves}: {MarkdownText.Plain(comparison.Involves.Value)}", 10.5f, indent: 10);
        flow.Paragraph($"{ui.HowLongReliefLasts}: {MarkdownText.Plain(comparison.Relief.Value)}", 10.5f, indent: 10);
        flow.Paragraph($"{ui.MainRisks}: {MarkdownText.Plain(comparison.Risks.Value)}", 10.5f, indent: 10);
    }

    private static void Blocks(PdfFlow flow, string markdown)
    {
        foreach (var block in MarkdownText.Blocks(markdown)) flow.Paragraph(block);
    }
}
