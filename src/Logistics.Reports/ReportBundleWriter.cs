using System.Collections.Immutable;
using System.Globalization;
using System.Text;

using Logistics.Analysis;
using Logistics.Application;
using Logistics.Network.Diagnostics;
using Logistics.Network.Loading;
using Logistics.Optimisation;
using Logistics.Reports.Content;
using Logistics.Reports.Document;
using Logistics.Reports.Export;

namespace Logistics.Reports;

/// <summary>
/// Writes a study's result as a report bundle (docs/reports.md): report.html, report.md, result.json, the CSV tables,
/// network.geojson and the SVG figures into the caller's directory; for an invalid input, a bundle listing every
/// diagnostic. Renders only: every number comes from the <see cref="StudyResult"/> (<see cref="StudyRunner"/>, or
/// work items assembled elsewhere). The manifest's times are the study's.
/// </summary>
public sealed class ReportBundleWriter
{
    /// <summary>Upper bound on solves that ran at once, as the manifest states it.</summary>
    public int Parallelism { get; init; } = Math.Max(1, Environment.ProcessorCount);

    /// <summary>
    /// Whether the bundle states when it ran and how long the run and each solve took. Without them the same input
    /// gives byte-identical files (the CLI leaves them out unless <c>--timings</c>); the worker keeps them.
    /// </summary>
    public bool IncludeTimings { get; init; } = true;

    /// <summary>Major.minor.patch of this assembly (not the informational version, which carries a commit id and would churn golden files).</summary>
    public static string ToolVersion { get; } = typeof(ReportBundleWriter).Assembly.GetName().Version is { } v
        ? string.Create(CultureInfo.InvariantCulture, $"{v.Major}.{v.Minor}.{v.Build}")
        : "0.0.0";

    /// <summary>Writes the bundle of <paramref name="study"/>, the study <paramref name="request"/> asked for, into <paramref name="outputDirectory"/>.</summary>
    public ReportRun Write(ReportRequest request, StudyResult study, string outputDirectory)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(study);
        ArgumentException.ThrowIfNullOrEmpty(outputDirectory);
        Directory.CreateDirectory(outputDirectory);
        var input = study.Input;
        if (input.Source is not { } source)
            return Invalid(request, study, outputDirectory, "", [], input.Diagnostics);
        if (!input.Succeeded || input.Network is not { } network || study.Base is not { } baseResult)
            return Invalid(request, study, outputDirectory, source.ContentHash, InputFiles(source), input.Diagnostics);

        var networkFile = Path.GetFileName(request.NetworkPath);
        var manifest = new RunManifest(networkFile, source.ContentHash, InputFiles(source), ToolVersion, study.StartedAt, study.Elapsed, study.Analyses,
            input.Scenarios, request.SolveTimeLimit, request.RelativeGap, Parallelism, IncludeTimings) { Scenario = request.Scenario, Uncertainty = request.Uncertainty };
        var loaded = input.Loaded!;
        var model = new ReportModel(manifest, network, loaded.Seeds, baseResult, study.Comparison, study.Values, study.Resilience, study.Sweeps, Portable(loaded.Warnings, request.NetworkPath))
        {
            Skipped = study.Skipped,
            Uncertainty = study.Uncertainty,
        };
        var status = model.Variants().Any(v => v.Result.Status is SolveStatus.Feasible or SolveStatus.NoSolution) ? ReportStatus.TimedOut : ReportStatus.Complete;
        var document = UncertaintyStudy.AddSection(ReportComposer.Compose(model, status), study.Uncertainty);
        var files = new BundleFiles(outputDirectory);
        files.WriteDocument(document);
        files.Write("result.json", ReportJsonWriter.Write(model, status));
        files.Write("request.json", ReportJsonWriter.WriteRequest(request));
        foreach (var (name, csv) in TidyTables.All(model))
            files.Write(name, csv);
        foreach (var (name, csv) in TimelineTables.All(model))
            files.Write(name, csv);
        files.Write("network.geojson", GeoJsonExport.Write(network, baseResult));
        if (study.Uncertainty is { } uncertainty)
            files.Write(UncertaintyStudy.DrawsFile, UncertaintyStudy.DrawsCsv(uncertainty));
        var withoutSolution = model.Variants().Any(v => v.Result.Status == SolveStatus.NoSolution);
        return new ReportRun(new ReportOutcome(status, files.Written, Summary(model, status)), model, withoutSolution);
    }

    private ReportRun Invalid(ReportRequest request, StudyResult study, string outputDirectory, string hash, ImmutableArray<string> inputs, ImmutableArray<Diagnostic> diagnostics)
    {
        var networkFile = Path.GetFileName(request.NetworkPath);
        var manifest = new RunManifest(networkFile, hash, inputs, ToolVersion, study.StartedAt, study.Elapsed, study.Analyses,
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
