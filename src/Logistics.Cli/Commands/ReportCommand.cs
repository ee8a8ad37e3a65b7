using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;

using Logistics.Analysis;
using Logistics.Network.IO;
using Logistics.Network.Loading;
using Logistics.Network.Text;
using Logistics.Reports;
using Logistics.Reports.Export;

namespace Logistics.Cli.Commands;

/// <summary>
/// <c>logistics report FILE --out DIR [--scenario S] [--scenarios a,b] [--analyses solve,compare,value,sweep,resilience] [--sweep PATH:FROM:TO:STEPS]
/// [--parallel N] [--solver NAME] [--time-limit SECONDS] [--gap G] [--timings] [--force]</c>: writes a report bundle (docs/reports.md). DIR is
/// checked before anything is solved, and the bundle is built in a temporary sibling folder and swapped in by
/// <see cref="OutputFolder"/>, so DIR never holds half a bundle and nothing the tool did not write is deleted.
/// <c>--scenario S</c> makes the whole report the scenario's (plan, maps, analyses); an id the file does not define
/// fails before anything is written.
/// Exit codes: 0 complete, 1 invalid input (the bundle lists the diagnostics; an unknown --scenario writes nothing), 2 usage, 4 a solve timed out with a
/// solution, 7 a solve timed out without one.
/// </summary>
public static class ReportCommand
{
    public static Command Create(CliContext context)
    {
        var file = CommandSupport.FileArgument();
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder to write the bundle into (created; must be absent, empty or an earlier bundle, unless --force; never a folder holding an input).", Required = true };
        var scenario = CommandSupport.ScenarioOption("The report is of this scenario (an id the file defines): its plan, maps and analyses; the comparison still shows the base and the other scenarios.");
        var scenarios = new Option<string[]>("--scenarios") { Description = "Scenario ids to compare with the base, comma-separated (default: every scenario the file defines).", AllowMultipleArgumentsPerToken = true };
        var analyses = new Option<string[]>("--analyses") { Description = $"Analyses to run, comma-separated, from {string.Join(", ", AnalysisKinds.Names)} (default: {string.Join(",", AnalysisKinds.Default.Select(AnalysisKinds.Name))}).", AllowMultipleArgumentsPerToken = true };
        var sweeps = new Option<string[]>("--sweep") { Description = "A sweep for the 'sweep' analysis as PATH:FROM:TO:STEPS, e.g. options[pasni-package].capexUsd:0:2e9:9 (repeatable; default: the discount rate from 0.04 to 0.14)." };
        var parallel = CommandSupport.ParallelOption();
        var solver = new SolverOptions();
        var timings = CommandSupport.TimingsOption();
        var uncertaintyDraws = new Option<int>("--uncertainty-draws") { Description = "Add the uncertainty section (cost distribution, build probabilities, tornado, regret) over this many Latin hypercube draws, and every draw as uncertainty-draws.csv; 0 for none.", DefaultValueFactory = _ => 0 };
        var seed = new Option<int>("--seed") { Description = "Seed of the uncertainty draws: the same seed gives the same section.", DefaultValueFactory = _ => 1 };
        var twoStage = new Option<int>("--two-stage") { Description = "With --uncertainty-draws: also the two-stage plan over this many draws (VSS, EVPI; files without periods only).", DefaultValueFactory = _ => 0 };
        var force = new Option<bool>("--force") { Description = "Use DIR even when it holds files this tool did not write: they are moved aside to DIR.old, never deleted." };
        var command = new Command("report", "Write a report bundle (HTML, Markdown, JSON, CSV, GeoJSON) for people who will not run a command.")
        {
            file, output, scenario, scenarios, analyses, sweeps, parallel, uncertaintyDraws, seed, twoStage,
        };
        solver.AddTo(command);
        command.Options.Add(timings);
        command.Options.Add(force);
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!.FullName;
            var target = parse.GetValue(output)!.FullName;
            var chosen = Split(parse.GetValue(analyses));
            var unknown = chosen.FirstOrDefault(a => !AnalysisKinds.IsKnown(a));
            if (unknown is not null)
                return CommandSupport.Usage(context, $"unknown analysis '{unknown}'. Choose from {string.Join(", ", AnalysisKinds.Names)}.");
            if (CommandSupport.CheckParallel(context, parse.GetValue(parallel)) is { } bad)
                return bad;
            if (solver.Read(parse, context) is not { } settings)
                return ExitCodes.Usage;
            var sweepRequests = new List<SweepRequest>();
            foreach (var text in parse.GetValue(sweeps) ?? [])
            {
                if (ParseSweep(text) is not { } sweep)
                    return CommandSupport.Usage(context, $"--sweep '{text}' is not PATH:FROM:TO:STEPS (numbers invariant, STEPS at least 2).");
                sweepRequests.Add(sweep);
            }

            var draws = parse.GetValue(uncertaintyDraws);
            if (draws is 1 or < 0)
                return CommandSupport.Usage(context, "--uncertainty-draws must be 0 (no uncertainty section) or at least 2.");
            if (parse.GetValue(twoStage) < 0 || (parse.GetValue(twoStage) > 0 && draws == 0))
                return CommandSupport.Usage(context, "--two-stage must be 0 or more, and needs --uncertainty-draws.");

            if (!File.Exists(path))
                return CommandSupport.Usage(context, $"{parse.GetValue(file)!.Name}: no such file.");

            // An unknown scenario is a mistake in what was asked, told at once and before --out is touched.
            var subject = parse.GetValue(scenario);
            if (subject is not null && UnknownScenario(path, subject) is { } unknownScenario)
            {
                context.Error.WriteLine(unknownScenario);
                return ExitCodes.InvalidInput;
            }

            // Every check on --out comes before the first solve, so a bad folder fails in a moment, not after the report.
            var (folder, refused) = OutputFolder.Prepare(target, Inputs(path), parse.GetValue(force));
            if (folder is null)
                return CommandSupport.Usage(context, refused!);

            var request = new ReportRequest(path, Split(parse.GetValue(scenarios)), chosen, settings.TimeLimit, settings.RelativeGap, settings.Backend)
            {
                Scenario = subject,
                Uncertainty = draws > 0 ? new ReportUncertainty(draws, parse.GetValue(seed), parse.GetValue(twoStage)) : null,
            };
            var builder = new ReportBundleBuilder(TimeProvider.System) { Parallelism = parse.GetValue(parallel), Sweeps = [.. sweepRequests], IncludeTimings = parse.GetValue(timings) };
            ReportRun? run = null;
            if (!TryPublish(context, folder, temporary => run = builder.RunAsync(request, temporary, context.CancellationToken).GetAwaiter().GetResult(), out var keptAside))
                return ExitCodes.InvalidInput;

            var outcome = run!.Outcome;
            context.Out.WriteLine(outcome.Summary);
            // Every file is counted and named: top-level files by name, a sub-folder's files as "N in FOLDER/".
            var folders = outcome.Files.Where(f => f.Contains('/', StringComparison.Ordinal)).GroupBy(f => f[..(f.IndexOf('/', StringComparison.Ordinal) + 1)], StringComparer.Ordinal)
                .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Count()} in {g.Key}"));
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Bundle written to {folder.Target} ({outcome.Files.Length} files): {string.Join(", ", outcome.Files.Where(f => !f.Contains('/', StringComparison.Ordinal)).Concat(folders))}."));
            if (keptAside is not null)
                context.Out.WriteLine(keptAside);
            if (outcome.Status == ReportStatus.InvalidInput)
                context.Error.WriteLine($"error: {Path.GetFileName(path)} is invalid; report.md in the bundle lists every diagnostic (run 'logistics validate' to see them here).");
            return ExitCode(outcome.Status, run.AnySolveWithoutSolution);
        });
        return command;
    }

    /// <summary>The report verb's exit code for a bundle of <paramref name="status"/> (also a distributed report study's).</summary>
    internal static int ExitCode(ReportStatus status, bool anySolveWithoutSolution) => status switch
    {
        ReportStatus.Complete => ExitCodes.Success,
        ReportStatus.InvalidInput => ExitCodes.InvalidInput,
        _ => anySolveWithoutSolution ? ExitCodes.NoSolution : ExitCodes.Feasible,
    };

    /// <summary>
    /// Fills <paramref name="folder"/>'s temporary folder and publishes it in place of the target; false, with the
    /// error said, when the disk is full or the folder was taken away meanwhile: what was in the target is untouched.
    /// </summary>
    internal static bool TryPublish(CliContext context, OutputFolder folder, Action<string> fill, out string? keptAside)
    {
        try
        {
            fill(folder.Temporary);
            keptAside = folder.Publish();
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.Error.WriteLine($"error: the bundle could not be written to {folder.Target}: {e.Message}");
            keptAside = null;
            return false;
        }
        finally
        {
            folder.Abandon();
        }
    }

    /// <summary>The files the report reads (network, overlays, seeds), which --out may never hold; the network alone when it cannot be read.</summary>
    private static ImmutableArray<string> Inputs(string path)
    {
        var (source, _) = NetworkSource.Read(path);
        return source is null ? [path] : source.InputFiles.Add(path);
    }

    /// <summary>The error line for a --scenario the file does not define; null when it does (or the file cannot be read: the bundle then lists why).</summary>
    private static string? UnknownScenario(string path, string scenario)
    {
        var (source, _) = NetworkSource.Read(path);
        if (source is null || source.ScenarioIds.Contains(scenario))
            return null;
        var known = source.ScenarioIds.IsEmpty ? "It defines no scenarios." : $"Known scenarios: {string.Join(", ", source.ScenarioIds)}.";
        return $"error: {Path.GetFileName(path)} defines no scenario '{ConsoleText.Escape(scenario)}'. {known} Nothing was written.";
    }

    /// <summary>"a,b" and "a b" (and repeated options) all give [a, b].</summary>
    private static ImmutableArray<string> Split(string[]? values) =>
        [.. (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];

    /// <summary>PATH:FROM:TO:STEPS as <c>--sweep</c> takes it (the study verb takes the same); null when malformed.</summary>
    internal static SweepRequest? ParseSweep(string text)
    {
        var parts = text.Split(':');
        if (parts.Length < 4) return null;
        var path = string.Join(':', parts[..^3]);
        var ok = double.TryParse(parts[^3], NumberStyles.Float, CultureInfo.InvariantCulture, out var from)
            & double.TryParse(parts[^2], NumberStyles.Float, CultureInfo.InvariantCulture, out var to)
            & int.TryParse(parts[^1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var steps);
        return ok && steps >= 2 && path.Length > 0 ? new SweepRequest(path, from, to, steps) : null;
    }
}
