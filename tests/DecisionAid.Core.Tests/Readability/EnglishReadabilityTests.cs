using DecisionAid.Core.Readability;

namespace DecisionAid.Core.Tests.Readability;

public class EnglishReadabilityTests
{
    [Fact]
    public void Scores_a_passage_from_hand_counted_totals()
    {
        // Hand count: 3 sentences, 19 words, 24 syllables; polysyllables: "procedure" (3), "medicine" (3).
        // "A nurse cleans your skin." = 1+1+1+1+1 = 5 words, 5 syllables
        // "The doctor numbs it with medicine." = 1+2+1+1+1+3 = 6 words, 9 syllables
        // "The procedure takes about one hour." = 1+3+1+2+1+1... = 6 words, 9 syllables (hour 1)
        // Corrected totals: words 5+6+6 = 17, syllables 5+9+9 = 23.
        var score = EnglishReadability.Score("A nurse cleans your skin. The doctor numbs it with medicine. The procedure takes about one hour.");
        Assert.Equal(3, score.Sentences);
        Assert.Equal(17, score.Words);
        Assert.Equal(23, score.Syllables);
        Assert.Equal(2, score.Polysyllables);
        // FK = 0.39 * 17/3 + 11.8 * 23/17 - 15.59
        Assert.Equal((0.39 * 17 / 3) + (11.8 * 23 / 17) - 15.59, score.FleschKincaidGrade, 6);
        Assert.Equal(206.835 - (1.015 * 17 / 3) - (84.6 * 23 / 17), score.FleschReadingEase, 6);
        Assert.Equal((1.043 * Math.Sqrt(2 * 30.0 / 3)) + 3.1291, score.Smog, 6);
    }

    [Fact]
    public void Scores_each_sentence_on_its_own()
    {
        var sentences = EnglishReadability.Sentences("We use heat. Radiofrequency neurolysis permanently interrupts nociceptive transmission.");
        Assert.Equal(2, sentences.Count);
        Assert.True(sentences[0].Score.FleschKincaidGrade < 2);
        Assert.True(sentences[1].Score.FleschKincaidGrade > 8);
    }

    [Fact]
    public void Ignores_markdown_markup_when_counting()
    {
        var plain = EnglishReadability.Score("Call us if you have a fever.");
        var marked = EnglishReadability.Score("Call us if you have a **fever**.");
        Assert.Equal(plain, marked);
    }
}
