using Logistics.Network.IO;
using Logistics.Network.Model;

using MathNet.Numerics.Distributions;

namespace Logistics.Analysis.Uncertainty;

/// <summary>
/// A seed the uncertainty analysis varies: its register range as a probability distribution (docs/analyses.md,
/// "Uncertainty"). Quantiles come from MathNet.Numerics' inverse CDFs, so Latin hypercube strata map to values exactly.
/// </summary>
public sealed class UncertainSeed
{
    /// <summary>z of the 95th percentile of the standard normal: a lognormal seed's low and high are its P5 and P95.</summary>
    private static readonly double Z95 = Normal.InvCDF(0, 1, 0.95);

    private readonly Func<double, double> _quantile;

    public UncertainSeed(SeedId id, SeedDistribution distribution, double low, double central, double high, string unit)
    {
        if (!(low < high) || !double.IsFinite(low) || !double.IsFinite(high))
            throw new ArgumentException($"Seed '{id}' needs a range low < high to be sampled.", nameof(low));
        Id = id;
        Distribution = distribution;
        Low = low;
        Central = central;
        High = high;
        Unit = unit;
        var mode = Math.Clamp(central, low, high);
        _quantile = distribution switch
        {
            SeedDistribution.Uniform => p => ContinuousUniform.InvCDF(low, high, p),
            SeedDistribution.Pert => BetaScaled.PERT(low, high, mode, null).InverseCumulativeDistribution,
            SeedDistribution.Lognormal => LognormalQuantile(low, high),
            SeedDistribution.Fixed => _ => central,
            _ => p => Triangular.InvCDF(low, high, mode, p),
        };
    }

    public SeedId Id { get; }

    public SeedDistribution Distribution { get; }

    public double Low { get; }

    /// <summary>The register's value: what every figure citing the seed is at in the central network.</summary>
    public double Central { get; }

    public double High { get; }

    public string Unit { get; }

    /// <summary>The value below which a share <paramref name="p"/> of draws fall (0 &lt; p &lt; 1).</summary>
    public double Quantile(double p) => _quantile(p);

    /// <summary>The seed as the register holds it, or null when it cannot be sampled (no range, or fixed).</summary>
    public static UncertainSeed? From(Seed seed)
    {
        ArgumentNullException.ThrowIfNull(seed);
        if (seed.Low is not { } low || seed.High is not { } high || !(low < high) || seed.Distribution == SeedDistribution.Fixed)
            return null;
        if (seed.Distribution == SeedDistribution.Lognormal && !(low > 0))
            return null;
        return new UncertainSeed(seed.Id, seed.Distribution, low, seed.Value ?? (low + high) / 2, high, seed.Unit);
    }

    private static Func<double, double> LognormalQuantile(double low, double high)
    {
        var mu = (Math.Log(low) + Math.Log(high)) / 2;
        var sigma = (Math.Log(high) - Math.Log(low)) / (2 * Z95);
        return p => LogNormal.InvCDF(mu, sigma, p);
    }
}
