using System.Collections.Immutable;

using Logistics.Analysis;
using Logistics.Optimisation;

namespace Logistics.Application;

/// <summary>
/// What a study runs (<see cref="StudyRunner"/>): which network and scenario, the study's own solve, the analyses and
/// their options, and how the solves run. A report asks for the default set; a CLI verb for its one analysis.
/// </summary>
/// <param name="NetworkPath">Path of the network file (read unless the host hands over a source it has read).</param>
public sealed record StudyRequest(string NetworkPath)
{
    /// <summary>The scenario the study is of, applied before anything is solved; null for the file's base.</summary>
    public string? Scenario { get; init; }

    /// <summary>Scenario ids to compare with the base; null for every scenario the file defines.</summary>
    public ImmutableArray<string>? Scenarios { get; init; }

    /// <summary>The analyses to run (<see cref="AnalysisKind.Solve"/> names the study's own solve in a report's list).</summary>
    public ImmutableArray<AnalysisKind> Analyses { get; init; } = [];

    /// <summary>
    /// Whether the study solves its subject itself (with prices, single-threaded): a report does, and decides from that
    /// solve whether value and resilience apply; a verb that prints only its analysis skips it.
    /// </summary>
    public bool SolveOwn { get; init; } = true;

    /// <summary>
    /// What happens when value or resilience find they do not apply (<see cref="AnalysisInputException"/>): a report
    /// lists the analysis's reason (<see cref="StudyResult.Skipped"/>); a verb (false) lets the exception reach it.
    /// </summary>
    public bool SkipInapplicable { get; init; } = true;

    /// <summary>Settings of every solve; the study's own solve takes them as they are (a report's keep one thread).</summary>
    public SolverSettings Solver { get; init; } = new();

    /// <summary>Upper bound on solves running at once.</summary>
    public int Parallelism { get; init; } = Math.Max(1, Environment.ProcessorCount);

    public ValueOptions Value { get; init; } = new();

    public ResilienceOptions Resilience { get; init; } = new();

    /// <summary>Sweeps to run when <see cref="AnalysisKind.Sweep"/> is asked for; empty for <see cref="StudyRunner.DefaultSweep"/>. A sweep without a scenario sweeps the study's.</summary>
    public ImmutableArray<SweepRequest> Sweeps { get; init; } = [];

    /// <summary>An uncertainty study of the subject; null for none.</summary>
    public UncertaintyOptions? Uncertainty { get; init; }
}
