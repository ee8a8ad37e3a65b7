using Logistics.Analysis;
using Logistics.Network.Model;
using Logistics.Optimisation;

namespace Logistics.Distributed;

/// <summary>A comparison as one stage: one unit per variant (the base, then each scenario), assembled by <see cref="CompareAnalysis.Assemble"/>.</summary>
public sealed class CompareStudy : IStudyPlan
{
    public static CompareStudy Instance { get; } = new();

    public int? UnitCount(StudyContext study, int stage) => stage == 0 ? CompareAnalysis.Variants(study.Definition.Scenarios).Length : null;

    public string RunUnit(StudyContext study, int stage, int unit, SolveScheduler scheduler, CancellationToken cancellationToken)
    {
        var scenario = CompareAnalysis.Variants(study.Definition.Scenarios)[unit];
        return AnalysisJson.Serialize(CompareAnalysis.SolveVariant(study.Source, scenario, scheduler, study.Settings, cancellationToken), includeTimings: true);
    }

    /// <summary>A failed variant keeps its column, with status error and the reason as its diagnosis (as a scenario that does not load).</summary>
    public string? Substitute(StudyContext study, int stage, int unit, string reason)
    {
        var scenario = CompareAnalysis.Variants(study.Definition.Scenarios)[unit];
        var name = scenario is null ? "Base" : BaseNetwork(study).Scenarios.FirstOrDefault(s => s.Id.Value == scenario)?.Name ?? scenario;
        var message = $"The work item failed: {reason}";
        return AnalysisJson.Serialize(new ScenarioOutcome(scenario, name, SolveStatus.Error, message, null, null, [], [], [], [], [], [], [],
            new OutcomeDiagnosis([message], [], null), null), includeTimings: true);
    }

    public string Assemble(StudyContext study, SolveTally tally)
    {
        var baseNetwork = BaseNetwork(study);
        var outcomes = study.Stage<ScenarioOutcome>(0);
        return AnalysisJson.Serialize(CompareAnalysis.Assemble(baseNetwork, [.. outcomes.Select(o => o!)], tally));
    }

    private static NetworkSnapshot BaseNetwork(StudyContext study) =>
        study.Cached("base", () => study.Source.Bind().Network ?? throw new StudyFailedException("The base network does not load."));
}
