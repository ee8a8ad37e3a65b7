using System.Collections.Immutable;
using System.Text.Json.Serialization;

using Logistics.Network.Model;
using Logistics.Optimisation;
using Logistics.Optimisation.Stochastic;

namespace Logistics.Analysis.Uncertainty;

/// <summary>
/// The two-stage stochastic plan (builds first, flows per draw) from the extensive form over <see cref="Draws"/> draws,
/// its value against the central plan (VSS) and the value of perfect information (EVPI), in sample and out of sample.
/// </summary>
/// <param name="RecourseProblemUsd">RP: the extensive form's expected cost (its objective less any CVaR term).</param>
/// <param name="WaitAndSeeUsd">WS: the mean of every draw's own optimum.</param>
/// <param name="CentralPlanExpectedUsd">EEV: the central plan's mean cost on the same draws (null when it is infeasible on some).</param>
/// <param name="VssUsd">EEV − RP: what planning for the spread saves against planning for the centre (≥ 0 in sample).</param>
/// <param name="EvpiUsd">RP − WS: what knowing every figure in advance would be worth.</param>
public sealed record TwoStageReport(
    int Draws,
    int Seed,
    double CvarAlpha,
    double CvarWeight,
    SolveStatus Status,
    string Message,
    ImmutableArray<OptionId> Built,
    double? ObjectiveUsd,
    double? RecourseProblemUsd,
    double? CvarUsd,
    double? WaitAndSeeUsd,
    double? CentralPlanExpectedUsd,
    double? VssUsd,
    double? EvpiUsd,
    int Variables,
    int Constraints,
    OutOfSample? OutOfSample)
{
    /// <summary>Wall time of the extensive form's (or the L-shaped method's) build and solve (left out of the JSON, which is deterministic).</summary>
    [JsonIgnore]
    public TimeSpan ExtensiveFormTime { get; init; }

    /// <summary>How the plan was solved (never <see cref="TwoStageMethod.Auto"/>: the method auto chose).</summary>
    public TwoStageMethod Method { get; init; } = TwoStageMethod.Extensive;

    /// <summary>Master solves of the L-shaped method; 0 for the extensive form.</summary>
    public int Iterations { get; init; }

    /// <summary>Optimality cuts of the L-shaped method.</summary>
    public int OptimalityCuts { get; init; }

    /// <summary>Feasibility cuts of the L-shaped method.</summary>
    public int FeasibilityCuts { get; init; }
}
