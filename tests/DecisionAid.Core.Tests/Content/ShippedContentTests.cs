using DecisionAid.Core.Checks;
using DecisionAid.Core.Loading;
using DecisionAid.Core.Readability;

namespace DecisionAid.Core.Tests.Content;

/// <summary>The shipped library is test input: every aid, every language, passes the checker and meets its reading goals.</summary>
public class ShippedContentTests
{
    private static readonly ContentLibrary Library = ContentLibrary.Load(TestFolders.ShippedContent());

    [Fact]
    public void Every_shipped_aid_passes_the_checker_with_no_errors()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var errors = AidChecker.Check(Library, today).Where(f => f.Severity == Severity.Error).Select(f => f.ToString()).ToList();
        Assert.Empty(errors);
        Assert.Contains(Library.Aids, a => a.Id == "neurolysis");
    }

    [Fact]
    public void The_neurolysis_aid_reads_at_grade_six_or_lower_with_no_sentence_above_grade_eight()
    {
        var readability = AidReadability.Measure(Library.Find("neurolysis")!.Texts["en"])!;
        Assert.True(readability.Whole.FleschKincaidGrade <= 6.0, $"Flesch-Kincaid grade {readability.Whole.FleschKincaidGrade:0.0}");
        Assert.True(readability.Whole.Smog <= 8.0, $"SMOG {readability.Whole.Smog:0.0}");
        Assert.DoesNotContain(readability.Sentences, s => s.Sentence.Score.Words >= CheckOptions.Default.SentenceMinimumWords
            && s.Sentence.Score.FleschKincaidGrade > 8.0);
    }

    [Fact]
    public void The_neurolysis_aid_carries_the_numbers_of_the_facts_sheet()
    {
        var aid = Library.Find("neurolysis")!;
        string Chance(string id) => aid.Risks.Single(r => r.Id == id).Frequency!.ToString();
        // ../shared/facts/neurolysis.md: bleeding, infection and darker skin about 1 in 1,000 each.
        Assert.Equal("1 in 1000", Chance("bleeding"));
        Assert.Equal("1 in 1000", Chance("infection"));
        Assert.Equal("1 in 1000", Chance("skin-darkening"));
        // Celiac plexus (Eisenberg 1995): 96, 44, 38 and about 2 in 100.
        Assert.Equal("960 in 1000", Chance("celiac-site-pain"));
        Assert.Equal("440 in 1000", Chance("celiac-diarrhea"));
        Assert.Equal("380 in 1000", Chance("celiac-low-blood-pressure"));
        Assert.Equal("20 in 1000", Chance("celiac-serious"));
        // Intercostal (Shanti 2001): 5.6 in 100 treatment sessions.
        Assert.Equal("56 in 1000", Chance("collapsed-lung"));
        Assert.Equal("89 in 100", aid.Benefits.Single(b => b.Id == "celiac-early-relief").Frequency!.ToString());
        Assert.Equal("70-90 in 100", aid.Benefits.Single(b => b.Id == "celiac-lasting-relief").Frequency!.ToString());
        Assert.True(aid.Personalisation.Targets.Count >= 3);
        Assert.True(aid.KnowledgeCheck.Count >= 5);
        Assert.Equal(3, aid.Steps.Count);
    }
}
