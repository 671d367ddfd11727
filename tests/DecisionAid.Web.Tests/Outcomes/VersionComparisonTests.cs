using DecisionAid.Web.Outcomes;

namespace DecisionAid.Web.Tests.Outcomes;

/// <summary>Versions are compared only with enough patients in each; then the difference comes with its interval.</summary>
public sealed class VersionComparisonTests
{
    private static VersionOutcomes Version(string version, long perfect, long done) => new()
    {
        Language = "en", Version = version, Questions = 6, Scores = new Dictionary<int, long> { [6] = perfect, [3] = done - perfect },
        ByQuestion = [], Satisfaction = [0, 0, 0, 0, 0], Decisions = new Dictionary<string, long>(), Survey = [],
    };

    [Fact]
    public void Below_the_minimum_the_page_says_not_enough_patients_yet()
    {
        var text = OutcomesText.Difference(Version("0.9.0", 5, 19), Version("1.0.0", 15, 25), 20);
        Assert.Equal("not enough patients yet (at least 20 per version; 19 and 25 so far)", text);
    }

    [Fact]
    public void With_enough_patients_the_change_has_a_newcombe_interval()
    {
        // 56/70 against 48/80 (Newcombe 1998, example a): +20.0 points, 95% CI +5.2 to +33.4.
        Assert.Equal("+20.0 points (95% CI +5.2 to +33.4)", OutcomesText.Difference(Version("0.9.0", 48, 80), Version("1.0.0", 56, 70), 20));
    }

    [Fact]
    public void Versions_are_compared_in_order_within_a_language()
    {
        var pairs = OutcomesText.Comparisons([Version("1.10.0", 1, 2), Version("1.9.0", 1, 2), Version("1.2.0", 1, 2)]).Select(p => $"{p.Older.Version}>{p.Newer.Version}");
        Assert.Equal(["1.2.0>1.9.0", "1.9.0>1.10.0"], pairs);
    }
}
