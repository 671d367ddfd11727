using DecisionAid.Core.Checks;
using DecisionAid.Core.Content;
using DecisionAid.Core.Readability;

namespace DecisionAid.Core.Tests.Readability;

/// <summary>Chinese: sentences end at full-width marks without spaces, and are counted in characters (docs/readability.md).</summary>
public sealed class ChineseReadabilityTests
{
    [Fact]
    public void Sentences_end_at_full_width_marks_with_no_space_after_them()
    {
        var sentences = SentenceSplitter.Split("神经把痛的信号传到大脑。毁掉神经后，它就不再传信号！您想试试吗？先问医生；再决定。");
        Assert.Equal(["神经把痛的信号传到大脑。", "毁掉神经后，它就不再传信号！", "您想试试吗？", "先问医生；", "再决定。"], sentences);
    }

    [Fact]
    public void A_closing_quote_or_bracket_stays_with_its_sentence()
    {
        Assert.Equal(["他说：“好。”", "（这是真的。）"], SentenceSplitter.Split("他说：“好。”（这是真的。）"));
    }

    [Fact]
    public void Characters_are_counted_without_digits_latin_letters_or_punctuation()
    {
        var score = TextReadability.ScoreSentence("大约每1000人中有1人会出血（CT）。", "zh");
        Assert.Equal(1, score.Sentences);
        Assert.Equal(10, score.Words); // 大 约 每 人 中 有 人 会 出 血
    }

    [Fact]
    public void Sentences_per_100_characters_follow_wang_2020()
    {
        var score = TextReadability.Score("您好。我们开始吧。今天天气很好，我们去公园散步吧。", "zh");
        Assert.Equal(3, score.Sentences);
        Assert.Equal(2 + 5 + 14, score.Words);
        Assert.Equal(100.0 * 3 / 21, score.SentencesPer100Words, 6);
    }

    [Fact]
    public void A_chinese_sentence_over_the_limit_is_too_hard_and_a_short_one_is_not()
    {
        var longSentence = "如果您在做完这个治疗以后的几天里面发现伤口一直在流血而且怎么按都按不住的话请马上打电话。";
        Assert.Single(PlainSentences.TooHard(longSentence, "zh"));
        Assert.Empty(PlainSentences.TooHard("如果伤口一直流血，请马上打电话。", "zh"));
    }

    [Fact]
    public void A_chance_is_said_the_chinese_way_with_its_noun()
    {
        var zh = Languages.Get("zh");
        Assert.Equal("每1000人中有1人", zh.Chance(new Frequency(1, 1000)));
        Assert.Equal("每100人中有70到90人", zh.Chance(new Frequency(70, 100, 90)));
        Assert.Equal("每1000次治疗中有56次治疗", zh.Chance(new Frequency(56, 1000), "次治疗"));
        Assert.Equal("每10000人中有3人", zh.Chance(new Frequency(3, 10000)));
        Assert.Matches(zh.ChancePattern, "大约每1000人中有2人会出血。");
        Assert.Equal([1000m, 2m], zh.Numbers("大约每1000人中有2人").Order().Reverse());
    }

    [Fact]
    public void English_and_spanish_say_chances_as_before()
    {
        Assert.Equal("1 in 1,000", Languages.Get("en").Chance(new Frequency(1, 1000)));
        Assert.Equal("70 to 90 in 100", Languages.Get("en").Chance(new Frequency(70, 100, 90)));
        Assert.Equal("1 de cada 1000", Languages.Get("es").Chance(new Frequency(1, 1000)));
        Assert.Equal("3 de cada 10\u00a0000", Languages.Get("es").Chance(new Frequency(3, 10000)));
        Assert.Equal("1 in 1,000 people", Languages.Get("en").Caption(new Frequency(1, 1000)));
        Assert.Equal("每1000人中有1人", Languages.Get("zh").Caption(new Frequency(1, 1000)));
    }
}
