using DecisionAid.Core.Checks;
using DecisionAid.Core.Tests.Loading;

namespace DecisionAid.Core.Tests.Checks;

/// <summary>Each standards rule (IPDAS012-025) fails a small fixture broken in just that way, and passes the intact one.</summary>
public class StandardsCheckTests
{
    private static IReadOnlyList<Finding> Of(FixtureLibrary fixture, string code) => [.. fixture.Findings().Where(f => f.Code == code)];

    private static readonly string[] StandardsCodes =
    [
        FindingCodes.ConditionNotStated, FindingCodes.DecisionNotStated, FindingCodes.OptionDetailUneven, FindingCodes.NoPublicationDate,
        FindingCodes.NoUpdatePolicy, FindingCodes.FundingNotDeclared, FindingCodes.ConflictsNotDeclared, FindingCodes.AuthorsNotNamed,
        FindingCodes.RelativeOnly, FindingCodes.VagueChance, FindingCodes.SeriousHarmNotMarked, FindingCodes.SeriousHarmUnreachable,
        FindingCodes.ChanceGroupUnnamed, FindingCodes.ChanceTimeFrameMissing,
    ];

    [Fact]
    public void The_intact_fixture_meets_every_standards_rule()
    {
        using var fixture = new FixtureLibrary();
        Assert.Empty(fixture.Findings().Where(f => StandardsCodes.Contains(f.Code)).Select(f => f.ToString()));
    }

    [Fact]
    public void The_condition_must_be_stated_in_every_language()
    {
        using var fixture = new FixtureLibrary().Edit("es.yaml", "condition: Es para personas con dolor de rodilla.\n", "");
        var finding = Assert.Single(Of(fixture, FindingCodes.ConditionNotStated));
        Assert.Contains("IPDAS Q1", finding.Message, StringComparison.Ordinal);
        Assert.Contains("Spanish", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_decision_must_be_stated_and_name_the_procedure()
    {
        using (var missing = new FixtureLibrary().Edit("en.yaml", "decision: Should you have the mini aid treatment, or no treatment?\n", ""))
            Assert.Contains("IPDAS Q2", Assert.Single(Of(missing, FindingCodes.DecisionNotStated)).Message, StringComparison.Ordinal);
        using var unnamed = new FixtureLibrary().Edit("en.yaml", "Should you have the mini aid treatment, or no treatment?", "Should you have it, or not?");
        Assert.Contains("must name the procedure it is about ('Mini aid'", Assert.Single(Of(unnamed, FindingCodes.DecisionNotStated)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_decision_may_name_the_procedure_by_a_bracketed_part_or_a_long_word_of_its_title()
    {
        Assert.Contains("vertebroplasty", StandardsChecks.TitleParts("Cement for a broken spine bone (vertebroplasty and kyphoplasty)"));
        Assert.Contains("embolization", StandardsChecks.TitleParts("Uterine fibroid embolization"));
        Assert.Contains("椎体成形术", StandardsChecks.TitleParts("用骨水泥补断了的脊椎骨（椎体成形术和后凸成形术）"));
        Assert.DoesNotContain("for", StandardsChecks.TitleParts("Cement for a broken spine bone"));
    }

    [Fact]
    public void An_option_with_far_more_words_for_its_benefits_than_its_harms_is_a_warning()
    {
        using var fixture = new FixtureLibrary().Edit("en.yaml", "    relief: While you take them.\n",
            "    relief: While you take them, and many people find that the pain goes down a lot and they can walk and sleep much better.\n");
        var finding = Assert.Single(Of(fixture, FindingCodes.OptionDetailUneven));
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Contains("'Pills' tells its benefits in 23 words and its harms in 3", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_publication_date_must_be_given_and_not_after_the_review()
    {
        using (var missing = new FixtureLibrary().Edit("aid.yaml", "published: 2026-01-10\n", ""))
            Assert.Contains("IPDAS C3", Assert.Single(Of(missing, FindingCodes.NoPublicationDate)).Message, StringComparison.Ordinal);
        using var late = new FixtureLibrary().Edit("aid.yaml", "published: 2026-01-10", "published: 2026-02-01");
        Assert.Contains("after its review on 2026-01-15", Assert.Single(Of(late, FindingCodes.NoPublicationDate)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_update_policy_needs_a_next_review_within_three_years_and_what_brings_it_sooner()
    {
        using (var missing = new FixtureLibrary().Edit("aid.yaml", "next_review: 2027-01-15\n", ""))
            Assert.Contains("IPDAS C4", Assert.Single(Of(missing, FindingCodes.NoUpdatePolicy)).Message, StringComparison.Ordinal);
        using (var far = new FixtureLibrary().Edit("aid.yaml", "next_review: 2027-01-15", "next_review: 2029-01-16"))
            Assert.Contains("within 3 years", Assert.Single(Of(far, FindingCodes.NoUpdatePolicy)).Message, StringComparison.Ordinal);
        using (var noTriggers = new FixtureLibrary().Edit("aid.yaml", "review_sooner_when: [new-evidence, safety-notice]\n", ""))
            Assert.Contains("review_sooner_when", Assert.Single(Of(noTriggers, FindingCodes.NoUpdatePolicy)).Message, StringComparison.Ordinal);
        using var unknown = new FixtureLibrary().Edit("aid.yaml", "[new-evidence, safety-notice]", "[new-evidence, when-we-feel-like-it]");
        Assert.Contains("'when-we-feel-like-it' is not a reason", Assert.Single(Of(unknown, FindingCodes.UnknownReference)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Funding_conflicts_and_authors_must_be_declared()
    {
        using var fixture = new FixtureLibrary()
            .Edit("aid.yaml", "funding: none\n", "")
            .Edit("aid.yaml", "conflicts_of_interest: none\n", "")
            .Edit("aid.yaml", "authors:\n  - name: Test Author\n    role: writer\n", "");
        Assert.Contains("IPDAS C6", Assert.Single(Of(fixture, FindingCodes.FundingNotDeclared)).Message, StringComparison.Ordinal);
        Assert.Single(Of(fixture, FindingCodes.ConflictsNotDeclared));
        Assert.Single(Of(fixture, FindingCodes.AuthorsNotNamed));
    }

    [Fact]
    public void A_chance_given_only_as_a_relative_figure_fails_unless_the_text_says_the_numbers_are_not_known()
    {
        using (var relative = new FixtureLibrary().Edit("en.yaml", "  risks: Bleeding.\n", "  risks: Bleeding is half as common as with pills.\n"))
            Assert.Contains("'half as'", Assert.Single(Of(relative, FindingCodes.RelativeOnly)).Message, StringComparison.Ordinal);
        using var honest = new FixtureLibrary().Edit("en.yaml", "  risks: Bleeding.\n", "  risks: Bleeding is half as common as with pills. We do not know how many people bleed.\n");
        Assert.Empty(Of(honest, FindingCodes.RelativeOnly));
    }

    [Fact]
    public void A_chance_said_only_in_a_word_fails_where_the_aid_has_its_number_in_each_language()
    {
        using (var english = new FixtureLibrary().Edit("en.yaml", "  risks: Bleeding.\n", "  risks: Bleeding is rare.\n"))
            Assert.Contains("'rare' says the chance of 'Bleeding' in a word, but the aid has its number (1 in 1,000)",
                Assert.Single(Of(english, FindingCodes.VagueChance)).Message, StringComparison.Ordinal);
        using (var spanish = new FixtureLibrary().Edit("es.yaml", "  risks: Sangrado.\n", "  risks: El sangrado es raro.\n"))
            Assert.Single(Of(spanish, FindingCodes.VagueChance));
        using var withNumber = new FixtureLibrary().Edit("en.yaml", "  risks: Bleeding.\n", "  risks: Bleeding is rare. It happens to about 1 in 1,000 people.\n");
        Assert.Empty(Of(withNumber, FindingCodes.VagueChance));
    }

    [Fact]
    public void A_harm_whose_words_say_it_is_serious_must_be_marked_serious()
    {
        using var fixture = new FixtureLibrary().Edit("en.yaml", "people bleed where the needle went in.", "people bleed where the needle went in. This can be serious.");
        Assert.Contains("Montgomery", Assert.Single(Of(fixture, FindingCodes.SeriousHarmNotMarked)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_serious_harm_no_packet_could_show_fails_the_Montgomery_rule()
    {
        // The knee is treated with heat only; a serious risk of the knee with cold reaches no patient's own risks.
        using var fixture = new FixtureLibrary()
            .Edit("aid.yaml", "  properties: [near-skin]\n  methods: [heat]\n", "  properties: [near-skin]\n  methods: [heat, cold]\n")
            .Edit("aid.yaml", "    higher_when: [near-skin]\n    sources: [S1]\n", "    higher_when: [near-skin]\n    sources: [S1]\n  - id: frostbite\n    targets: [knee]\n    methods: [cold]\n    serious: true\n    sources: [S1]\n")
            .Edit("en.yaml", "  heat:\n    name: Heat\n    description: A probe heats the nerve.\n", "  heat:\n    name: Heat\n    description: A probe heats the nerve.\n  cold:\n    name: Cold\n    description: A probe cools the nerve.\n")
            .Edit("en.yaml", "  items:\n    bleeding:", "  items:\n    frostbite:\n      name: Frostbite\n      text: The skin may freeze.\n    bleeding:")
            .Edit("es.yaml", "  items:\n    bleeding:", "  items:\n    frostbite:\n      name: Congelación\n      text: La piel se puede congelar.\n    bleeding:");
        var es = File.ReadAllText(Path.Combine(fixture.AidFolder, "es.yaml"));
        fixture.Write("es.yaml", System.Text.RegularExpressions.Regex.Replace(es, "(  heat:\n    name: [^\n]+\n    description: [^\n]+\n)", "$1  cold:\n    name: Frío\n    description: Una sonda enfría el nervio.\n"));
        Assert.Contains("'frostbite' applies to no nerve and method", Assert.Single(Of(fixture, FindingCodes.SeriousHarmUnreachable)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_numbered_chance_must_name_who_it_counts_and_a_benefit_when_it_was_measured()
    {
        using var fixture = new FixtureLibrary()
            .Edit("en.yaml", "About {chance} people bleed where the needle went in.", "About {chance} bleed where the needle went in.")
            .Edit("en.yaml", "About {chance} people feel a bit better after it is done.", "About {chance} people feel a bit better.");
        Assert.Contains("risk 'bleeding'", Assert.Single(Of(fixture, FindingCodes.ChanceGroupUnnamed)).Message, StringComparison.Ordinal);
        Assert.Contains("benefit 'relief'", Assert.Single(Of(fixture, FindingCodes.ChanceTimeFrameMissing)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evidence_from_people_may_only_name_items_a_person_judges()
    {
        using var fixture = new FixtureLibrary().Edit("aid.yaml", "funding: none\n", "funding: none\nstandards_evidence:\n  IPDAS-Q1: We think so.\n");
        Assert.Contains("'IPDAS-Q1' is not an item only a person can judge", Assert.Single(Of(fixture, FindingCodes.UnknownField)).Message, StringComparison.Ordinal);
    }
}
