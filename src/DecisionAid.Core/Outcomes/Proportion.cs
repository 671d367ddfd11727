namespace DecisionAid.Core.Outcomes;

/// <summary>
/// A count out of a total, with its 95% Wilson score interval (Wilson 1927): unlike the plain normal interval it
/// stays inside 0 to 1 and behaves at small counts and at 0% or 100%, which a practice's numbers often are.
/// </summary>
public sealed record Proportion(long Count, long Total)
{
    /// <summary>The 97.5th percentile of the standard normal distribution: a two-sided 95% interval.</summary>
    public const double Z = 1.959963984540054;

    public double? Value => Total == 0 ? null : (double)Count / Total;

    public (double Low, double High)? Interval
    {
        get
        {
            if (Total == 0) return null;
            double n = Total, p = (double)Count / Total, z2 = Z * Z;
            var centre = (p + (z2 / (2 * n))) / (1 + (z2 / n));
            var half = Z / (1 + (z2 / n)) * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n)));
            return (Math.Max(0, centre - half), Math.Min(1, centre + half));
        }
    }

    /// <summary>
    /// The difference <c>this - other</c> with Newcombe's hybrid score interval (method 10, 1998), built from the two
    /// Wilson intervals; null when either has no patients.
    /// </summary>
    public (double Difference, double Low, double High)? Minus(Proportion other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (Interval is not var (l1, u1) || other.Interval is not var (l2, u2)) return null;
        double p1 = Value!.Value, p2 = other.Value!.Value, d = p1 - p2;
        return (d, d - Math.Sqrt(((p1 - l1) * (p1 - l1)) + ((u2 - p2) * (u2 - p2))), d + Math.Sqrt(((u1 - p1) * (u1 - p1)) + ((p2 - l2) * (p2 - l2))));
    }
}

/// <summary>A mean of ratings with its 95% interval (t distribution), for 5-point scales.</summary>
public sealed record Mean(double Sum, double SumOfSquares, long Count)
{
    public double? Value => Count == 0 ? null : Sum / Count;

    /// <summary>The sample standard deviation; null below two ratings.</summary>
    public double? StandardDeviation => Count < 2 ? null : Math.Sqrt(Math.Max(0, (SumOfSquares - (Sum * Sum / Count)) / (Count - 1)));

    public (double Low, double High)? Interval
    {
        get
        {
            if (Value is not { } mean || StandardDeviation is not { } sd) return null;
            var half = StudentT.Quantile975(Count - 1) * sd / Math.Sqrt(Count);
            return (mean - half, mean + half);
        }
    }

    /// <summary>The mean of ratings 1, 2, 3... given as how many chose each (index 0 counts the ones).</summary>
    public static Mean OfRatings(IReadOnlyList<long> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return new(counts.Select((n, i) => n * (i + 1.0)).Sum(), counts.Select((n, i) => n * (i + 1.0) * (i + 1.0)).Sum(), counts.Sum());
    }

    public static Mean Of(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        double sum = 0, squares = 0;
        long count = 0;
        foreach (var v in values)
        {
            sum += v;
            squares += v * v;
            count++;
        }
        return new Mean(sum, squares, count);
    }
}

/// <summary>The two-sided 95% point of Student's t; tabulated up to 30 degrees of freedom, then the normal value with Cornish-Fisher terms.</summary>
public static class StudentT
{
    private static readonly double[] Table =
    [
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145, 2.131,
        2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
    ];

    public static double Quantile975(long degreesOfFreedom)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(degreesOfFreedom, 1);
        if (degreesOfFreedom <= Table.Length) return Table[degreesOfFreedom - 1];
        double z = Proportion.Z, n = degreesOfFreedom, z3 = z * z * z, z5 = z3 * z * z;
        return z + ((z3 + z) / (4 * n)) + (((5 * z5) + (16 * z3) + (3 * z)) / (96 * n * n));
    }
}
