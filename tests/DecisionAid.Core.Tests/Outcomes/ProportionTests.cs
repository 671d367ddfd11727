using DecisionAid.Core.Outcomes;

namespace DecisionAid.Core.Tests.Outcomes;

public sealed class ProportionTests
{
    // Reference values: Newcombe RG. Two-sided confidence intervals for the single proportion: comparison of
    // seven methods. Stat Med 1998;17:857-872, table II (Wilson score method, without continuity correction).
    [Theory]
    [InlineData(81, 263, 0.2553, 0.3662)]
    [InlineData(15, 148, 0.0624, 0.1605)]
    [InlineData(0, 20, 0.0, 0.1611)]
    [InlineData(1, 29, 0.0061, 0.1718)]
    [InlineData(29, 29, 0.8830, 1.0)]
    public void Wilson_intervals_match_Newcombes_published_values(long count, long total, double low, double high)
    {
        var (l, h) = new Proportion(count, total).Interval!.Value;
        Assert.Equal(low, l, 0.0001);
        Assert.Equal(high, h, 0.0001);
    }

    // Newcombe RG. Interval estimation for the difference between independent proportions. Stat Med 1998;17:873-890,
    // table II, example (a) 56/70 - 48/80, method 10: 0.0524 to 0.3339.
    [Fact]
    public void The_difference_of_two_proportions_has_Newcombes_hybrid_score_interval()
    {
        var (d, low, high) = new Proportion(56, 70).Minus(new Proportion(48, 80))!.Value;
        Assert.Equal(0.2, d, 0.0001);
        Assert.Equal(0.0524, low, 0.0001);
        Assert.Equal(0.3339, high, 0.0001);
    }

    [Fact]
    public void No_patients_means_no_value_and_no_interval()
    {
        Assert.Null(new Proportion(0, 0).Value);
        Assert.Null(new Proportion(0, 0).Interval);
        Assert.Null(new Proportion(0, 0).Minus(new Proportion(1, 2)));
    }

    [Fact]
    public void A_mean_of_ratings_has_a_t_interval()
    {
        var mean = Mean.Of([4, 5, 3, 4, 5]);
        Assert.Equal(4.2, mean.Value!.Value, 1e-9);
        Assert.Equal(0.83666, mean.StandardDeviation!.Value, 0.0001);
        var (low, high) = mean.Interval!.Value; // 4.2 ± 2.776 × 0.83666 / √5
        Assert.Equal(3.161, low, 0.001);
        Assert.Equal(5.239, high, 0.001);
        Assert.Null(Mean.Of([5]).Interval);
        Assert.Equal(1.984, StudentT.Quantile975(100), 0.001);
    }
}
