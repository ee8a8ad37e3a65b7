using Logistics.Optimisation;

namespace Logistics.Analysis;

/// <summary>How every analysis solves: the solver settings of each solve and how many solves run at once.</summary>
/// <param name="Solver">Settings of each solve. When more than one solve runs at once each is forced to one thread.</param>
/// <param name="Parallelism">Upper bound on concurrent solves (the CLI's <c>--parallel</c>); 1 runs them one after another.</param>
/// <param name="UnshippedPenaltyUsdPerTonne">
/// Penalty per tonne left unshipped when a variant is infeasible and is re-solved allowing unshipped output
/// (docs/analyses.md, "Infeasible variants").
/// </param>
public sealed record AnalysisSettings(SolverSettings Solver, int Parallelism, double UnshippedPenaltyUsdPerTonne = AnalysisSettings.DefaultUnshippedPenaltyUsdPerTonne)
{
    /// <summary>10,000 USD/t: two orders of magnitude above any route's cost per tonne in the default network.</summary>
    public const double DefaultUnshippedPenaltyUsdPerTonne = 10_000;

    /// <summary>The clock every solve times itself with; a report passes its injected one so its timings are reproducible.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>
    /// Solve value's forced variants on models kept across solves and refitted (<see cref="KeptModels"/>);
    /// false builds a model per variant, as before (for measuring: the bench's <c>variants</c> verb).
    /// </summary>
    public bool KeepModels { get; init; } = true;

    /// <summary>Default solver settings, one solve per core.</summary>
    public static AnalysisSettings Default { get; } = new(SolverSettings.Default, Environment.ProcessorCount);
}
