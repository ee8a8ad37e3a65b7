using Logistics.Analysis;
using Logistics.Analysis.Uncertainty;

namespace Logistics.Distributed;

/// <summary>
/// Monte Carlo draws in two stages: the central plan (one unit, its builds hint every draw), then one unit per draw
/// of the sample made from the seed, assembled by <see cref="UncertaintyDrawSet.Assemble"/> into the report
/// <c>logistics uncertainty --no-tornado --no-regret</c> gives for the same seed and draws. Every worker makes the same
/// sample from the seed, so a draw's answer does not depend on who solves it.
/// </summary>
public sealed class UncertaintyStudy : IStudyPlan
{
    public static UncertaintyStudy Instance { get; } = new();

    public int? UnitCount(StudyContext study, int stage) => stage switch
    {
        0 => 1,
        1 => Draws(study).Draws,
        _ => null,
    };

    public string RunUnit(StudyContext study, int stage, int unit, SolveScheduler scheduler, CancellationToken cancellationToken) => AnalysisJson.Serialize(stage == 0
        ? Draws(study).SolveCentral(cancellationToken)
        : Draws(study).SolveDraw(unit, Central(study).Result, cancellationToken), includeTimings: true);

    /// <summary>Every draw counts in the report's statistics, so a draw that fails every attempt fails the study, with the reason.</summary>
    public string? Substitute(StudyContext study, int stage, int unit, string reason) =>
        throw new StudyFailedException(stage == 0 ? $"The central plan could not be computed: {reason}" : $"Draw {unit} could not be solved: {reason}");

    public string Assemble(StudyContext study, SolveTally tally)
    {
        var draws = study.Stage<UncertaintyPiece>(1);
        if (draws.IndexOf(null) is var missing and >= 0)
            throw new StudyFailedException($"Draw {missing} has no result; an uncertainty report needs every draw.");
        return AnalysisJson.Serialize(Draws(study).Assemble(Central(study), [.. draws.Select(d => d!)]));
    }

    /// <summary>The request a study stands for: the draws alone (no tornado, regret or two-stage plan).</summary>
    public static UncertaintyRequest Request(StudyDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return new UncertaintyRequest(definition.Draws, definition.Seed, definition.Scenario, Tornado: false, Regret: false);
    }

    private static UncertaintyPiece Central(StudyContext study) =>
        study.Stage<UncertaintyPiece>(0)[0] ?? throw new StudyFailedException("The central plan has no result.");

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
}
