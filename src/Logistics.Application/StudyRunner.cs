using System.Collections.Immutable;

using Logistics.Analysis;
using Logistics.Analysis.Uncertainty;
using Logistics.Network.Diagnostics;
using Logistics.Network.Loading;
using Logistics.Network.Model;
using Logistics.Optimisation;

namespace Logistics.Application;

/// <summary>
/// Runs a study (issue 10, item 1): load the file (<see cref="NetworkSource"/>), bind the subject with its scenario,
/// the study's own solve, then the analyses asked for, each on the subject; returns records and renders nothing. The
/// report bundle, the worker (through it), <c>Logistics.Distributed</c> and the CLI's analysis verbs all run studies
/// here, so an analysis is called with the same settings whichever host asked. Times come from <paramref name="clock"/>.
/// </summary>
public sealed class StudyRunner(TimeProvider clock)
{
    public StudyRunner()
        : this(TimeProvider.System)
    {
    }

    /// <summary>
    /// The sweep a study runs when <c>sweep</c> is asked for without sweeps of its own: the discount rate from 4% to
    /// 14%, the assumption every option's value depends on.
    /// </summary>
    public static SweepRequest DefaultSweep { get; } = new("metadata.discountRate", 0.04, 0.14, 6);

    /// <summary>Reads the request's file and runs the study on it.</summary>
    /// <exception cref="AnalysisInputException">An analysis does not apply and the request does not skip it (<see cref="StudyRequest.SkipInapplicable"/>).</exception>
    public StudyResult Run(StudyRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var startedAt = clock.GetUtcNow();
        var started = clock.GetTimestamp();
        return Run(Load(request), request, startedAt, started, cancellationToken);
    }

    /// <summary>Runs the study on a source the host has read already (its read errors printed its own way).</summary>
    public StudyResult Run(NetworkSource source, StudyRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(request);
        var startedAt = clock.GetUtcNow();
        var started = clock.GetTimestamp();
        return Run(Load(source, request), request, startedAt, started, cancellationToken);
    }

    /// <summary>Reads the request's file and binds what the study needs (<see cref="Load(NetworkSource, StudyRequest)"/>).</summary>
    public static StudyInput Load(StudyRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        // Stages named as NetworkLoader names them, so 'solve --timings' reads the same through a study.
        var (source, diagnostics) = StageTimings.Measure("read (files, JSON, overlays, seeds, hash)", () => NetworkSource.Read(request.NetworkPath));
        return source is null ? new StudyInput(null, null, [], diagnostics) : Load(source, request);
    }

    /// <summary>
    /// Binds the subject with the study's scenario when the study needs a bound network (its own solve, value,
    /// resilience); compare, sweep and uncertainty bind their own variants from the source. A scenario asked for that
    /// the file lacks is an input error.
    /// </summary>
    public static StudyInput Load(NetworkSource source, StudyRequest request)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(request);
        var scenarios = request.Scenarios ?? source.ScenarioIds;
        var missing = scenarios.Where(s => !source.ScenarioIds.Contains(s)).Select(s => DiagnosticCodes.UnknownScenario.InFile(source.FilePath,
            $"The file defines no scenario '{s}'.", source.ScenarioIds.IsEmpty ? "The file defines no scenarios." : $"Known scenarios: {string.Join(", ", source.ScenarioIds)}."));
        var binds = request.SolveOwn || request.Analyses.Contains(AnalysisKind.Value) || request.Analyses.Contains(AnalysisKind.Resilience);
        var loaded = binds ? StageTimings.Measure("bind and validate", () => source.Bind(new LoadOptions { Scenario = request.Scenario })) : null;
        return new StudyInput(source, loaded, scenarios, [.. loaded?.Diagnostics ?? [], .. missing]);
    }

    /// <summary>
    /// Whether a study of <paramref name="network"/> runs <paramref name="analysis"/> when <paramref name="requested"/>
    /// are asked for and its own solve gave <paramref name="baseResult"/> (null: no own solve, so the analysis decides):
    /// value and resilience need the base optimum, value also an option left free. On a plan over time both answer with
    /// timing (the analyses dispatch on the network: value with best and first years, outages from the first period for their length).
    /// </summary>
    public static bool Runs(AnalysisKind analysis, ImmutableArray<AnalysisKind> requested, NetworkSnapshot network, OptimisationResult? baseResult)
    {
        ArgumentNullException.ThrowIfNull(network);
        if (!requested.Contains(analysis))
            return false;
        if (baseResult is null)
            return true;
        return analysis switch
        {
            AnalysisKind.Value => baseResult.HasSolution && network.Options.Any(o => o.Decision == BuildDecision.Free),
            AnalysisKind.Resilience => baseResult.HasSolution,
            _ => true,
        };
    }

    /// <summary>The sweeps a study of <paramref name="request"/> runs: its own or <see cref="DefaultSweep"/>, each of the study's scenario unless it names its own.</summary>
    public static ImmutableArray<SweepRequest> SweepsFor(StudyRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return [.. (request.Sweeps.IsDefaultOrEmpty ? [DefaultSweep] : request.Sweeps).Select(s => s with { Scenario = s.Scenario ?? request.Scenario })];
    }

    /// <summary>The uncertainty analysis a study runs for <paramref name="options"/>: of the study's subject, without a two-stage plan on a plan over time when the options say so.</summary>
    public static UncertaintyRequest UncertaintyFor(UncertaintyOptions options, string? scenario, bool overTime)
    {
        ArgumentNullException.ThrowIfNull(options);
        var request = options.Request with { Scenario = scenario };
        return options.TwoStageOnlyWithoutPeriods && overTime ? request with { TwoStageDraws = 0 } : request;
    }

    /// <summary>
    /// The checks a study's inputs get before anything is solved, for a host that stores the study and runs it later
    /// (<c>logistics study</c>): each sweep the study runs is planned (its path and range checked against the file) and
    /// the uncertainty sample is drawn once (the register's ranges checked). Runs no solve.
    /// </summary>
    /// <param name="overTime">Whether the study's subject plans over time (<see cref="UncertaintyFor"/>).</param>
    /// <exception cref="AnalysisInputException">A sweep or the register the study cannot run with.</exception>
    public static void CheckInputs(NetworkSource source, StudyRequest request, bool overTime)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(request);
        if (request.Analyses.Contains(AnalysisKind.Sweep))
        {
            foreach (var sweep in SweepsFor(request))
                _ = SweepAnalysis.Plan(source, sweep);
        }

        if (request.Uncertainty is { } uncertainty)
        {
            // The sample is drawn here once; whoever runs the study later draws the same one from the seed.
            using var set = UncertaintyDrawSet.Prepare(source, UncertaintyFor(uncertainty, request.Scenario, overTime), new AnalysisSettings(request.Solver, 1));
        }
    }

    /// <summary>Runs the study on what <see cref="Load(NetworkSource, StudyRequest)"/> gave, after the host's own checks on it (an option id, a period).</summary>
    public StudyResult Run(StudyInput input, StudyRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(request);
        return Run(input, request, clock.GetUtcNow(), clock.GetTimestamp(), cancellationToken);
    }

    private StudyResult Run(StudyInput input, StudyRequest request, DateTimeOffset startedAt, long started, CancellationToken cancellationToken)
    {
        var analyses = AnalysisKinds.All.Where(request.Analyses.Contains).ToImmutableArray();
        if (!input.Succeeded || input.Source is not { } source)
            return StudyResult.Invalid(input, analyses) with { StartedAt = startedAt, Elapsed = clock.GetElapsedTime(started) };

        var network = input.Network;
        var settings = new AnalysisSettings(request.Solver, request.Parallelism) { Clock = clock };
        var own = request.SolveOwn ? new NetworkOptimiser(clock).Solve(network!, request.Solver, cancellationToken) : null;
        cancellationToken.ThrowIfCancellationRequested();

        bool Runs(AnalysisKind kind) => network is null ? analyses.Contains(kind) : StudyRunner.Runs(kind, analyses, network, own);
        var skipped = new List<(AnalysisKind, string)>();
        var comparison = Runs(AnalysisKind.Compare) ? CompareAnalysis.Run(source, input.Scenarios, settings, cancellationToken) : null;
        var values = Runs(AnalysisKind.Value)
            ? Optional(request, AnalysisKind.Value, skipped, () => ValueAnalysis.Run(network!, settings, request.Value.Only, cancellationToken))
            : null;
        var resilience = Runs(AnalysisKind.Resilience)
            ? Optional(request, AnalysisKind.Resilience, skipped, () => ResilienceAnalysis.Run(network!, settings, request.Resilience.Timing, cancellationToken))
            : null;
        var sweeps = Runs(AnalysisKind.Sweep)
            ? [.. SweepsFor(request).Select(s => SweepAnalysis.Run(source, s, settings, cancellationToken))]
            : ImmutableArray<SweepReport>.Empty;
        UncertaintyReport? uncertainty = null;
        if (request.Uncertainty is { } options)
        {
            // Bound only for the report's two-stage rule: a verb's study binds nothing it does not need.
            var overTime = options.TwoStageOnlyWithoutPeriods && (network ?? source.Bind(new LoadOptions { Scenario = request.Scenario }).Network) is { IsPeriodised: true };
            uncertainty = UncertaintyAnalysis.Run(source, UncertaintyFor(options, request.Scenario, overTime), settings, options.Progress, cancellationToken);
        }

        return new StudyResult(input, analyses, own, comparison, values, resilience, sweeps, uncertainty)
        {
            Skipped = [.. skipped],
            StartedAt = startedAt,
            Elapsed = clock.GetElapsedTime(started),
        };
    }

    /// <summary>
    /// Runs an analysis that may not apply to this network (its input error, such as a base without a solution to
    /// compare against): a report lists the analysis's own reason instead of failing; a verb gets the exception.
    /// </summary>
    private static T? Optional<T>(StudyRequest request, AnalysisKind analysis, List<(AnalysisKind, string)> skipped, Func<T> run)
        where T : class
    {
        try
        {
            return run();
        }
        catch (AnalysisInputException e) when (request.SkipInapplicable)
        {
            skipped.Add((analysis, e.Message));
            return null;
        }
    }
}
