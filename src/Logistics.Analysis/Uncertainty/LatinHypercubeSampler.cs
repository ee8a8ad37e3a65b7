using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Random;
using MathNet.Numerics.Statistics;

namespace Logistics.Analysis.Uncertainty;

/// <summary>
/// Latin hypercube sampling (McKay, Beckman and Conover 1979) with rank correlations induced by Iman and Conover
/// (1982). Each column's n values are one from each of n equal-probability strata, in a random order, mapped through
/// the seed's inverse CDF; correlated columns are then reordered (never changed), so every marginal stays exactly as
/// sampled. One Mersenne Twister seeded by the caller drives everything, in one fixed order on one thread: the sample
/// depends on the seed alone, never on how many solves run at once.
/// </summary>
public static class LatinHypercubeSampler
{
    /// <summary>values[draw][column] for <paramref name="draws"/> draws of <paramref name="seeds"/>.</summary>
    public static double[][] Sample(IReadOnlyList<UncertainSeed> seeds, IReadOnlyList<CorrelatedColumns> groups, int draws, int seed)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentOutOfRangeException.ThrowIfLessThan(draws, 1);
        var random = new MersenneTwister(seed, threadSafe: false);
        var columns = new double[seeds.Count][];
        for (var j = 0; j < seeds.Count; j++)
        {
            var order = Permutation(draws, random);
            columns[j] = new double[draws];
            for (var i = 0; i < draws; i++)
                columns[j][i] = seeds[j].Quantile((order[i] + random.NextDouble()) / draws);
        }

        foreach (var group in groups)
            InduceRankCorrelation(columns, group, random);

        var rows = new double[draws][];
        for (var i = 0; i < draws; i++)
        {
            rows[i] = new double[seeds.Count];
            for (var j = 0; j < seeds.Count; j++)
                rows[i][j] = columns[j][i];
        }

        return rows;
    }

    /// <summary>
    /// Iman–Conover: random orders of van der Waerden scores, decorrelated by their own Cholesky factor and correlated by
    /// the target's, give the ranks the columns are rearranged to. A rank correlation ρ is the Pearson correlation
    /// 2 sin(πρ/6) of normal scores. Needs more draws than columns (the scores' correlation matrix must be invertible);
    /// with fewer the columns stay independent, and the report's achieved correlation shows it.
    /// </summary>
    private static void InduceRankCorrelation(double[][] columns, CorrelatedColumns group, Random random)
    {
        var k = group.Columns.Length;
        var n = columns[group.Columns[0]].Length;
        if (k < 2 || n < k + 2)
            return;
        var scores = Enumerable.Range(1, n).Select(i => Normal.InvCDF(0, 1, i / (n + 1.0))).ToArray();
        var s = Matrix<double>.Build.Dense(n, k);
        for (var c = 0; c < k; c++)
        {
            var order = Permutation(n, random);
            for (var i = 0; i < n; i++)
                s[i, c] = scores[order[i]];
        }

        var pearson = 2 * Math.Sin(Math.PI * group.RankCorrelation / 6);
        var target = Matrix<double>.Build.Dense(k, k, (i, j) => i == j ? 1 : pearson);
        var actual = Correlation.PearsonMatrix(Enumerable.Range(0, k).Select(c => s.Column(c).ToArray()).ToArray());
        var p = target.Cholesky().Factor;
        var q = actual.Cholesky().Factor;
        var t = s * q.Inverse().Transpose() * p.Transpose();
        for (var c = 0; c < k; c++)
        {
            var column = columns[group.Columns[c]];
            var sorted = column.Order().ToArray();
            var ranks = Enumerable.Range(0, n).OrderBy(i => t[i, c]).ToArray();
            for (var r = 0; r < n; r++)
                column[ranks[r]] = sorted[r];
        }
    }

    /// <summary>A uniformly random permutation of 0..n−1 (Fisher–Yates).</summary>
    private static int[] Permutation(int n, Random random)
    {
        var order = Enumerable.Range(0, n).ToArray();
        for (var i = n - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }

        return order;
    }
}
