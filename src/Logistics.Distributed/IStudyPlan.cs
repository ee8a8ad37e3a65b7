using System.Collections.Immutable;

using Logistics.Analysis;
using Logistics.Network.Loading;
using Logistics.Network.Model;

namespace Logistics.Distributed;

/// <summary>
/// One kind of study as stages of independent units. Stage s+1's units may depend on stage s's results (a sweep's
/// grid points are hinted with its first point's builds), never on each other. Unit results are the analysis's own
/// records serialised with <see cref="AnalysisJson"/>, and <see cref="Assemble"/> hands them back to the analysis
/// class, so the assembled report is the single-machine one. A new kind adds a <see cref="StudyKind"/> and an
/// implementation in <see cref="StudyPlans.For"/>.
/// </summary>
public interface IStudyPlan
{
    /// <summary>How many units stage <paramref name="stage"/> has, knowing every earlier stage; null when the study is complete.</summary>
    int? UnitCount(StudyContext study, int stage);

    /// <summary>Runs one unit and returns its result record as JSON.</summary>
    string RunUnit(StudyContext study, int stage, int unit, SolveScheduler scheduler, CancellationToken cancellationToken);

    /// <summary>
    /// The record that stands for a unit that failed every attempt, saying why; null to leave it out.
    /// </summary>
    /// <exception cref="StudyFailedException">Later stages cannot go on without this unit.</exception>
    string? Substitute(StudyContext study, int stage, int unit, string reason);

    /// <summary>The analysis report assembled from every stage, serialised as the CLI's <c>--json</c> writes it.</summary>
    string Assemble(StudyContext study, SolveTally tally);
}
