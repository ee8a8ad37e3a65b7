using System.Collections.Immutable;

using Logistics.Network.Model;

namespace Logistics.Optimisation;

/// <summary>How to solve: backend, limits and threads.</summary>
/// <param name="TimeLimit">Wall-clock limit on the whole solve (model build, solve, extraction, prices); null for none. When it
/// passes the best solution so far is reported with its gap (or "unknown" when no bound was proven), and prices that no
/// longer fit are skipped with a note.</param>
/// <param name="RelativeGap">Relative MIP gap at which the solver may stop; null for <see cref="DefaultRelativeGap"/>.</param>
/// <param name="Threads">Worker threads for backends that use them; 1 keeps runs reproducible.</param>
public sealed record SolverSettings(SolverBackend Backend = SolverBackend.Auto, TimeSpan? TimeLimit = null, double? RelativeGap = null, int Threads = 1)
{
    /// <summary>
    /// 1e-6 rather than OR-Tools' 1e-4: analyses subtract objectives of neighbouring solves (value of an option,
    /// sweeps), and a 0.01% gap on a 100 MUSD/yr objective would be 10 kUSD/yr of noise in those differences.
    /// </summary>
    public const double DefaultRelativeGap = 1e-6;

    /// <summary>
    /// Optional starting values for build decisions (true = built), passed to the backend as a solution hint. It only
    /// speeds the search (analyses hint each solve with a neighbouring answer); it never changes the optimum.
    /// Options not named are left to the solver; options not in the network are ignored.
    /// </summary>
    public ImmutableDictionary<OptionId, bool>? BuildHint { get; init; }

    /// <summary>
    /// Parameters in the backend's own syntax (for SCIP, e.g. <c>limits/solutions = 1</c>), for tuning large instances
    /// and for stopping rules OR-Tools does not wrap. A backend that rejects them makes the solve an <see cref="SolveStatus.Error"/>.
    /// </summary>
    public string? BackendParameters { get; init; }

    /// <summary>
    /// Whether to compute shadow prices (a second model build and an LP). Callers that show or publish them keep the
    /// default; analyses that only compare objectives and builds (value, sweep, resilience, uncertainty draws) turn it off.
    /// </summary>
    public bool ComputePrices { get; init; } = true;

    /// <summary>
    /// Whether a large design model under a time limit may improve its starting plan by MIP neighbourhoods (docs/model.md,
    /// "MIP neighbourhoods"); the CLI's <c>--no-neighbourhood</c> turns it off. Small models never use them.
    /// </summary>
    public bool MipNeighbourhood { get; init; } = true;

    public static SolverSettings Default { get; } = new();
}
