namespace Logistics.Optimisation.Stochastic;

/// <summary>How the two-stage plan is solved (docs/analyses.md, "Two-stage plan").</summary>
public enum TwoStageMethod
{
    /// <summary>The extensive form up to <see cref="TwoStageOptimiser.AutoExtensiveMaxDraws"/> draws, the L-shaped method above.</summary>
    Auto,

    /// <summary>One MIP holding every draw's flow model (SCIP).</summary>
    Extensive,

    /// <summary>Multi-cut L-shaped (Benders) decomposition: a SCIP master over the builds, a GLOP model per draw.</summary>
    LShaped,
}
