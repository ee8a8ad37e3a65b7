namespace Logistics.Network.IO;

/// <summary>How the uncertainty analysis samples a seed between its low and high (docs/analyses.md, "Uncertainty").</summary>
public enum SeedDistribution
{
    /// <summary>Triangular on [low, high] with its mode at the value: the default, since the register gives three points.</summary>
    Triangular,

    /// <summary>Every value in [low, high] equally likely: nothing makes the value more likely than the ends.</summary>
    Uniform,

    /// <summary>Beta-PERT on [low, high] with its mode at the value: like triangular, with thinner tails.</summary>
    Pert,

    /// <summary>Lognormal with low and high as its 5th and 95th percentiles: positive, right-skewed, tails beyond the range.</summary>
    Lognormal,

    /// <summary>Never varied: the range is recorded but not believed to vary (or varies with something else).</summary>
    Fixed,
}
