using DecisionAid.Core.Checks;
using DecisionAid.Core.Content;
using DecisionAid.Core.Tests.Loading;

namespace DecisionAid.Core.Tests.Checks;

/// <summary>Aftercare as content: its facts in aid.yaml, its words per language, held to the aid's own rules.</summary>
public class AftercareTests
{
    /// <summary>The fixture aid with two aftercare items: something to expect, and an emergency sign.</summary>
    private static FixtureLibrary WithAftercare(string soreSources = "    sources: [S1]\n") => new FixtureLibrary()
        .Edit("aid.yaml", "questions: [ask]\n", "aftercare:\n  - id: sore\n    kind: expect\n" + soreSources +
            "  - id: breathing\n    kind: emergency\n    sources: [S1]\nquestions: [ask]\n")
        .Edit("en.yaml", "questions:\n", "aftercare:\n  sore: The skin may be sore for a day or two.\n  breathing: Call the emergency number if you find it hard to breathe.\nquestions:\n")
        .Edit("es.yaml", "questions:\n", "aftercare:\n  sore: La piel puede doler uno o dos días.\n  breathing: Llame al número de emergencias si le cuesta respirar.\nquestions:\n");

    private static IReadOnlyList<Finding> Of(FixtureLibrary fixture, string code) => [.. fixture.Findings().Where(f => f.Code == code)];

    [Fact]
    public void Aftercare_loads_with_its_kinds_and_words_in_every_language()
    {
        using var fixture = WithAftercare();
        var aid = Assert.Single(fixture.Load().Aids);
        Assert.Equal([("sore", AftercareKind.Expect), ("breathing", AftercareKind.Emergency)], aid.Aftercare.Select(a => (a.Id, a.Kind)));
        Assert.Equal("Llame al número de emergencias si le cuesta respirar.", aid.Texts["es"].Aftercare["breathing"].Value);
        Assert.Contains(aid.Texts["en"].ReadingOrder(), t => t.Section == "aftercare");
        Assert.DoesNotContain(fixture.Findings(), f => f.Code.StartsWith("CARE", StringComparison.Ordinal) || f.Code.StartsWith("LOAD", StringComparison.Ordinal));
    }

    [Fact]
    public void An_aftercare_item_without_a_source_is_an_error()
    {
        using var fixture = WithAftercare(soreSources: "");
        var finding = Assert.Single(Of(fixture, FindingCodes.AftercareUncited));
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Contains("aftercare item 'sore' cites no source", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_aftercare_sentence_above_the_reading_grade_is_a_finding_at_its_line()
    {
        using var fixture = WithAftercare().Edit("en.yaml", "  sore: The skin may be sore for a day or two.",
            "  sore: Postprocedural periarticular discomfort necessitates conservative symptomatic management.");
        var finding = Assert.Single(Of(fixture, FindingCodes.SentenceTooHard));
        Assert.Equal("content/mini/en.yaml", finding.Location.Path);
        Assert.Contains("Postprocedural", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_emergency_item_missing_in_one_language_is_a_finding()
    {
        using var fixture = WithAftercare().Edit("es.yaml", "  breathing: Llame al número de emergencias si le cuesta respirar.\n", "");
        var finding = Assert.Single(fixture.Load().LoadFindings, f => f.Code == FindingCodes.TextMissing);
        Assert.Contains("aftercare item 'breathing' has no Spanish text", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Aftercare_needs_an_emergency_item_and_a_known_kind()
    {
        using var noEmergency = WithAftercare().Edit("aid.yaml", "    kind: emergency\n", "    kind: call\n");
        Assert.Single(Of(noEmergency, FindingCodes.AftercareNoEmergency));
        using var unknownKind = WithAftercare().Edit("aid.yaml", "    kind: expect\n", "    kind: maybe\n");
        Assert.Contains(unknownKind.Load().LoadFindings, f => f.Code == FindingCodes.WrongType && f.Message.Contains("'maybe'", StringComparison.Ordinal));
    }

    /// <summary>The fixture with a fever item whose threshold lives in aid.yaml and is named in both languages.</summary>
    private static FixtureLibrary WithFever() => WithAftercare()
        .Edit("aid.yaml", "  - id: breathing\n", "  - id: fever\n    kind: call\n    numbers: {celsius: 38, fahrenheit: 100.4}\n    sources: [S1]\n  - id: breathing\n")
        .Edit("en.yaml", "  breathing:", "  fever: Call us if your fever is more than {celsius} °C ({fahrenheit} °F).\n  breathing:")
        .Edit("es.yaml", "  breathing:", "  fever: Llame si la fiebre es de más de {celsius} °C ({fahrenheit} °F).\n  breathing:");

    [Fact]
    public void Aftercare_numbers_live_in_aid_yaml_and_fill_every_language()
    {
        using var fixture = WithFever();
        var aid = Assert.Single(fixture.Load().Aids);
        Assert.Equal(38m, aid.Aftercare.Single(a => a.Id == "fever").Numbers["celsius"]);
        Assert.Equal("Call us if your fever is more than 38 °C (100.4 °F).", aid.Texts["en"].Aftercare["fever"].Value);
        Assert.Equal("Llame si la fiebre es de más de 38 °C (100.4 °F).", aid.Texts["es"].Aftercare["fever"].Value);
        Assert.DoesNotContain(fixture.Findings(), f => f.Code.StartsWith("CARE", StringComparison.Ordinal) || f.Code.StartsWith("LOAD", StringComparison.Ordinal)
            || f.Code.StartsWith("PARITY", StringComparison.Ordinal));
    }

    [Fact]
    public void A_typed_aftercare_number_or_one_a_language_never_says_is_a_finding()
    {
        using var typed = WithFever().Edit("es.yaml", "({fahrenheit} °F)", "({fahrenheit} °F) o 39 °C");
        var finding = Assert.Single(typed.Load().LoadFindings, f => f.Code == FindingCodes.AftercareNumberTyped);
        Assert.Contains("Spanish text of aftercare item 'fever' types a number", finding.Message, StringComparison.Ordinal);
        Assert.Equal("content/mini/es.yaml", finding.Location.Path);

        using var unused = WithFever().Edit("en.yaml", " ({fahrenheit} °F)", "");
        var missing = Assert.Single(unused.Load().LoadFindings, f => f.Code == FindingCodes.AftercareNumberUnused);
        Assert.Contains("English text of aftercare item 'fever' never says {fahrenheit} (100.4)", missing.Message, StringComparison.Ordinal);

        using var digitInName = WithFever().Edit("aid.yaml", "numbers: {celsius: 38,", "numbers: {celsius2: 38,")
            .Edit("en.yaml", "{celsius} °C", "{celsius2} °C").Edit("es.yaml", "{celsius} °C", "{celsius2} °C");
        Assert.DoesNotContain(digitInName.Load().LoadFindings, f => f.Code.StartsWith("CARE", StringComparison.Ordinal));

        using var unknown = WithFever().Edit("en.yaml", "{celsius} °C", "{celcius} °C");
        Assert.Contains(unknown.Load().LoadFindings, f => f.Code == FindingCodes.UnknownPlaceholder && f.Message.Contains("'{celcius}'", StringComparison.Ordinal));
    }
}
