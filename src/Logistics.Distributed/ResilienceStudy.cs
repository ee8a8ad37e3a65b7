using Logistics.Analysis;
using Logistics.Optimisation;

namespace Logistics.Distributed;

/// <summary>
/// N-1 resilience in two stages: the base optimum (one unit), then every outage answer (two per outage: operational,
/// strategic), assembled and ranked by <see cref="ResilienceAnalysis.Assemble"/>.
/// </summary>
public sealed class ResilienceStudy : IStudyPlan
{
    public static ResilienceStudy Instance { get; } = new();

    public int? UnitCount(StudyContext study, int stage) => stage switch
    {
        0 => 1,
        1 => Plan(study).AnswerCount,
        _ => null,
    };

    public string RunUnit(StudyContext study, int stage, int unit, SolveScheduler scheduler, CancellationToken cancellationToken) => stage == 0
        ? AnalysisJson.Serialize(scheduler.Solve(new SolveJob(study.Network()), cancellationToken), includeTimings: true)
        : AnalysisJson.Serialize(ResilienceAnalysis.Answer(Plan(study), unit, scheduler, study.Settings, cancellationToken), includeTimings: true);

    public string? Substitute(StudyContext study, int stage, int unit, string reason) => stage == 0
        ? throw new StudyFailedException($"The base optimum could not be computed: {reason}")
        : AnalysisJson.Serialize(new OutageAnswer(SolveStatus.Error, null, null, 0, [], false, []), includeTimings: true);

    public string Assemble(StudyContext study, SolveTally tally) =>
        AnalysisJson.Serialize(ResilienceAnalysis.Assemble(Plan(study), [.. study.Stage<OutageAnswer>(1).Select(a => a!)], study.Settings, tally));

    private static ResiliencePlan Plan(StudyContext study) => study.Cached("plan", () =>
    {
        try
        {
            return ResilienceAnalysis.Plan(study.Network(), study.Stage<OptimisationResult>(0)[0]!);
        }
        catch (AnalysisInputException ex)
        {
            throw new StudyFailedException(ex.Message);
        }
    });
}
