using DecisionAid.Core.Readability;

namespace DecisionAid.Core.Tests.Readability;

public class EnglishSyllablesTests
{
    // Hand-counted, checked against the CMU Pronouncing Dictionary.
    [Theory]
    [InlineData("the", 1)]
    [InlineData("make", 1)]
    [InlineData("whole", 1)]
    [InlineData("table", 2)]
    [InlineData("needle", 2)]
    [InlineData("needles", 2)]
    [InlineData("free", 1)]
    [InlineData("value", 2)]
    [InlineData("tissue", 2)]
    [InlineData("makes", 1)]
    [InlineData("types", 1)]
    [InlineData("boxes", 2)]
    [InlineData("places", 2)]
    [InlineData("changes", 2)]
    [InlineData("uses", 2)]
    [InlineData("nerves", 1)]
    [InlineData("medicines", 3)]
    [InlineData("numbed", 1)]
    [InlineData("cleaned", 1)]
    [InlineData("used", 1)]
    [InlineData("treated", 2)]
    [InlineData("needed", 2)]
    [InlineData("injected", 3)]
    [InlineData("destroyed", 2)]
    [InlineData("collapsed", 2)]
    [InlineData("carried", 2)]
    [InlineData("body", 2)]
    [InlineData("they", 1)]
    [InlineData("you", 1)]
    [InlineData("beyond", 2)]
    [InlineData("being", 2)]
    [InlineData("going", 2)]
    [InlineData("saying", 2)]
    [InlineData("lying", 2)]
    [InlineData("media", 3)]
    [InlineData("trial", 2)]
    [InlineData("special", 2)]
    [InlineData("physician", 3)]
    [InlineData("radio", 3)]
    [InlineData("nation", 2)]
    [InlineData("serious", 3)]
    [InlineData("anxious", 2)]
    [InlineData("usual", 3)]
    [InlineData("usually", 4)]
    [InlineData("quality", 3)]
    [InlineData("language", 2)]
    [InlineData("video", 3)]
    [InlineData("fluid", 2)]
    [InlineData("diet", 2)]
    [InlineData("quiet", 2)]
    [InlineData("easier", 3)]
    [InlineData("experience", 4)]
    [InlineData("continuous", 4)]
    [InlineData("idea", 3)]
    [InlineData("area", 3)]
    [InlineData("areas", 3)]
    [InlineData("diarrhea", 4)]
    [InlineData("people", 2)]
    [InlineData("likely", 2)]
    [InlineData("completely", 3)]
    [InlineData("safely", 2)]
    [InlineData("only", 2)]
    [InlineData("treatment", 2)]
    [InlineData("numbness", 2)]
    [InlineData("careful", 2)]
    [InlineData("painless", 2)]
    [InlineData("neurolysis", 4)]
    [InlineData("radiofrequency", 6)]
    [InlineData("cryoneurolysis", 6)]
    [InlineData("celiac", 3)]
    [InlineData("intercostal", 4)]
    [InlineData("genicular", 4)]
    [InlineData("anesthetic", 4)]
    [InlineData("pneumothorax", 4)]
    [InlineData("lidocaine", 3)]
    [InlineData("steroid", 2)]
    [InlineData("opioid", 3)]
    [InlineData("procedure", 3)]
    [InlineData("procedures", 3)]
    [InlineData("alternatives", 4)]
    [InlineData("acupuncture", 4)]
    [InlineData("meditation", 4)]
    [InlineData("paralysis", 4)]
    [InlineData("pressure", 2)]
    [InlineData("diabetes", 4)]
    [InlineData("because", 2)]
    [InlineData("bandage", 2)]
    [InlineData("images", 3)]
    [InlineData("guide", 1)]
    [InlineData("muscles", 2)]
    [InlineData("spasm", 2)]
    [InlineData("reuse", 2)]
    [InlineData("reopen", 3)]
    [InlineData("reason", 2)]
    [InlineData("ready", 2)]
    [InlineData("reading", 2)]
    [InlineData("reach", 1)]
    [InlineData("death", 1)]
    [InlineData("deals", 1)]
    [InlineData("hundred", 2)]
    [InlineData("element", 3)]
    [InlineData("bruise", 1)]
    public void Counts_the_syllables_a_dictionary_gives(string word, int syllables) =>
        Assert.Equal(syllables, EnglishSyllables.Count(word));

    [Theory]
    [InlineData("1,000", 3)]   // one thousand
    [InlineData("1000", 3)]
    [InlineData("1", 1)]
    [InlineData("7", 2)]       // sev-en
    [InlineData("14", 2)]      // four-teen
    [InlineData("24", 3)]      // twen-ty-four
    [InlineData("100", 3)]     // one hun-dred
    [InlineData("1.4", 3)]     // one point four
    [InlineData("38.0", 6)]    // thir-ty-eight point ze-ro
    [InlineData("44%", 5)]     // for-ty-four per-cent
    [InlineData("1995", 5)]    // nine-teen nine-ty-five
    [InlineData("2nd", 2)]     // sec-ond
    [InlineData("911", 3)]     // nine one one
    [InlineData("B12", 2)]     // bee twelve
    [InlineData("HEY1122", 9)] // aitch-ee-why eleven twenty-two
    [InlineData("1,020", 5)]   // one thou-sand twen-ty
    public void Counts_numbers_as_they_are_said(string number, int syllables) =>
        Assert.Equal(syllables, EnglishSyllables.Count(number));

    [Theory]
    [InlineData("CT", 2)]           // see-tee
    [InlineData("MRI", 3)]
    [InlineData("WHO", 5)]          // dub-ble-you aitch oh
    [InlineData("e.g.", 2)]
    [InlineData("Dr.", 2)]          // doc-tor
    [InlineData("etc.", 4)]         // et cet-er-a
    [InlineData("it.", 1)]          // a sentence's full stop is not a dotted abbreviation
    [InlineData("doesn't", 2)]
    [InlineData("isn't", 2)]
    [InlineData("couldn’t", 2)]
    [InlineData("don't", 1)]
    [InlineData("can't", 1)]
    public void Says_abbreviations_as_they_are_read(string abbreviation, int syllables) =>
        Assert.Equal(syllables, EnglishSyllables.Count(abbreviation));

    [Theory]
    [InlineData("x-ray", 2)]
    [InlineData("sunburn-like", 3)]
    [InlineData("long-lasting", 3)]
    [InlineData("and/or", 2)]
    public void Adds_up_the_parts_of_hyphenated_words(string word, int syllables) =>
        Assert.Equal(syllables, EnglishSyllables.Count(word));
}
