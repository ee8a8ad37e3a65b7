using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;

namespace Logistics.Analysis.Uncertainty;

/// <summary>Summaries of a sample that the uncertainty report prints: quantiles, means with confidence intervals, Wilson intervals for shares.</summary>
public static class SampleStatistics
{
    /// <summary>z of a two-sided 95% interval.</summary>
    public static readonly double Z95 = Normal.InvCDF(0, 1, 0.975);

    /// <summary>The q-quantile (0 ≤ q ≤ 1) of an already sorted sample, interpolated as R's and Excel's default (type 7).</summary>
    public static double Quantile(double[] sorted, double q) =>
        sorted.Length == 0 ? double.NaN : SortedArrayStatistics.QuantileCustom(sorted, q, QuantileDefinition.R7);

    /// <summary>Half the width of the 95% confidence interval of the mean (normal approximation; 0 for fewer than 2 values).</summary>
    public static double MeanHalfWidth(IReadOnlyList<double> values) =>
        values.Count < 2 ? 0 : Z95 * values.StandardDeviation() / Math.Sqrt(values.Count);

    /// <summary>
    /// Wilson's 95% score interval for a share of <paramref name="successes"/> in <paramref name="trials"/>: unlike the
    /// normal interval it stays inside [0, 1] and is honest at shares near 0 and 1 (Wilson 1927).
    /// </summary>
    public static (double Low, double High) Wilson(int successes, int trials)
    {
        if (trials == 0) return (0, 1);
        var z = Z95;
        var p = (double)successes / trials;
        var denominator = 1 + (z * z / trials);
        var centre = (p + (z * z / (2 * trials))) / denominator;
        var half = z * Math.Sqrt((p * (1 - p) / trials) + (z * z / (4.0 * trials * trials))) / denominator;
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }
}
