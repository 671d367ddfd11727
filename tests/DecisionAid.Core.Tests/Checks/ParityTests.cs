using DecisionAid.Core.Checks;
using DecisionAid.Core.Tests.Loading;

namespace DecisionAid.Core.Tests.Checks;

public class ParityTests
{
    [Fact]
    public void The_spanish_fixture_text_matches_the_english_one()
    {
        using var fixture = new FixtureLibrary();
        Assert.Empty(fixture.Findings());
        Assert.Equal("Cerca de 1 de cada 1000 personas sangran donde entró la aguja.", fixture.Load().Aids[0].Texts["es"].Risks["bleeding"].Text.Value);
    }

    [Fact]
    public void A_wrong_chance_written_into_a_spanish_text_is_reported_at_its_line()
    {
        using var fixture = new FixtureLibrary().Edit("es.yaml", "text: Cerca de {chance} personas sangran", "text: Cerca de 2 de cada 1000 personas sangran");
        var findings = fixture.Findings().Where(f => f.Code == FindingCodes.NumberMismatch).ToList();
        var written = Assert.Single(findings, f => f.Message.Contains("says '2 de cada 1000'", StringComparison.Ordinal));
        Assert.Equal("content/mini/es.yaml", written.Location.Path);
        Assert.Equal(21, written.Location.Line);
        Assert.Contains("aid.yaml gives '1 de cada 1000'", written.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_number_a_translation_changed_is_reported()
    {
        using var fixture = new FixtureLibrary()
            .Edit("en.yaml", "  relief: A few weeks.", "  relief: About 3 weeks.")
            .Edit("es.yaml", "  relief: Unas semanas.", "  relief: Unas 4 semanas.");
        var finding = Assert.Single(fixture.Findings(), f => f.Code == FindingCodes.NumberMismatch);
        Assert.Equal("content/mini/es.yaml", finding.Location.Path);
        Assert.Equal(26, finding.Location.Line);
        Assert.Contains("[4]", finding.Message, StringComparison.Ordinal);
        Assert.Contains("[3]", finding.Message, StringComparison.Ordinal);
        // The text is named by its key path, as the author finds it in the file.
        Assert.Contains("the Spanish text of procedure.relief has", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Numbers_written_the_spanish_way_equal_the_english_ones()
    {
        using var fixture = new FixtureLibrary()
            .Edit("en.yaml", "  relief: A few weeks.", "  relief: Up to 1,000 days.")
            .Edit("es.yaml", "  relief: Unas semanas.", "  relief: Hasta 1000 días.");
        Assert.DoesNotContain(fixture.Findings(), f => f.Code == FindingCodes.NumberMismatch);
    }

    [Fact]
    public void A_risk_without_spanish_text_is_named()
    {
        using var fixture = new FixtureLibrary().Edit("es.yaml",
            "    bleeding:\n      name: Sangrado\n      text: Cerca de {chance} personas sangran donde entró la aguja.\n      higher_when:\n        near-skin: Esto pasa más cerca de la piel.\n", "    {}\n");
        var finding = Assert.Single(fixture.Findings(), f => f.Code == FindingCodes.TextMissing);
        Assert.Equal("risk 'bleeding' has no Spanish text", finding.Message);
        Assert.Equal("content/mini/es.yaml", finding.Location.Path);
    }

    [Fact]
    public void A_translation_revised_for_an_older_version_is_flagged()
    {
        using var fixture = new FixtureLibrary().Edit("aid.yaml", "version: 1.0.0", "version: 1.1.0").Edit("en.yaml", "revised_for: 1.0.0", "revised_for: 1.1.0");
        var finding = Assert.Single(fixture.Findings(), f => f.Code == FindingCodes.TranslationOutdated);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Contains("Spanish text was last revised for version 1.0.0, but the aid is now 1.1.0", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hard_spanish_sentence_is_flagged_on_the_inflesz_scale()
    {
        using var fixture = new FixtureLibrary().Edit("es.yaml", "what_it_is: Es una prueba del cargador.",
            "what_it_is: La administración intervencionista percutánea necesita consideraciones multidisciplinarias extraordinariamente complicadas.");
        var finding = Assert.Single(fixture.Findings(), f => f.Code == FindingCodes.SentenceTooHard);
        Assert.Contains("INFLESZ", finding.Message, StringComparison.Ordinal);
        Assert.Equal("content/mini/es.yaml", finding.Location.Path);
    }
}
