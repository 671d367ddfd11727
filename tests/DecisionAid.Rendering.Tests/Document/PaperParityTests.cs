using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using DecisionAid.Core.Content;
using DecisionAid.Core.Loading;
using DecisionAid.Core.Personalising;
using DecisionAid.Rendering.Document;
using DecisionAid.Rendering.Pdf;

namespace DecisionAid.Rendering.Tests.Document;

/// <summary>
/// Paper says everything the screen says: every text block the page shows (step titles, benefits, risk names with
/// their chances, "Serious." tags and "More likely when" notes, alternatives with their texts, questions, the
/// knowledge check, aftercare items) is in the handout PDF's text, for every aid and language in the library, and
/// for personalised packets (each nerve of each aid, with every health factor).
/// </summary>
public partial class PaperParityTests
{
    private static readonly ContentLibrary Library = ContentLibrary.Load(TestFolders.ShippedContent());
    private static readonly PracticeBrand Brand = new("Parity Clinic", "555-0100", "555-0199", "1 Example Street", "Keep the bandage dry for one day.");

    public static TheoryData<string, string> AidsAndLanguages()
    {
        var data = new TheoryData<string, string>();
        foreach (var aid in Library.Aids)
            foreach (var language in aid.Languages) data.Add(aid.Id, language);
        return data;
    }

    [Theory]
    [MemberData(nameof(AidsAndLanguages))]
    public async Task The_handout_pdf_says_everything_the_aid_page_and_its_aftercare_page_say(string aidId, string language)
    {
        var aid = Library.Find(aidId)!;
        await using var renderer = new AidRenderer();
        var page = await renderer.RenderStandaloneAsync(aid, language) + await renderer.RenderStandaloneAftercareAsync(aid, language);
        var pdf = HandoutPdf.Render(aid, language);
        AssertPaperHasEverything(page, pdf, $"{aidId} {language}");
    }

    [Theory]
    [MemberData(nameof(AidsAndLanguages))]
    public async Task A_personalised_packet_handout_says_everything_its_packet_page_says(string aidId, string language)
    {
        var aid = Library.Find(aidId)!;
        var factors = aid.Personalisation.HealthFactors.Select(f => f.Id).ToList();
        var choices = aid.Personalisation.Targets.Count == 0
            ? [new PacketChoices(null, aid.Personalisation.Methods.Count > 0 ? aid.Personalisation.Methods[0].Id : null, factors)]
            : aid.Personalisation.Targets.Select(t => new PacketChoices(t.Id, t.Methods.Count > 0 ? t.Methods[0] : null, factors)).ToList();
        await using var renderer = new AidRenderer();
        foreach (var choice in choices)
        {
            var risks = YourRisks.For(aid, choice);
            var page = await renderer.RenderPacketContentAsync(aid, language, risks, RenderOptions.SelfContained, Brand);
            var pdf = HandoutPdf.Render(aid, language, Brand, risks, "Test Patient");
            AssertPaperHasEverything(page, pdf, $"{aidId} {language} packet {choice.Target}/{choice.Method}");
            var yourRisks = new HtmlParser().ParseDocument(page).QuerySelectorAll("#your-risks h3").Select(h => Normal(h.TextContent)).ToList();
            Assert.NotEmpty(yourRisks);
            // The patient's own risks come first on paper too, after the summary: the first one is printed before "What is it?" begins.
            var text = Normal(PdfText.Flowing(pdf));
            Assert.True(text.IndexOf(yourRisks[0], StringComparison.Ordinal) < text.IndexOf(Normal(aid.Texts[language].WhatItIs.Value.Split('\n')[0]), StringComparison.Ordinal),
                $"{aidId} {language}: 'Your risks' is not first on paper");
        }
    }

    private static void AssertPaperHasEverything(string html, byte[] pdf, string what)
    {
        var paper = Normal(PdfText.Flowing(pdf));
        // A word longer than a line (a web address in a citation) is broken across lines on paper, which reads back
        // with a space inside it: such a block is found again with every space taken out, still character by character.
        var packed = paper.Replace(" ", "", StringComparison.Ordinal);
        var missing = ShownBlocks(html).Where(block => !paper.Contains(block, StringComparison.Ordinal)
            && !packed.Contains(block.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, $"{what}: {missing.Count} text block(s) on the page are not in the PDF:\n  {string.Join("\n  ", missing.Take(15))}");
    }

    /// <summary>Each text block a patient reads on the page: leaf block elements, step titles without their number.</summary>
    private static IEnumerable<string> ShownBlocks(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        // Links to other aids and the sources' web addresses are the page's; paper prints the whole address.
        // The packet's "What to do" links to the page's own questions and decision, which paper does not ask.
        foreach (var element in document.QuerySelectorAll(".step-number, .sources a, a[href^='/'], summary, svg, nav.what-to-do").ToList()) element.Remove();
        return document.QuerySelectorAll("h3, h4, h5, p, li, dt, dd, th, td, figcaption, caption")
            .Where(e => e.QuerySelectorAll("p, li, dt, dd, h3, h4, h5, figcaption, ul, ol").Length == 0)
            .Select(e => Normal(e.TextContent))
            .Where(t => t.Length > 0)
            .Distinct();
    }

    /// <summary>Words only: line breaks, list markers and runs of spaces do not count.</summary>
    private static string Normal(string text) => Spaces().Replace(text.Replace("•", " ", StringComparison.Ordinal), " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
