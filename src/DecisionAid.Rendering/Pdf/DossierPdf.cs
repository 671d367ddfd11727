using System.Globalization;
using DecisionAid.Core.Standards;
using DecisionAid.Rendering.Dossiers;
using SkiaSharp;

namespace DecisionAid.Rendering.Pdf;

/// <summary>
/// The standards dossier on paper: the same items, verdicts and evidence as its HTML page, each item a short block
/// that flows across pages (an item's evidence, such as its list of sources, can be longer than a page).
/// </summary>
public static class DossierPdf
{
    public static byte[] Render(Dossier dossier)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        var aid = dossier.Aid;
        var title = aid.Texts.TryGetValue("en", out var en) ? en.Title.Value : aid.Id;
        var metadata = new SKDocumentPdfMetadata
        {
            Title = $"{title}: standards dossier", Creator = "DecisionAid", Producer = "DecisionAid (SkiaSharp)",
            Subject = $"{aid.Id} {aid.Version} {aid.ContentHash} dossier",
            // Fixed dates: one aid version always gives the same file.
            Creation = aid.Reviewed.ToDateTime(TimeOnly.MinValue), Modified = aid.Reviewed.ToDateTime(TimeOnly.MinValue),
        };
        return PdfFlow.Write(metadata, page => ($"{title} {aid.Version}: standards dossier", string.Create(CultureInfo.InvariantCulture, $"{aid.ContentHash[..12]} · {page}")), flow =>
        {
            flow.Heading($"{title}: standards dossier", 1);
            flow.Paragraph(DossierWords.Tally(dossier), bold: true);
            flow.Paragraph($"Aid {aid.Id}, version {aid.Version}. Languages: {DossierWords.Languages(dossier)}.");
            flow.Paragraph($"Content hash: {aid.ContentHash}", 9f, muted: true);
            flow.Paragraph($"First published {aid.Declarations.Published?.Value ?? "(not given)"}; last reviewed {aid.Reviewed:yyyy-MM-dd}; next review {aid.Declarations.NextReview?.Value ?? "(not given)"}.");
            flow.Heading("Reading level per language", 2);
            flow.Table(["Language", "Measure", "Score", "Goal", "Meets it"],
                [.. dossier.Reading.Select(r => (IReadOnlyList<string>)[$"{Core.Content.Languages.EnglishName(r.Language)} ({r.Language})", r.Scale, r.Score, r.Goal, r.MeetsGoal ? "yes" : "no"])],
                [0.2f, 0.3f, 0.15f, 0.25f, 0.1f]);
            foreach (var group in dossier.Entries.GroupBy(e => e.Item.Standard))
            {
                flow.Heading(group.Key, 2);
                foreach (var entry in group)
                {
                    flow.Heading($"{entry.Item.Id}: {DossierWords.Verdict(entry.Verdict)}", 3);
                    flow.Paragraph(entry.Item.Says);
                    flow.Paragraph($"How it is judged: {entry.Item.How}", 9.5f, muted: true);
                    foreach (var finding in entry.Findings) flow.Bullet($"{finding.Code}: {finding.Message} ({DossierWords.Where(finding.Location, aid.Id)})", 9.5f);
                    foreach (var found in entry.Found) flow.Bullet(found.Location is { } at ? $"{found.Text} ({DossierWords.Where(at, aid.Id)})" : found.Text, 9.5f);
                    if (entry.Verdict == Verdict.ForAPerson)
                        flow.Paragraph("Evidence from people: " + (entry.PersonEvidence is { } p ? $"{p.Text} ({DossierWords.Where(p.Location, aid.Id)})" : DossierWords.NoPersonEvidence), 9.5f);
                }
            }
        });
    }
}
