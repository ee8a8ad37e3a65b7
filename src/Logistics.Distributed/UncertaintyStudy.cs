using System.Collections.Immutable;

using Logistics.Analysis;
using Logistics.Analysis.Uncertainty;

namespace Logistics.Distributed;

/// <summary>
/// Monte Carlo draws in three stages: the central plan (one unit, its builds hint every draw and tornado solve), then
/// one unit per draw of the sample made from the seed and one per tornado solve, then one unit per regret evaluation
/// (candidate plan × draw; the candidates are the most frequent optima of the draws). Assembled by
/// <see cref="UncertaintyDrawSet.Assemble"/> into the report <c>logistics uncertainty</c> gives for the same seed, draws
/// and switches. Every worker makes the same sample from the seed, so a draw's answer does not depend on who solves it.
/// </summary>
public sealed class UncertaintyStudy : IStudyPlan
{
    public static UncertaintyStudy Instance { get; } = new();

    public int? UnitCount(StudyContext study, int stage) => stage switch
    {
        0 => 1,
        1 => Draws(study).Draws + Draws(study).TornadoMoves,
        2 => Plans(study).Length * Draws(study).Draws,
        _ => null,
    };

    public string RunUnit(StudyContext study, int stage, int unit, SolveScheduler scheduler, CancellationToken cancellationToken)
    {
        var set = Draws(study);
        return stage switch
        {
            0 => AnalysisJson.Serialize(set.SolveCentral(cancellationToken), includeTimings: true),
            1 when unit < set.Draws => AnalysisJson.Serialize(set.SolveDraw(unit, Central(study).Result, cancellationToken), includeTimings: true),
            1 => AnalysisJson.Serialize(set.SolveTornadoMove(unit - set.Draws, Central(study).Result, cancellationToken), includeTimings: true),
            _ => AnalysisJson.Serialize(set.SolveRegret(Plans(study)[unit / set.Draws], unit % set.Draws, cancellationToken)),
        };
    }

    /// <summary>Every draw and every tornado and regret solve counts in the report, so a unit that fails every attempt fails the study, with the reason.</summary>
    public string? Substitute(StudyContext study, int stage, int unit, string reason) => throw new StudyFailedException(stage switch
    {
        0 => $"The central plan could not be computed: {reason}",
        1 when unit < Draws(study).Draws => $"Draw {unit} could not be solved: {reason}",
        1 => $"Tornado solve {unit - Draws(study).Draws} could not be solved: {reason}",
        _ => $"Regret evaluation {unit} (plan {unit / Draws(study).Draws}, draw {unit % Draws(study).Draws}) could not be solved: {reason}",
    });

    public string Assemble(StudyContext study, SolveTally tally)
    {
        var set = Draws(study);
        var second = Pieces(study, 1);
        var regret = study.EarlierStages.Length > 2 ? study.Stage<RegretPiece>(2) : [];
        if (regret.IndexOf(null) is var missing and >= 0)
            throw new StudyFailedException($"Regret evaluation {missing} has no result; the regret table needs every one.");
        return AnalysisJson.Serialize(set.Assemble(Central(study), [.. second.Take(set.Draws)], [.. second.Skip(set.Draws)], [.. regret.Select(r => r!)]));
    }

    /// <summary>The request a study stands for: its draws, seed and scenario, with the tornado and regret as asked (never the two-stage plan).</summary>
    public static UncertaintyRequest Request(StudyDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var request = new UncertaintyRequest(definition.Draws, definition.Seed, definition.Scenario, definition.Tornado, definition.Regret);
        return definition.MaxCandidatePlans > 0 ? request with { MaxCandidatePlans = definition.MaxCandidatePlans } : request;
    }

    private static UncertaintyPiece Central(StudyContext study) =>
        study.Stage<UncertaintyPiece>(0)[0] ?? throw new StudyFailedException("The central plan has no result.");

    private static ImmutableArray<UncertaintyPiece> Pieces(StudyContext study, int stage)
    {
        var pieces = study.Stage<UncertaintyPiece>(stage);
        if (pieces.IndexOf(null) is var missing and >= 0)
            throw new StudyFailedException($"Unit {missing} of stage {stage} has no result; an uncertainty report needs every draw and tornado solve.");
        return [.. pieces.Select(p => p!)];
    }

    /// <summary>The regret's candidate plans, chosen from the draws (stage 1), once per worker and study stage.</summary>
    private static ImmutableArray<ImmutableArray<PlannedBuild>> Plans(StudyContext study) => study.Cached("plans", () =>
    {
        var set = Draws(study);
        return new Holder(set.CandidatePlans(Central(study), [.. Pieces(study, 1).Take(set.Draws)]));
    }).Value;

    /// <summary>The bound network, its uncertainty space and the seeded sample, made once per worker and study stage.</summary>
    private static UncertaintyDrawSet Draws(StudyContext study) => study.Cached("draws", () =>
    {
        try
        {
            return UncertaintyDrawSet.Prepare(study.Source, Request(study.Definition), study.Settings);
        }
        catch (AnalysisInputException ex)
        {
            throw new StudyFailedException(ex.Message);
        }
    });

    private sealed record Holder(ImmutableArray<ImmutableArray<PlannedBuild>> Value);
}
