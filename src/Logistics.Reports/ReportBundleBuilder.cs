using System.Collections.Immutable;
using System.Globalization;
using System.Text;

using Logistics.Analysis;
using Logistics.Network.Diagnostics;
using Logistics.Network.Loading;
using Logistics.Network.Model;
using Logistics.Optimisation;
using Logistics.Reports.Content;
using Logistics.Reports.Document;
using Logistics.Reports.Export;

namespace Logistics.Reports;

/// <summary>
/// Builds a report bundle (docs/reports.md): loads and validates the network, solves the base, runs the requested
/// analyses, and writes report.html, report.md, result.json, the CSV tables, network.geojson and the SVG figures into
/// the caller's directory. An invalid file still gets a bundle, listing every diagnostic. Times in the manifest come
/// from <paramref name="clock"/>, so a fixed clock gives identical reports.
/// </summary>
public sealed class ReportBundleBuilder(TimeProvider clock) : IReportBuilder
{
    /// <summary>
    /// The sweep a report runs when <c>sweep</c> is requested without sweeps of its own: the discount rate from 4% to
    /// 14%, the assumption every option's value depends on.
    /// </summary>
    public static SweepRequest DefaultSweep { get; } = new("metadata.discountRate", 0.04, 0.14, 6);

    /// <summary>Upper bound on solves running at once (the CLI's <c>--parallel</c>).</summary>
    public int Parallelism { get; init; } = Math.Max(1, Environment.ProcessorCount);

    /// <summary>
    /// Whether the bundle states when it ran and how long the run and each solve took. Without them the same input
    /// gives byte-identical files (the CLI leaves them out unless <c>--timings</c>); the worker keeps them.
    /// </summary>
    public bool IncludeTimings { get; init; } = true;

    /// <summary>Sweeps to run when <c>sweep</c> is requested; empty for <see cref="DefaultSweep"/>.</summary>
    public ImmutableArray<SweepRequest> Sweeps { get; init; } = [];

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
        return Task.Run(() => Run(request, outputDirectory, cancellationToken), cancellationToken);
    }

    private ReportRun Run(ReportRequest request, string outputDirectory, CancellationToken cancellationToken)
    {
        var startedAt = clock.GetUtcNow();
        var started = clock.GetTimestamp();
        Directory.CreateDirectory(outputDirectory);
        var analyses = AnalysisKinds.Select(request.Analyses.IsDefault ? [] : request.Analyses);
        var networkFile = Path.GetFileName(request.NetworkPath);

        var (source, readDiagnostics) = NetworkSource.Read(request.NetworkPath);
        if (source is null)
            return Invalid(request, outputDirectory, networkFile, "", [], readDiagnostics, startedAt, started, analyses);
        // The report of a scenario binds it like 'solve --scenario' does; an id the file lacks is an input error listed in the bundle.
        var loaded = source.Bind(new LoadOptions { Scenario = request.Scenario });
        var inputs = InputFiles(source);
        var requestedScenarios = request.Scenarios.IsDefaultOrEmpty ? source.ScenarioIds : request.Scenarios;
        var missing = requestedScenarios.Where(s => !source.ScenarioIds.Contains(s)).ToList();
        var diagnostics = loaded.Diagnostics.AddRange(missing.Select(s => DiagnosticCodes.UnknownScenario.InFile(request.NetworkPath,
            $"The file defines no scenario '{s}'.", source.ScenarioIds.IsEmpty ? "The file defines no scenarios." : $"Known scenarios: {string.Join(", ", source.ScenarioIds)}.")));
        if (!loaded.Succeeded || loaded.Network is null || missing.Count > 0)
            return Invalid(request, outputDirectory, networkFile, source.ContentHash, inputs, diagnostics, startedAt, started, analyses);

        var network = loaded.Network;
        var solver = new SolverSettings(request.Solver, request.SolveTimeLimit, request.RelativeGap);
        var settings = new AnalysisSettings(solver, Parallelism) { Clock = clock };
        var baseResult = new NetworkOptimiser(clock).Solve(network, solver with { Threads = 1 }, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();

        var comparison = Runs(AnalysisKind.Compare, analyses, network, baseResult) ? CompareAnalysis.Run(source, requestedScenarios, settings, cancellationToken) : null;
        var skipped = new List<(AnalysisKind, string)>();
        var values = Runs(AnalysisKind.Value, analyses, network, baseResult) ? Optional(AnalysisKind.Value, skipped, () => ValueAnalysis.Run(network, settings, null, cancellationToken)) : null;
        var resilience = Runs(AnalysisKind.Resilience, analyses, network, baseResult) ? Optional(AnalysisKind.Resilience, skipped, () => ResilienceAnalysis.Run(network, settings, cancellationToken)) : null;
        var sweeps = Runs(AnalysisKind.Sweep, analyses, network, baseResult)
            ? [.. SweepsFor(request).Select(s => SweepAnalysis.Run(source, s, settings, cancellationToken))]
            : ImmutableArray<SweepReport>.Empty;

        var uncertainty = request.Uncertainty is { } study ? UncertaintyStudy.Run(source, study, settings, cancellationToken) : null;
        var results = new ReportResults(baseResult, comparison, values, resilience, sweeps, uncertainty) { Skipped = [.. skipped] };
        return Write(request, outputDirectory, source, loaded, requestedScenarios, analyses, results, startedAt, started);
    }

    /// <summary>
    /// Writes the bundle of analyses computed elsewhere (a distributed report study, docs/distributed.md): the same files
    /// <see cref="RunAsync"/> writes for the same request when its analyses give these results. The caller computes
    /// exactly the analyses <see cref="Runs"/> says, the sweeps <see cref="SweepsFor"/> lists and the uncertainty request
    /// <see cref="ReportUncertainty.AnalysisRequest"/> gives; the network is read and bound again here (no solve).
    /// </summary>
    public ReportRun Assemble(ReportRequest request, ReportResults results, string outputDirectory)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(results);
        ArgumentException.ThrowIfNullOrEmpty(outputDirectory);
        var startedAt = clock.GetUtcNow();
        var started = clock.GetTimestamp();
        Directory.CreateDirectory(outputDirectory);
        var analyses = AnalysisKinds.Select(request.Analyses.IsDefault ? [] : request.Analyses);
        var (source, readDiagnostics) = NetworkSource.Read(request.NetworkPath);
        if (source is null)
            return Invalid(request, outputDirectory, Path.GetFileName(request.NetworkPath), "", [], readDiagnostics, startedAt, started, analyses);
        var loaded = source.Bind(new LoadOptions { Scenario = request.Scenario });
        var requestedScenarios = request.Scenarios.IsDefaultOrEmpty ? source.ScenarioIds : request.Scenarios;
        if (!loaded.Succeeded || loaded.Network is null || requestedScenarios.Any(s => !source.ScenarioIds.Contains(s)))
            return Invalid(request, outputDirectory, Path.GetFileName(request.NetworkPath), source.ContentHash, InputFiles(source), loaded.Diagnostics, startedAt, started, analyses);
        return Write(request, outputDirectory, source, loaded, requestedScenarios, analyses, results, startedAt, started);
    }

    /// <summary>
    /// Whether a report of <paramref name="network"/> runs <paramref name="analysis"/> when <paramref name="requested"/>
    /// are asked for and the report's own solve gave <paramref name="baseResult"/>: value and resilience need the base
    /// optimum, value also an option left free. On a plan over time both answer with timing (the analyses dispatch on
    /// the network: value with best and first years, outages from the first period for their length).
    /// </summary>
    public static bool Runs(AnalysisKind analysis, ImmutableArray<AnalysisKind> requested, NetworkSnapshot network, OptimisationResult baseResult)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(baseResult);
        if (!requested.Contains(analysis))
            return false;
        return analysis switch
        {
            AnalysisKind.Value => baseResult.HasSolution && network.Options.Any(o => o.Decision == Network.Model.BuildDecision.Free),
            AnalysisKind.Resilience => baseResult.HasSolution,
            _ => true,
        };
    }

    /// <summary>The sweeps a report of <paramref name="request"/> runs: <see cref="Sweeps"/> or <see cref="DefaultSweep"/>, each of the report's scenario unless it names its own.</summary>
    public ImmutableArray<SweepRequest> SweepsFor(ReportRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return [.. (Sweeps.IsDefaultOrEmpty ? [DefaultSweep] : Sweeps).Select(s => s with { Scenario = s.Scenario ?? request.Scenario })];
    }

    private ReportRun Write(ReportRequest request, string outputDirectory, NetworkSource source, LoadResult loaded, ImmutableArray<string> requestedScenarios,
        ImmutableArray<AnalysisKind> analyses, ReportResults results, DateTimeOffset startedAt, long started)
    {
        var network = loaded.Network!;
        var networkFile = Path.GetFileName(request.NetworkPath);
        var inputs = InputFiles(source);
        var (baseResult, comparison, values, resilience, sweeps, uncertainty) = (results.Base, results.Comparison, results.Values, results.Resilience, results.Sweeps, results.Uncertainty);
        var anyFree = network.Options.Any(o => o.Decision == Network.Model.BuildDecision.Free);
        var skipped = new List<(AnalysisKind, string)>();
        skipped.AddRange(results.Skipped);
        var manifest = new RunManifest(networkFile, source.ContentHash, inputs, ToolVersion, startedAt, clock.GetElapsedTime(started), analyses,
            requestedScenarios, request.SolveTimeLimit, request.RelativeGap, Parallelism, IncludeTimings) { Scenario = request.Scenario, Uncertainty = request.Uncertainty };
        var model = new ReportModel(manifest, network, loaded.Seeds, baseResult, comparison, values, resilience, sweeps, Portable(loaded.Warnings, request.NetworkPath)) { Skipped = [.. skipped], Uncertainty = uncertainty };
        var status = model.Variants().Any(v => v.Result.Status is SolveStatus.Feasible or SolveStatus.NoSolution) ? ReportStatus.TimedOut : ReportStatus.Complete;
        var document = UncertaintyStudy.AddSection(ReportComposer.Compose(model, status), uncertainty);
        var files = new BundleFiles(outputDirectory);
        files.WriteDocument(document);
        files.Write("result.json", ReportJsonWriter.Write(model, status));
        files.Write("request.json", ReportJsonWriter.WriteRequest(request));
        foreach (var (name, csv) in TidyTables.All(model))
            files.Write(name, csv);
        foreach (var (name, csv) in TimelineTables.All(model))
            files.Write(name, csv);
        files.Write("network.geojson", GeoJsonExport.Write(network, baseResult));
        if (uncertainty is not null)
            files.Write(UncertaintyStudy.DrawsFile, UncertaintyStudy.DrawsCsv(uncertainty));
        var summary = Summary(model, status);
        var withoutSolution = model.Variants().Any(v => v.Result.Status == SolveStatus.NoSolution);
        return new ReportRun(new ReportOutcome(status, files.Written, summary), model, withoutSolution);
    }

    private ReportRun Invalid(ReportRequest request, string outputDirectory, string networkFile, string hash, ImmutableArray<string> inputs,
        ImmutableArray<Diagnostic> diagnostics, DateTimeOffset startedAt, long started, ImmutableArray<AnalysisKind> analyses)
    {
        var manifest = new RunManifest(networkFile, hash, inputs, ToolVersion, startedAt, clock.GetElapsedTime(started), analyses,
            request.Scenarios.IsDefault ? [] : request.Scenarios, request.SolveTimeLimit, request.RelativeGap, Parallelism, IncludeTimings) { Scenario = request.Scenario };
        diagnostics = Portable(diagnostics, request.NetworkPath);
        var files = new BundleFiles(outputDirectory);
        files.WriteDocument(ReportComposer.ComposeInvalid(manifest, diagnostics));
        files.Write("result.json", ReportJsonWriter.WriteInvalid(manifest, diagnostics));
        files.Write("diagnostics.csv", TidyTables.Diagnostics(diagnostics));
        files.Write("diagnostics.json", ReportJsonWriter.WriteDiagnostics(diagnostics));
        files.Write("request.json", ReportJsonWriter.WriteRequest(request));
        var errors = diagnostics.Count(d => d.Severity == Severity.Error);
        var summary = string.Create(CultureInfo.InvariantCulture, $"{networkFile}: invalid input, {errors} error(s), {diagnostics.Length - errors} warning(s)");
        return new ReportRun(new ReportOutcome(ReportStatus.InvalidInput, files.Written, summary), null, false);
    }

    private static string Summary(ReportModel model, ReportStatus status)
    {
        var b = model.Base;
        var cost = b.Objective is not { } o ? "no solution" : b.IsPlanOverTime ? $"{Fmt.Money(o)} present value" : Fmt.UsdPerYear(o);
        var scenarios = model.Comparison is null ? 0 : model.Comparison.Outcomes.Length - 1;
        return string.Create(CultureInfo.InvariantCulture,
            $"{model.SubjectId}: {ResultJsonWriter.Name(b.Status)}, {cost}; {scenarios} scenario(s); analyses {string.Join(",", model.Manifest.Analyses.Select(AnalysisKinds.Name))}; {ResultJsonWriter.Name(status)}");
    }

    /// <summary>
    /// Runs an analysis that may not apply to this network (its input error, such as a base without a solution to
    /// compare against): the analysis's own reason goes into the report instead of failing the whole bundle.
    /// </summary>
    private static T? Optional<T>(AnalysisKind analysis, List<(AnalysisKind, string)> skipped, Func<T> run)
        where T : class
    {
        try
        {
            return run();
        }
        catch (AnalysisInputException e)
        {
            skipped.Add((analysis, e.Message));
            return null;
        }
    }

    /// <summary>
    /// Diagnostics with their files relative to the network file's folder, like <see cref="RunManifest.InputFiles"/>:
    /// a bundle must not depend on (or reveal) where the input was checked out.
    /// </summary>
    private static ImmutableArray<Diagnostic> Portable(ImmutableArray<Diagnostic> diagnostics, string networkPath)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(networkPath)) ?? ".";
        return [.. diagnostics.Select(d => d.File is null ? d : d with { File = Path.GetRelativePath(folder, Path.GetFullPath(d.File)).Replace('\\', '/') })];
    }

    /// <summary>Input files relative to the network file's folder, in the order the hash covers them.</summary>
    private static ImmutableArray<string> InputFiles(NetworkSource source)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(source.FilePath)) ?? ".";
        return [.. source.InputFiles.Select(f => Path.GetRelativePath(folder, Path.GetFullPath(f)).Replace('\\', '/'))];
    }

    /// <summary>Major.minor.patch of this assembly (not the informational version, which carries a commit id and would churn golden files).</summary>
    public static string ToolVersion { get; } = typeof(ReportBundleBuilder).Assembly.GetName().Version is { } v
        ? string.Create(CultureInfo.InvariantCulture, $"{v.Major}.{v.Minor}.{v.Build}")
        : "0.0.0";

    /// <summary>Writes files into the bundle folder and remembers their names (sorted, '/' separators).</summary>
    private sealed class BundleFiles(string folder)
    {
        private readonly SortedSet<string> _written = new(StringComparer.Ordinal);

        public ImmutableArray<string> Written => [.. _written];

        public void Write(string name, string content)
        {
            var path = Path.Combine(folder, name.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, content, new UTF8Encoding(false));
            _written.Add(name);
        }

        public void WriteDocument(ReportDocument document)
        {
            Write("report.md", MarkdownRenderer.Render(document));
            Write("report.html", HtmlRenderer.Render(document));
            foreach (var figure in document.Sections.SelectMany(s => s.Blocks).OfType<Figure>())
                Write(figure.FileName, figure.Svg);
        }
    }
}
