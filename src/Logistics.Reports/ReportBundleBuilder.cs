using System.Collections.Immutable;

using Logistics.Analysis;
using Logistics.Application;
using Logistics.Optimisation;

namespace Logistics.Reports;

/// <summary>
/// The <see cref="IReportBuilder"/> both hosts use: runs the report's study (<see cref="StudyRunner"/>: load, the
/// report's own solve, the analyses asked for) and writes it as a bundle (<see cref="ReportBundleWriter"/>). Times in
/// the manifest come from <paramref name="clock"/>, so a fixed clock gives identical reports.
/// </summary>
public sealed class ReportBundleBuilder(TimeProvider clock) : IReportBuilder
{
    /// <summary>Upper bound on solves running at once (the CLI's <c>--parallel</c>).</summary>
    public int Parallelism { get; init; } = Math.Max(1, Environment.ProcessorCount);

    /// <summary>
    /// Whether the bundle states when it ran and how long the run and each solve took. Without them the same input
    /// gives byte-identical files (the CLI leaves them out unless <c>--timings</c>); the worker keeps them.
    /// </summary>
    public bool IncludeTimings { get; init; } = true;

    /// <summary>Sweeps to run when <c>sweep</c> is requested; empty for <see cref="StudyRunner.DefaultSweep"/>.</summary>
    public ImmutableArray<SweepRequest> Sweeps { get; init; } = [];

    /// <summary>The writer of this builder's bundles (its parallelism and timings).</summary>
    public ReportBundleWriter Writer => new() { Parallelism = Parallelism, IncludeTimings = IncludeTimings };

    public async Task<ReportOutcome> BuildAsync(ReportRequest request, string outputDirectory, CancellationToken cancellationToken) =>
        (await RunAsync(request, outputDirectory, cancellationToken).ConfigureAwait(false)).Outcome;

    /// <summary>Like <see cref="BuildAsync"/>, and also returns what was rendered (the CLI needs to tell a time-out with a solution from one without).</summary>
    public Task<ReportRun> RunAsync(ReportRequest request, string outputDirectory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(outputDirectory);
        var unknown = (request.Analyses.IsDefault ? [] : request.Analyses).Where(a => !AnalysisKinds.IsKnown(a)).ToList();
        if (unknown.Count > 0)
            throw new ArgumentException($"Unknown analysis '{unknown[0]}'. Known: {string.Join(", ", AnalysisKinds.Names)}.", nameof(request));
        // Solves are CPU-bound and synchronous; run them off the caller's thread so a host stays responsive.
        return Task.Run(() =>
        {
            Directory.CreateDirectory(outputDirectory);
            var study = new StudyRunner(clock).Run(StudyFor(request), cancellationToken);
            return Writer.Write(request, study, outputDirectory);
        }, cancellationToken);
    }

    /// <summary>
    /// The study a report of <paramref name="request"/> runs: its own solve, the analyses asked for (the defaults when
    /// none), value and resilience left out with their reason when they do not apply, this builder's sweeps, and the
    /// uncertainty study of the report's subject.
    /// </summary>
    public StudyRequest StudyFor(ReportRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new StudyRequest(request.NetworkPath)
        {
            Scenario = request.Scenario,
            Scenarios = request.Scenarios.IsDefaultOrEmpty ? null : request.Scenarios,
            Analyses = AnalysisKinds.Select(request.Analyses.IsDefault ? [] : request.Analyses),
            Solver = new SolverSettings(request.Solver, request.SolveTimeLimit, request.RelativeGap),
            Parallelism = Parallelism,
            Sweeps = Sweeps,
            Uncertainty = request.Uncertainty?.Options(),
        };
    }
}
