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
