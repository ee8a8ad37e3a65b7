using System.Collections.Immutable;

using Logistics.Analysis;
using Logistics.Optimisation;

namespace Logistics.Distributed;

/// <summary>
/// A sweep in three stages: the first grid point (its builds hint every other solve), the other grid points, then one
/// unit per bracket whose builds differ (its bisection is sequential). Assembled by <see cref="SweepAnalysis.Assemble"/>.
/// </summary>
public sealed class SweepStudy : IStudyPlan
{
    public static SweepStudy Instance { get; } = new();

    public int? UnitCount(StudyContext study, int stage) => stage switch
    {
        0 => 1,
        1 => Plan(study).Values.Length - 1,
        2 => Brackets(study).Length,
        _ => null,
    };

    public string RunUnit(StudyContext study, int stage, int unit, SolveScheduler scheduler, CancellationToken cancellationToken) => stage switch
    {
        0 => AnalysisJson.Serialize(scheduler.Solve(new SolveJob(Plan(study).First), cancellationToken), includeTimings: true),
        1 => AnalysisJson.Serialize(SweepAnalysis.GridPoint(Plan(study), unit + 1, Hint(study), scheduler, cancellationToken), includeTimings: true),
        _ => AnalysisJson.Serialize(SweepAnalysis.Bisect(Plan(study), Brackets(study)[unit], scheduler, cancellationToken), includeTimings: true),
    };

    /// <summary>A failed grid point shows as an error point (no bracket forms next to it); a failed bisection leaves its switching point out.</summary>
    public string? Substitute(StudyContext study, int stage, int unit, string reason) => stage switch
    {
        0 => throw new StudyFailedException($"The sweep's first point could not be solved: {reason}"),
        1 => AnalysisJson.Serialize(new SweepPoint(Plan(study).Values[unit + 1], SolveStatus.Error, null, [], []), includeTimings: true),
        _ => null,
    };

    public string Assemble(StudyContext study, SolveTally tally)
    {
        var switches = study.EarlierStages.Length > 2 ? study.Stage<SwitchingPoint>(2).OfType<SwitchingPoint>().ToList() : [];
        return AnalysisJson.Serialize(SweepAnalysis.Assemble(Plan(study), Points(study), switches, tally));
    }

    private static SweepPlan Plan(StudyContext study) => study.Cached("plan", () =>
    {
        var request = study.Definition.Sweep ?? throw new StudyFailedException("A sweep study needs a sweep request.");
        try
        {
            return SweepAnalysis.Plan(study.Source, request);
        }
        catch (AnalysisInputException ex)
        {
            throw new StudyFailedException(ex.Message);
        }
    });

    private static OptimisationResult First(StudyContext study) => study.Stage<OptimisationResult>(0)[0]!;

    private static ImmutableDictionary<Network.Model.OptionId, bool>? Hint(StudyContext study) =>
        study.Cached("hint", () => new Holder(Outcomes.Hint(First(study)))).Value;

    private static ImmutableArray<SweepPoint> Points(StudyContext study) => study.Cached("points", () =>
        new Holder<ImmutableArray<SweepPoint>>([SweepAnalysis.FirstPoint(Plan(study), First(study)), .. study.Stage<SweepPoint>(1).Select(p => p!)])).Value;

    private static ImmutableArray<SweepBracket> Brackets(StudyContext study) => study.Cached("brackets", () =>
        new Holder<ImmutableArray<SweepBracket>>(SweepAnalysis.Brackets(Points(study)))).Value;

    private sealed record Holder(ImmutableDictionary<Network.Model.OptionId, bool>? Value);

    private sealed record Holder<T>(T Value);
}
