using DecisionAid.Core.Checks;
using DecisionAid.Core.Tests.Loading;

namespace DecisionAid.Core.Tests.Checks;

public class CheckTests
{
    private static IReadOnlyList<Finding> Of(FixtureLibrary fixture, string code, DateOnly? today = null) =>
        [.. fixture.Findings(today).Where(f => f.Code == code)];

    [Fact]
    public void An_aid_without_a_no_treatment_option_fails_the_standard()
    {
        using var fixture = new FixtureLibrary().Edit("aid.yaml", "    kind: no-treatment\n", "");
        var finding = Assert.Single(Of(fixture, FindingCodes.NoTreatmentOptionMissing));
        Assert.Equal(Severity.Error, finding.Severity);
    }

    [Fact]
    public void An_aid_without_benefits_or_harms_fails_the_standard()
    {
        using var fixture = new FixtureLibrary()
            .Edit("aid.yaml", "benefits:\n  - id: relief\n    frequency: 50 in 100\n    sources: [S1]\n", "benefits: []\n")
            .Edit("en.yaml", "    relief: About {chance} people feel a bit better after it is done.\n", "    {}\n");
        Assert.Single(Of(fixture, FindingCodes.NoBenefits));
    }

    [Fact]
    public void Comparable_risks_must_share_a_denominator()
    {
        using var fixture = new FixtureLibrary()
            .Edit("aid.yaml", "risks:\n", "risks:\n  - id: bruise\n    frequency: 5 in 100\n    sources: [S1]\n")
            .Edit("en.yaml", "  items:\n    bleeding:", "  items:\n    bruise:\n      name: Bruise\n      text: Some people get a bruise on the arm or leg.\n    bleeding:");
        var finding = Assert.Single(Of(fixture, FindingCodes.MixedDenominators));
        Assert.Contains("'bruise' is given out of 100 but the other risks are out of 1000", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_risk_without_a_source_is_an_error()
    {
        using var fixture = new FixtureLibrary().Edit("aid.yaml", "    higher_when: [near-skin]\n    sources: [S1]\n", "    higher_when: [near-skin]\n");
        Assert.Contains("risk 'bleeding' cites no source", Assert.Single(Of(fixture, FindingCodes.Uncited)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Content_not_reviewed_for_three_years_is_overdue()
    {
        using var fixture = new FixtureLibrary();
        Assert.Empty(Of(fixture, FindingCodes.ReviewOverdue, new DateOnly(2029, 1, 15)));
        var finding = Assert.Single(Of(fixture, FindingCodes.ReviewOverdue, new DateOnly(2029, 1, 16)));
        Assert.Equal(3, finding.Location.Line);
    }

    [Fact]
    public void A_review_date_in_the_future_is_an_error()
    {
        using var fixture = new FixtureLibrary();
        Assert.Single(Of(fixture, FindingCodes.ReviewDateInFuture, new DateOnly(2026, 1, 14)));
    }

    [Fact]
    public void An_aid_must_name_its_reviewers()
    {
        using var fixture = new FixtureLibrary().Edit("aid.yaml", "reviewers:\n  - name: Test Reviewer\n    role: editor\n", "reviewers: []\n");
        Assert.Single(Of(fixture, FindingCodes.NoReviewers));
    }

    [Fact]
    public void A_source_nobody_cites_is_a_warning()
    {
        using var fixture = new FixtureLibrary().Edit("aid.yaml", "steps:\n", "  - key: S9\n    citation: \"Unused. 2021.\"\n    year: 2021\nsteps:\n");
        Assert.Equal(Severity.Warning, Assert.Single(Of(fixture, FindingCodes.SourceUnused)).Severity);
    }

    [Fact]
    public void An_option_cites_the_source_of_its_own_numbers_and_an_unknown_key_is_an_error()
    {
        using var cited = new FixtureLibrary()
            .Edit("aid.yaml", "steps:\n", "  - key: S9\n    citation: \"Pills trial. 2021.\"\n    year: 2021\nsteps:\n")
            .Edit("aid.yaml", "  - id: pills\n", "  - id: pills\n    sources: [S9]\n");
        Assert.Empty(Of(cited, FindingCodes.SourceUnused));
        using var unknown = new FixtureLibrary().Edit("aid.yaml", "  - id: pills\n", "  - id: pills\n    sources: [S404]\n");
        Assert.Single(Of(unknown, FindingCodes.UnknownSource));
    }

    [Fact]
    public void A_hard_sentence_is_flagged_at_its_own_line()
    {
        using var fixture = new FixtureLibrary().Edit("en.yaml", "what_it_is: It is a test of the loader.",
            "what_it_is: |\n  It is a test.\n  Percutaneous radiofrequency neurotomy interrupts nociceptive afferent transmission.");
        var finding = Assert.Single(Of(fixture, FindingCodes.SentenceTooHard));
        Assert.Contains("Percutaneous radiofrequency neurotomy", finding.Message, StringComparison.Ordinal);
        Assert.Equal("content/mini/en.yaml", finding.Location.Path);
    }

    [Fact]
    public void A_whole_aid_above_the_grade_goal_is_a_warning()
    {
        using var fixture = new FixtureLibrary();
        var aid = fixture.Load().Aids[0];
        var today = new DateOnly(2026, 6, 1);
        Assert.DoesNotContain(AidChecker.Check(aid, today), f => f.Code == FindingCodes.AidGradeAboveGoal);
        var grade = DecisionAid.Core.Readability.AidReadability.Measure(aid.Texts["en"])!.Whole.FleschKincaidGrade;
        var strict = AidChecker.Check(aid, today, new CheckOptions { AidGradeGoal = grade - 0.1 });
        Assert.Equal(Severity.Warning, Assert.Single(strict, f => f.Code == FindingCodes.AidGradeAboveGoal).Severity);
    }

    [Fact]
    public void A_medical_term_without_a_plain_explanation_is_flagged()
    {
        using var fixture = new FixtureLibrary().Edit("en.yaml", "what_it_is: It is a test of the loader.", "what_it_is: A pneumothorax can happen. It is rare.");
        var finding = Assert.Single(Of(fixture, FindingCodes.MedicalTermUnexplained));
        Assert.Contains("'pneumothorax'", finding.Message, StringComparison.Ordinal);
        Assert.Contains("collapsed lung", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_term_explained_only_after_the_risks_is_flagged_for_the_packet_where_your_risks_comes_first()
    {
        // On the aid page "What is it?" explains it before the risks use it; a packet shows "Your risks" right after the summary.
        using var fixture = new FixtureLibrary()
            .Edit("en.yaml", "what_it_is: It is a test of the loader.", "what_it_is: A pneumothorax, or collapsed lung, can happen. It is rare.")
            .Edit("en.yaml", "overview: Some things can go wrong.", "overview: Some things can go wrong. A pneumothorax is one of them.");
        var finding = Assert.Single(Of(fixture, FindingCodes.MedicalTermUnexplained));
        Assert.Contains("in a patient's packet, where 'Your risks' follows the summary", finding.Message, StringComparison.Ordinal);
        Assert.Contains("'pneumothorax'", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_medical_term_explained_in_plain_words_passes()
    {
        using var fixture = new FixtureLibrary().Edit("en.yaml", "what_it_is: It is a test of the loader.", "what_it_is: A pneumothorax, or collapsed lung, can happen. It is rare.");
        Assert.Empty(Of(fixture, FindingCodes.MedicalTermUnexplained));
    }
}
