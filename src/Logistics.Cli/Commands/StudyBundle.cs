using System.Collections.Immutable;
using System.Globalization;

using Logistics.Analysis;
using Logistics.Analysis.Uncertainty;
using Logistics.Application;
using Logistics.Distributed;
using Logistics.Network.IO;
using Logistics.Network.Loading;
using Logistics.Reports;
using Logistics.Reports.Export;

namespace Logistics.Cli.Commands;

/// <summary>Where a finished study's result goes: the analysis as JSON, and a report study's bundle folder.</summary>
internal sealed record Destination(FileInfo? Json, DirectoryInfo? Out, bool Force);

/// <summary>
/// The report kind of <c>logistics study</c>: checks a report study's settings before anything is stored (as
/// <c>logistics report</c> would refuse them), and writes an assembled bundle where <c>--out</c> says, with the
/// report verb's folder rules and its exit codes.
/// </summary>
internal static class StudyBundle
{
    /// <summary>The report settings, or null and the exit code when the request is malformed or the input invalid (the message is written).</summary>
    public static (ReportStudySettings? Settings, int ExitCode) Check(CliContext context, NetworkSource source, ImmutableArray<string> scenarios, string? scenario,
        string? analyses, string[] sweeps, int draws, Optimisation.SolverSettings settings)
    {
        ImmutableArray<string> chosen = [.. (analyses ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
        if (chosen.FirstOrDefault(a => !AnalysisKinds.IsKnown(a)) is { } unknown)
            return (null, CommandSupport.Usage(context, $"unknown analysis '{unknown}'. Choose from {string.Join(", ", AnalysisKinds.Names)}."));
        var requests = ImmutableArray.CreateBuilder<SweepRequest>();
        foreach (var text in sweeps)
        {
            if (ReportCommand.ParseSweep(text) is not { } sweep)
                return (null, CommandSupport.Usage(context, $"--sweep '{text}' is not PATH:FROM:TO:STEPS (numbers invariant, STEPS at least 2)."));
            requests.Add(sweep);
        }

        if (draws is 1 or < 0)
            return (null, CommandSupport.Usage(context, "--uncertainty-draws must be 0 (no uncertainty section) or at least 2."));
        var missing = scenarios.Where(id => !source.ScenarioIds.Contains(id)).Concat(scenario is { } s && !source.ScenarioIds.Contains(s) ? [s] : []).ToList();
        if (missing.Count > 0)
        {
            context.Error.WriteLine($"error: {source.FilePath} defines no scenario {string.Join(", ", missing.Select(u => $"'{u}'"))}. Known scenarios: {string.Join(", ", source.ScenarioIds)}.");
            return (null, ExitCodes.InvalidInput);
        }

        var network = CommandSupport.Bind(context, source, scenario);
        if (network is null)
            return (null, ExitCodes.InvalidInput);
        // Value and resilience of a plan over time answer with timing (best years, outages by period), which the report
        // study does not split into items yet: refuse now rather than assemble a bundle that differs from the report's.
        var selected = AnalysisKinds.Select(chosen);
        if (network.IsPeriodised && (selected.Contains(AnalysisKind.Value) || selected.Contains(AnalysisKind.Resilience)))
            return (null, CommandSupport.Usage(context, $"{Path.GetFileName(source.FilePath)} plans over time, and a report study does not split value and resilience with timing into items yet. " +
                $"Run 'logistics report {Path.GetFileName(source.FilePath)}' on one machine, or submit without them (--analyses {string.Join(',', AnalysisKinds.Names.Where(n => n is not ("value" or "resilience")))})."));
        var report = new ReportStudySettings(chosen, requests.ToImmutable());
        var builder = ReportStudy.Builder(new StudyDefinition(StudyKind.Report, "", scenarios, scenario, null, Report: report));
        var request = new ReportRequest(source.FilePath, scenarios, chosen) { Scenario = scenario, Uncertainty = draws > 0 ? new ReportUncertainty(draws, 1) : null };
        try
        {
            // Every sweep's range and the register's ranges are checked here, so a mistake is told now, not by a worker.
            StudyRunner.CheckInputs(source, builder.StudyFor(request) with { Solver = settings }, network.IsPeriodised);
        }
        catch (AnalysisInputException ex)
        {
            return (null, CommandSupport.InvalidInput(context, ex));
        }

        return (report, ExitCodes.Success);
    }

    /// <summary>Prints what <c>logistics report</c> prints and writes the bundle into <c>--out</c> (or says how to); the report verb's exit code.</summary>
    public static async Task<int> WriteAsync(CliContext context, StudyStatus status, StoredBundle bundle, Destination destination)
    {
        context.Out.WriteLine(bundle.Summary);
        if (destination.Json is { } json)
        {
            var result = bundle.Files.FirstOrDefault(f => f.Name == "result.json")?.Text ?? "";
            await File.WriteAllTextAsync(json.FullName, result, context.CancellationToken).ConfigureAwait(false);
            context.Out.WriteLine($"The bundle's result.json written to {json.Name}.");
        }

        if (destination.Out is not { } output)
        {
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"The bundle ({bundle.Files.Length} files) is stored with the study; write it with 'logistics study status {status.Id} --out DIR'."));
        }
        else
        {
            var (folder, refused) = OutputFolder.Prepare(output.FullName, [], destination.Force);
            if (folder is null)
                return CommandSupport.Usage(context, refused!);
            if (!ReportCommand.TryPublish(context, folder, bundle.WriteTo, out var keptAside))
                return ExitCodes.InvalidInput;

            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Bundle written to {folder.Target} ({bundle.Files.Length} files)."));
            if (keptAside is not null)
                context.Out.WriteLine(keptAside);
        }

        return ReportCommand.ExitCode(bundle.Status, bundle.AnySolveWithoutSolution);
    }
}
