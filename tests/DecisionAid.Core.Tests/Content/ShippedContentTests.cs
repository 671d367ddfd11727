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

    public static TheoryData<string, string> AidLanguages()
    {
        var data = new TheoryData<string, string>();
        foreach (var aid in Library.Aids)
            foreach (var language in aid.Languages) data.Add(aid.Id, language);
        return data;
    }

    [Theory]
    [MemberData(nameof(AidLanguages))]
    public void Every_shipped_aid_meets_its_reading_goal_in_every_language(string aidId, string language)
    {
        var readability = AidReadability.Measure(Library.Find(aidId)!.Texts[language])!;
        var options = CheckOptions.Default;
        var sentences = readability.Sentences.Where(s => s.Sentence.Score.Words >= options.SentenceMinimumWords).ToList();
        if (language == "es")
        {
            Assert.True(readability.Whole.Szigriszt >= 65, $"INFLESZ {readability.Whole.Szigriszt:0.0}");
            Assert.DoesNotContain(sentences, s => s.Sentence.Score.Szigriszt < 40);
        }
        else
        {
            Assert.True(readability.Whole.FleschKincaidGrade <= 6.0, $"Flesch-Kincaid grade {readability.Whole.FleschKincaidGrade:0.0}");
            Assert.True(readability.Whole.Smog <= 8.0, $"SMOG {readability.Whole.Smog:0.0}");
            Assert.DoesNotContain(sentences, s => s.Sentence.Score.FleschKincaidGrade > 8.0);
        }
    }

    [Fact]
    public void Neurolysis_and_nerve_block_are_in_english_spanish_and_chinese_and_link_to_each_other()
    {
        var neurolysis = Library.Find("neurolysis")!;
        var block = Library.Find("nerve-block")!;
        Assert.Equal(["en", "es", "zh"], neurolysis.Languages);
        Assert.Equal(["en", "es", "zh"], block.Languages);
        Assert.Contains(neurolysis.Alternatives, a => a.LinkedAid == "nerve-block");
        Assert.Contains(block.Alternatives, a => a.LinkedAid == "neurolysis");
        Assert.Contains(block.Alternatives, a => a.Kind == DecisionAid.Core.Content.AlternativeKind.NoTreatment);
        Assert.True(block.KnowledgeCheck.Count >= 5);
        Assert.Equal(3, block.Steps.Count);
    }

    [Fact]
    public void The_nerve_block_aid_carries_the_numbers_of_the_facts_sheet()
    {
        var aid = Library.Find("nerve-block")!;
        // ../shared/facts/nerve-block.md: Manchikanti 2010, 85 and 90 in 100; Brull 2007, about 3 in 100 (arm);
        // Shanti 2001 (as for neurolysis), 5.6 in 100 treatment sessions.
        Assert.Equal("85 in 100", aid.Benefits.Single(b => b.Id == "back-numbing-trial").Frequency!.ToString());
        Assert.Equal("90 in 100", aid.Benefits.Single(b => b.Id == "back-steroid-trial").Frequency!.ToString());
        Assert.Equal("30 in 1000", aid.Risks.Single(r => r.Id == "nerve-injury-arm").Frequency!.ToString());
        Assert.Equal("56 in 1000", aid.Risks.Single(r => r.Id == "collapsed-lung").Frequency!.ToString());
        Assert.Null(aid.Risks.Single(r => r.Id == "bleeding").Frequency); // no reliable rate for one shot: no number
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

    [Fact]
    public void Every_aid_is_written_in_every_language_of_the_library()
    {
        Assert.Equal(["en", "es", "zh"], Library.Languages);
        Assert.All(Library.Aids, aid => Assert.Equal(Library.Languages, aid.Languages));
    }
}
