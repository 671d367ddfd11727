using DecisionAid.Core.Checks;
using DecisionAid.Core.Content;

namespace DecisionAid.Core.Tests.Loading;

public class LoaderTests
{
    /// <summary>The one finding of this kind in the English file or aid.yaml (the Spanish file repeats text problems).</summary>
    private static Finding Single(FixtureLibrary fixture, string code)
    {
        var findings = fixture.Findings().Where(f => f.Code == code && !f.Location.Path.EndsWith("/es.yaml", StringComparison.Ordinal)).ToList();
        Assert.True(findings.Count == 1, $"expected one {code}, got: {string.Join(" | ", fixture.Findings())}");
        return findings[0];
    }

    [Fact]
    public void The_fixture_aid_loads_and_passes_every_check()
    {
        using var fixture = new FixtureLibrary();
        var library = fixture.Load();
        Assert.Empty(fixture.Findings());
        var aid = Assert.Single(library.Aids);
        Assert.Equal("mini", aid.Id);
        Assert.Equal(new Frequency(1, 1000), aid.Risks[0].Frequency);
        Assert.Equal("About 1 in 1,000 people bleed where the needle went in.", aid.Texts["en"].Risks["bleeding"].Text.Value);
        Assert.Equal(64, aid.ContentHash.Length);
    }

    [Fact]
    public void An_unknown_field_is_reported_at_its_line_with_the_closest_name()
    {
        using var fixture = new FixtureLibrary().Edit("en.yaml", "summary:", "sumary:");
        var findings = fixture.Findings();
        var unknown = findings.Single(f => f.Code == FindingCodes.UnknownField);
        Assert.Equal("content/mini/en.yaml:4:1: error LOAD002: unknown field 'sumary' in the file; did you mean 'summary'?", unknown.ToString());
        Assert.Contains(findings, f => f.Code == FindingCodes.MissingField && f.Message.Contains("'summary'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_required_field_names_the_field()
    {
        using var fixture = new FixtureLibrary().Edit("aid.yaml", "version: 1.0.0\n", "");
        var finding = Single(fixture, FindingCodes.MissingField);
        Assert.Equal("content/mini/aid.yaml:1:1: error LOAD003: the file is missing the required field 'version'", finding.ToString());
    }

    [Fact]
    public void A_wrong_type_is_reported_where_it_stands()
    {
        using var fixture = new FixtureLibrary().Edit("aid.yaml", "    year: 2020", "    year: twenty");
        var finding = Single(fixture, FindingCodes.WrongType);
        Assert.Equal(10, finding.Location.Line);
        Assert.Equal(11, finding.Location.Column);
        Assert.Contains("must be a whole number, not 'twenty'", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1 in 0", "denominator of 0")]
    [InlineData("3 in 2", "counts more people than the group has")]
    [InlineData("often", "is not of the form 'N in D'")]
    [InlineData("9-5 in 10", "upper count is not above its lower count")]
    public void An_impossible_frequency_is_reported_at_its_line(string frequency, string message)
    {
        using var fixture = new FixtureLibrary().Edit("aid.yaml", "frequency: 1 in 1000", $"frequency: {frequency}");
        var finding = Single(fixture, FindingCodes.BadFrequency);
        Assert.Equal("content/mini/aid.yaml", finding.Location.Path);
        Assert.Equal(20, finding.Location.Line);
        Assert.Equal(16, finding.Location.Column);
        Assert.Contains(message, finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_id_points_back_to_the_first_use()
    {
        using var fixture = new FixtureLibrary().Edit("aid.yaml", "  - id: pills\n", "  - id: pills\n  - id: pills\n");
        var finding = Single(fixture, FindingCodes.DuplicateId);
        Assert.Equal(25, finding.Location.Line);
        Assert.Contains("duplicate alternative id 'pills' (first used at line 24)", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_source_key_lists_the_known_ones()
    {
        using var fixture = new FixtureLibrary().Edit("aid.yaml", "    frequency: 50 in 100\n    sources: [S1]", "    frequency: 50 in 100\n    sources: [S2]");
        var finding = Single(fixture, FindingCodes.UnknownSource);
        Assert.Equal("content/mini/aid.yaml:17:15: error LOAD007: unknown source 'S2' (known: S1)", finding.ToString());
    }

    [Fact]
    public void A_missing_picture_file_is_named()
    {
        using var fixture = new FixtureLibrary().Edit("aid.yaml", "art/one.svg", "art/two.svg");
        var finding = Single(fixture, FindingCodes.MissingPicture);
        Assert.Equal(12, finding.Location.Line);
        Assert.Contains("picture 'art/two.svg' of step 'one' does not exist", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_picture_with_a_script_is_refused()
    {
        using var fixture = new FixtureLibrary().Write("art/one.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>");
        Assert.Contains("holds a <script> element", Single(fixture, FindingCodes.BadPicture).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_link_to_an_aid_that_does_not_exist_is_reported()
    {
        using var fixture = new FixtureLibrary().Edit("aid.yaml", "  - id: pills\n", "  - id: pills\n    links_to: pill-aid\n");
        var finding = Single(fixture, FindingCodes.UnknownLinkedAid);
        Assert.Equal("content/mini/aid.yaml:24:5: error LOAD009: alternative 'pills' links to the aid 'pill-aid', which is not in the library", finding.ToString());
    }

    [Fact]
    public void A_text_for_an_id_that_aid_yaml_lacks_is_reported_at_its_key()
    {
        using var fixture = new FixtureLibrary().Edit("en.yaml", "questions:\n  ask: What are my risks?\n", "questions:\n  ask: What are my risks?\n  asks: And more?\n");
        var finding = Single(fixture, FindingCodes.TextIdNotInAid);
        Assert.Equal("content/mini/en.yaml:43:3: error LOAD010: English text for question 'asks', but aid.yaml has no question with that id", finding.ToString());
    }

    [Fact]
    public void An_id_of_aid_yaml_without_text_names_the_missing_id_and_language()
    {
        using var fixture = new FixtureLibrary().Edit("aid.yaml", "  - id: nothing\n    kind: no-treatment\n", "  - id: nothing\n    kind: no-treatment\n  - id: surgery\n");
        var findings = fixture.Findings().Where(f => f.Code == FindingCodes.TextMissing).Select(f => $"{f.Location.Path}: {f.Message}").ToList();
        Assert.Equal(["content/mini/en.yaml: alternative 'surgery' has no English text", "content/mini/es.yaml: alternative 'surgery' has no Spanish text"], findings);
    }

    [Theory]
    [InlineData("title: Mini aid\nsummary: [unclosed")]
    [InlineData("\t- tabs are not yaml")]
    [InlineData("key: \"unterminated")]
    [InlineData("- just\n- a list")]
    [InlineData("")]
    [InlineData("version: [1.0.0")]
    [InlineData("title: Mini\t")]
    public void A_malformed_file_is_a_finding_never_a_crash(string content)
    {
        using var fixture = new FixtureLibrary().Write("en.yaml", content);
        var findings = fixture.Findings();
        Assert.Contains(findings, f => f.Severity == Severity.Error && f.Location.Path == "content/mini/en.yaml");
    }

    [Fact]
    public void A_malformed_aid_yaml_is_a_finding_never_a_crash()
    {
        using var fixture = new FixtureLibrary().Write("aid.yaml", "id: mini\nversion: [1.0.0\n");
        Assert.Contains(fixture.Findings(), f => f.Code == FindingCodes.YamlSyntax && f.Location.Path == "content/mini/aid.yaml");
    }

    [Fact]
    public void Every_problem_is_reported_not_just_the_first()
    {
        using var fixture = new FixtureLibrary()
            .Edit("aid.yaml", "frequency: 1 in 1000", "frequency: 1 in 0")
            .Edit("aid.yaml", "art/one.svg", "art/missing.svg")
            .Edit("en.yaml", "title:", "titel:");
        var codes = fixture.Findings().Select(f => f.Code).ToHashSet();
        Assert.Superset(new HashSet<string> { FindingCodes.BadFrequency, FindingCodes.MissingPicture, FindingCodes.UnknownField }, codes);
    }

    [Fact]
    public void A_chance_placeholder_without_a_frequency_is_reported()
    {
        using var fixture = new FixtureLibrary().Edit("aid.yaml", "    frequency: 50 in 100\n", "");
        var finding = Single(fixture, FindingCodes.UnknownReference);
        Assert.Contains("uses {chance} but aid.yaml gives it no frequency", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mistyped_placeholder_is_reported_instead_of_reaching_the_patient()
    {
        using var fixture = new FixtureLibrary().Edit("en.yaml", "text: About {chance} people bleed", "text: About {Chance} people bleed");
        var finding = Single(fixture, FindingCodes.UnknownPlaceholder);
        Assert.Contains("'{Chance}'", finding.Message, StringComparison.Ordinal);
    }
}
