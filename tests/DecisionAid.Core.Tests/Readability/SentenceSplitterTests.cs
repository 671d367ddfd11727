using DecisionAid.Core.Readability;

namespace DecisionAid.Core.Tests.Readability;

public class SentenceSplitterTests
{
    [Fact]
    public void Splits_at_full_stops_question_and_exclamation_marks() =>
        Assert.Equal(["The skin is cleaned.", "Does it hurt?", "Not much!"], SentenceSplitter.Split("The skin is cleaned. Does it hurt? Not much!"));

    [Fact]
    public void Does_not_split_after_titles_or_latin_abbreviations() =>
        Assert.Equal(["Dr. Lee uses cold, e.g. a thin probe.", "It works."], SentenceSplitter.Split("Dr. Lee uses cold, e.g. a thin probe. It works."));

    [Fact]
    public void Does_not_split_inside_decimal_numbers() =>
        Assert.Equal(["It happened in 1.4 in 100 nerves.", "That is rare."], SentenceSplitter.Split("It happened in 1.4 in 100 nerves. That is rare."));

    [Fact]
    public void Does_not_split_after_an_initial() =>
        Assert.Single(SentenceSplitter.Split("A study by J. Smith found this."));

    [Fact]
    public void Keeps_closing_quotes_and_brackets_with_their_sentence() =>
        Assert.Equal(["He said \"stop.\"", "(Then he left.)", "Done."], SentenceSplitter.Split("He said \"stop.\" (Then he left.) Done."));

    [Fact]
    public void Ends_a_sentence_after_the_word_no_and_after_a_single_letter_that_is_not_an_initial()
    {
        Assert.Equal(2, SentenceSplitter.Split("The answer is no. Then we wait.").Count);
        Assert.Equal(2, SentenceSplitter.Split("Take vitamin D. It helps.").Count);
        Assert.Equal(2, SentenceSplitter.Split("You may have hepatitis B. Tell us.").Count);
        Assert.Single(SentenceSplitter.Split("See No. 5 on the list."));
        Assert.Single(SentenceSplitter.Split("John F. Kennedy spoke."));
    }

    [Fact]
    public void Keeps_dotted_initialisms_inside_the_sentence() =>
        Assert.Single(SentenceSplitter.Split("The U.S. Army ran the study."));

    [Fact]
    public void A_line_without_a_full_stop_is_one_sentence() =>
        Assert.Equal(["Bleeding"], SentenceSplitter.Split("Bleeding"));

    [Fact]
    public void Treats_etc_as_an_ending_only_before_a_capital()
    {
        Assert.Single(SentenceSplitter.Split("Heat, cold, etc. can be used."));
        Assert.Equal(2, SentenceSplitter.Split("Use heat, cold, etc. Then rest.").Count);
    }

    [Fact]
    public void Markdown_list_items_and_headings_are_blocks_of_their_own()
    {
        var blocks = MarkdownText.Blocks("# Before\n\nYou will:\n\n- rest\n- drink water\n\nThat is *all*.");
        Assert.Equal(["Before", "You will:", "rest", "drink water", "That is all."], blocks);
    }
}
