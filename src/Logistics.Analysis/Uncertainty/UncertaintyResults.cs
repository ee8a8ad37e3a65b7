using System.Collections.Immutable;
using System.Text.Json.Serialization;

using Logistics.Network.IO;
using Logistics.Network.Model;
using Logistics.Optimisation;
using Logistics.Optimisation.Stochastic;

namespace Logistics.Analysis.Uncertainty;

/// <summary>What to sample and which parts of the analysis to run (<c>logistics uncertainty</c>).</summary>
/// <param name="Draws">Number of Latin hypercube draws, each solved to optimality.</param>
/// <param name="Seed">Seed of the random number generator: the same seed gives the same draws and the same report.</param>
/// <param name="Tornado">Also solve every seed at its low and its high (and each correlation group as a whole).</param>
/// <param name="Regret">Also fix each distinct optimal plan's builds and evaluate it on every draw.</param>
/// <param name="TwoStageDraws">Draws of the two-stage stochastic plan's extensive form; 0 skips it.</param>
/// <param name="CvarAlpha">Level α of CVaR in the two-stage objective (the mean of the worst 1 − α of draws).</param>
/// <param name="CvarWeight">Weight λ of CVaR in the two-stage objective; 0 for the expected cost alone.</param>
/// <param name="OutOfSampleDraws">Fresh draws on which the two-stage and central plans are evaluated; 0 for none.</param>
/// <param name="MaxCandidatePlans">At most this many distinct plans (the most frequent) are evaluated for regret, with the central plan.</param>
/// <param name="BindEachDraw">Bind every draw from the file's tree (scenario changes, binding, validation) instead of
/// applying its change set to the bound snapshot: slower, the same answers; kept to measure the difference and to test it.</param>
public sealed record UncertaintyRequest(
    int Draws,
    int Seed,
    string? Scenario = null,
    bool Tornado = true,
    bool Regret = true,
    int TwoStageDraws = 0,
    double CvarAlpha = 0.9,
    double CvarWeight = 0,
    int OutOfSampleDraws = 0,
    int MaxCandidatePlans = 8,
    bool BindEachDraw = false)
{
    /// <summary>How the two-stage plan is solved: the extensive form, the L-shaped method, or by the number of draws (<see cref="TwoStageOptimiser.AutoExtensiveMaxDraws"/>).</summary>
    public TwoStageMethod TwoStageMethod { get; init; } = TwoStageMethod.Auto;

    /// <summary>Solve every draw on a model built afresh, as before models were kept across draws: the same answers, slower; for measuring and for the test that pins the two paths together.</summary>
    public bool RebuildEachDraw { get; init; }
}

/// <summary>The uncertainty analysis's answer (docs/analyses.md, "Uncertainty").</summary>
/// <param name="Sampling">How draws were made, in words (for the manifest).</param>
/// <param name="Central">The plan at every seed's central value.</param>
/// <param name="NotVaried">Figures that cite a ranged seed but are derived when binding, so stay at their central value.</param>
/// <param name="Infeasible">Every draw without an optimal plan, with why; they are counted, never dropped.</param>
public sealed record UncertaintyReport(
    string? Scenario,
    int Draws,
    int Seed,
    string Sampling,
    ImmutableArray<SampledSeed> Seeds,
    ImmutableArray<CorrelationCheck> Correlations,
    ImmutableArray<string> NotVaried,
    PlanAtCentre Central,
    CostDistribution Cost,
    ImmutableArray<OptionProbability> Options,
    ImmutableArray<PlanFrequency> Plans,
    ImmutableArray<ShareSummary> PortShares,
    ImmutableArray<ShareSummary> RouteShares,
    ImmutableArray<ConvergencePoint> Convergence,
    ImmutableArray<DrawProblem> Infeasible,
    ImmutableArray<TornadoBar> Tornado,
    RegretTable? Regret,
    TwoStageReport? TwoStage) : IAnalysisReport
{
    public SolveTally Tally { get; init; } = SolveTally.None;

    /// <summary>True for a plan over time: costs are present values in base-year USD, and plans are schedules (each build with its year).</summary>
    public bool OverTime { get; init; }

    /// <summary>Draws and evaluations that could not reuse a kept model and were built afresh (0 when every draw has the central snapshot's shape).</summary>
    public int Rebuilds { get; init; }

    /// <summary>Every draw: sampled seed values and outcome (the CSV of draws; left out of the JSON, which would be large).</summary>
    [JsonIgnore]
    public ImmutableArray<DrawOutcome> DrawOutcomes { get; init; } = [];
}

/// <summary>One seed the draws vary: its distribution and how many figures it moves.</summary>
public sealed record SampledSeed(SeedId Id, SeedDistribution Distribution, double Low, double Central, double High, string Unit, int Figures, string? CorrelationGroup);

/// <summary>A correlation group's target rank correlation and the mean pairwise Spearman correlation the draws achieved.</summary>
public sealed record CorrelationCheck(string Group, ImmutableArray<SeedId> Seeds, double Target, double Achieved);

/// <summary>The central-value plan.</summary>
public sealed record PlanAtCentre(SolveStatus Status, double? ObjectiveUsd, ImmutableArray<OptionId> Built)
{
    /// <summary>The builds with the year each enters service (a plan over time); years are null for a one-period plan.</summary>
    public ImmutableArray<PlannedBuild> Schedule { get; init; } = [];
}

/// <summary>An option a plan builds, and for a plan over time the year it enters service.</summary>
public sealed record PlannedBuild(OptionId Option, int? Year)
{
    public override string ToString() => Year is { } y ? $"{Option} ({y})" : Option.Value;
}

/// <summary>How many solved draws build an option to enter service in a year.</summary>
public sealed record YearCount(int Year, int Count, double Share);

/// <summary>Total cost (USD/yr) over the draws with an optimal plan.</summary>
/// <param name="MeanHalfWidth">Half the width of the 95% confidence interval of the mean.</param>
public sealed record CostDistribution(int Solved, double Mean, double MeanHalfWidth, double StandardDeviation, double Min, double P5, double P50, double P95, double Max);

/// <summary>How often an option is built, with Wilson's 95% interval of the probability.</summary>
public sealed record OptionProbability(OptionId Option, int Built, int Of, double Probability, double Low, double High, bool BuiltAtCentre)
{
    /// <summary>For a plan over time: in how many draws the option enters service in each year (shares of all solved draws).</summary>
    public ImmutableArray<YearCount> ByYear { get; init; } = [];
}

/// <summary>A distinct set of builds and how often it is optimal.</summary>
public sealed record PlanFrequency(ImmutableArray<OptionId> Built, int Count, double Share, double MeanCostUsd, bool IsCentral)
{
    /// <summary>The plan with years (a plan over time: distinct schedules are distinct plans).</summary>
    public ImmutableArray<PlannedBuild> Schedule { get; init; } = [];
}

/// <summary>An element's share of tonnes (ports: of port throughput; routes: of tonnes delivered), mean over solved draws, and how often it is used.</summary>
public sealed record ShareSummary(string Element, double MeanShare, double MeanTonnes, double UsedInShare);

/// <summary>After <see cref="Draws"/> draws: the running mean cost and the half-width of its 95% interval, also relative to the mean.</summary>
public sealed record ConvergencePoint(int Draws, double MeanUsd, double HalfWidthUsd, double RelativeHalfWidth);

/// <summary>A draw without an optimal plan: its index, status and the optimiser's explanation.</summary>
public sealed record DrawProblem(int Draw, SolveStatus Status, string Explanation);

/// <summary>One draw: the sampled value of every seed (in the report's seed order) and what the optimum was.</summary>
public sealed record DrawOutcome(int Draw, ImmutableArray<double> Values, SolveStatus Status, double? ObjectiveUsd, ImmutableArray<OptionId> Built)
{
    public ImmutableArray<PlannedBuild> Schedule { get; init; } = [];
}

/// <summary>
/// One bar of the tornado: the seed (or a correlation group, every member together) at its low and at its high, every
/// other seed central. Swing = |cost at high − cost at low|. A group's low and high values are its members' own (null here).
/// </summary>
public sealed record TornadoBar(string Name, bool IsGroup, double? LowValue, double? HighValue, SolveStatus LowStatus, SolveStatus HighStatus,
    double? CostAtLowUsd, double? CostAtHighUsd, double? SwingUsd, ImmutableArray<OptionId> BuiltAtLow, ImmutableArray<OptionId> BuiltAtHigh, bool BuildsChange);

/// <summary>Each candidate plan fixed and evaluated on every draw.</summary>
/// <param name="LeastExpectedCost">The plan with the least mean cost among those that are feasible on every draw.</param>
/// <param name="MinimaxRegret">The plan whose worst regret is least, among those feasible on every draw.</param>
public sealed record RegretTable(ImmutableArray<CandidatePlan> Plans, ImmutableArray<OptionId>? LeastExpectedCost, ImmutableArray<OptionId>? MinimaxRegret, ImmutableArray<OptionId> Central)
{
    /// <summary>The least-expected-cost plan with years (a plan over time can hold one set of builds at different years).</summary>
    public ImmutableArray<PlannedBuild>? LeastExpectedCostSchedule { get; init; }

    public ImmutableArray<PlannedBuild>? MinimaxRegretSchedule { get; init; }

    public ImmutableArray<PlannedBuild> CentralSchedule { get; init; } = [];
}

/// <summary>
/// A plan's builds held fixed on every draw: mean, P90 and worst cost, and regret (its cost less the draw's optimum).
/// Costs are over the draws where it is feasible; <see cref="InfeasibleDraws"/> counts the others.
/// </summary>
public sealed record CandidatePlan(ImmutableArray<OptionId> Built, bool IsCentral, int OptimalIn, int InfeasibleDraws,
    double? MeanCostUsd, double? MeanHalfWidthUsd, double? P90CostUsd, double? WorstCostUsd, double? MeanRegretUsd, double? MaxRegretUsd)
{
    /// <summary>The plan held fixed, with years for a plan over time (each option enters service exactly then).</summary>
    public ImmutableArray<PlannedBuild> Schedule { get; init; } = [];
}

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

/// <summary>Both plans' mean cost on fresh draws with 95% intervals, and the mean of their paired difference.</summary>
public sealed record OutOfSample(int Draws, int Seed, double? StochasticMeanUsd, double? StochasticHalfWidthUsd, int StochasticInfeasible,
    double? CentralMeanUsd, double? CentralHalfWidthUsd, int CentralInfeasible, double? SavingMeanUsd, double? SavingHalfWidthUsd);
