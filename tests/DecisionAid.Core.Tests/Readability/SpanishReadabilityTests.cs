using DecisionAid.Core.Readability;

namespace DecisionAid.Core.Tests.Readability;

public class SpanishReadabilityTests
{
    // Hand-counted by the RAE rules: diphthongs (ai-re), hiatus of two strong vowels (le-er) or an accented weak
    // vowel (rí-o), triphthongs (buey), the silent u of que/gui, and final y (hoy).
    [Theory]
    [InlineData("casa", 2)]
    [InlineData("árbol", 2)]
    [InlineData("aire", 2)]
    [InlineData("puerta", 2)]
    [InlineData("ciudad", 2)]
    [InlineData("cuidado", 3)]
    [InlineData("río", 2)]
    [InlineData("país", 2)]
    [InlineData("baúl", 2)]
    [InlineData("maíz", 2)]
    [InlineData("oído", 3)]
    [InlineData("leer", 2)]
    [InlineData("poeta", 3)]
    [InlineData("aéreo", 4)]
    [InlineData("guerra", 2)]
    [InlineData("guitarra", 3)]
    [InlineData("queso", 2)]
    [InlineData("pingüino", 3)]
    [InlineData("buey", 1)]
    [InlineData("hoy", 1)]
    [InlineData("muy", 1)]
    [InlineData("y", 1)]
    [InlineData("mayo", 2)]
    [InlineData("ahora", 3)]
    [InlineData("medicina", 4)]
    [InlineData("neurólisis", 4)]
    [InlineData("anestesia", 4)]
    [InlineData("bloqueo", 3)]
    [InlineData("infección", 3)]
    [InlineData("diarrea", 3)]    // dia-rre-a
    [InlineData("tratamiento", 4)]
    [InlineData("veintiuno", 3)]
    [InlineData("Raúl", 2)]
    [InlineData("¿Duele?", 2)]
    public void Counts_syllables_by_the_rules_of_spanish_spelling(string word, int syllables) =>
        Assert.Equal(syllables, SpanishSyllables.Count(word));

    [Theory]
    [InlineData("1000", 1)]   // mil
    [InlineData("100", 1)]    // cien
    [InlineData("960", 7)]    // no-ve-cien-tos se-sen-ta
    [InlineData("56", 5)]     // cin-cuen-ta y seis
    [InlineData("16", 3)]     // die-ci-séis
    [InlineData("2", 1)]      // dos
    [InlineData("1,5", 6)]    // u-no co-ma cin-co
    [InlineData("10 000", 3)] // diez mil
    [InlineData("50%", 6)]    // cin-cuen-ta por cien-to
    public void Counts_numbers_as_they_are_said_in_spanish(string number, int syllables) =>
        Assert.Equal(syllables, SpanishSyllables.Count(number));

    [Fact]
    public void Scores_a_passage_on_the_inflesz_and_fernandez_huerta_scales()
    {
        // "La piel se limpia." = la(1) piel(1) se(1) lim-pia(2) = 4 words, 5 syllables
        // "¿Le duele mucho?" = le(1) due-le(2) mu-cho(2) = 3 words, 5 syllables
        // Totals: 2 sentences, 7 words, 10 syllables.
        var score = TextReadability.Score("La piel se limpia. ¿Le duele mucho?", "es");
        Assert.Equal(2, score.Sentences);
        Assert.Equal(7, score.Words);
        Assert.Equal(10, score.Syllables);
        Assert.Equal(206.835 - (62.3 * 10 / 7) - (7 / 2.0), score.Szigriszt, 6);
        Assert.Equal(206.84 - (60.0 * 10 / 7) - (1.02 * 7 / 2), score.FernandezHuerta, 6);
    }

    [Fact]
    public void Splits_spanish_sentences_with_opening_marks_and_abbreviations()
    {
        Assert.Equal(["¿Le duele?", "Llame a la Dra. Ruiz, p. ej. hoy."], SentenceSplitter.Split("¿Le duele? Llame a la Dra. Ruiz, p. ej. hoy."));
        Assert.Equal(2, SentenceSplitter.Split("Es raro. ¡Pero pasa!").Count);
    }
}
