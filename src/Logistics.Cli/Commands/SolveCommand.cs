using System.CommandLine;
using System.Diagnostics;
using System.Globalization;

using Logistics.Application;
using Logistics.Network.Diagnostics;
using Logistics.Network.IO;
using Logistics.Network.Text;
using Logistics.Optimisation;
using Logistics.Optimisation.Solving;
using Logistics.Presentation;

namespace Logistics.Cli.Commands;

/// <summary>
/// <c>logistics solve FILE [--scenario S] [--solver auto|scip|cbc|highs|cp-sat|glop] [--time-limit SECONDS] [--gap G] [--threads N] [--json FILE [--timings]] [--export-model FILE.lp|FILE.mps]</c>:
/// loads the network (with the scenario applied), solves it, prints the summary (with prices, or the diagnosis when
/// infeasible), optionally writes the JSON result and the model.
/// Exit code by status: optimal 0, feasible 4, infeasible 5, unbounded 6, no solution 7; invalid input 1; a backend
/// that cannot take this model (chosen with --solver) 2; any other solver error 3.
/// </summary>
public static class SolveCommand
{
    public static Command Create(CliContext context)
    {
        var file = CommandSupport.FileArgument();
        var scenario = CommandSupport.ScenarioOption("Apply this scenario (an id the file defines) before solving.");
        var solver = new SolverOptions();
        var threads = new Option<int>("--threads") { Description = "Solver threads (1 keeps runs reproducible).", DefaultValueFactory = _ => 1 };
        var json = new Option<FileInfo?>("--json") { Description = "Also write the whole result as JSON (docs/result-format.md) to this file." };
        var timings = new Option<bool>("--timings")
        {
            Description = "Print where the run's time went, stage by stage (process start, reading, binding, each validation check, model build, solve, extraction, prices, output), and write the solver's timings into --json.",
        };
        var export = new Option<FileInfo?>("--export-model") { Description = "Also write the exact model to FILE.lp (LP format) or FILE.mps (free MPS); names as in docs/model.md." };

        var command = new Command("solve", "Choose which options to build and how cargo flows, at least cost per year.")
        {
            file, scenario,
        };
        solver.AddTo(command);
        command.Options.Add(threads);
        command.Options.Add(json);
        command.Options.Add(timings);
        command.Options.Add(export);
        command.SetAction(parse =>
        {
            var processStart = StageTimingsWriter.SinceProcessStart();
            var started = Stopwatch.GetTimestamp();
            var stages = parse.GetValue(timings) ? new StageTimings() : null;
            StageTimings.Current = stages;
            try
            {
                return Run(parse, context, stages, processStart, started);
            }
            finally
            {
                StageTimings.Current = null;
            }
        });
        return command;

        int Run(ParseResult parse, CliContext context, StageTimings? stages, TimeSpan processStart, long started)
        {
            // Relative to where the user stands, so diagnostics name files as they typed them.
            var path = Path.GetRelativePath(Directory.GetCurrentDirectory(), parse.GetValue(file)!.FullName);
            if (solver.Read(parse, context, parse.GetValue(threads)) is not { } settings)
                return ExitCodes.Usage;
            if (parse.GetValue(threads) is < 1 or > SolverOptions.MaxThreads)
                return CommandSupport.Usage(context, $"--threads must be between 1 and {SolverOptions.MaxThreads} (the most any backend accepts; SCIP refuses more).");
            if (parse.GetValue(export) is { } target && !(target.Extension.Equals(".lp", StringComparison.OrdinalIgnoreCase) || target.Extension.Equals(".mps", StringComparison.OrdinalIgnoreCase)))
                return CommandSupport.Usage(context, $"--export-model {target.Name}: the file name must end in .lp or .mps.");
            if (CommandSupport.CheckOutput(context, parse.GetValue(json), "--json") is { } badJson) return badJson;
            if (CommandSupport.CheckOutput(context, parse.GetValue(export), "--export-model") is { } badModel) return badModel;

            // A study of the file or scenario with its own solve and no analyses: loaded first, so the model can be exported before solving.
            // The solver library loads on another core while the file is read and bound.
            BackendWarmUp.Start();
            var request = new StudyRequest(path) { Scenario = parse.GetValue(scenario), Solver = settings, Parallelism = 1 };
            var input = StudyRunner.Load(request);
            // Errors in full (binding sorts them in the validator's order; a file that cannot be read has one); warnings
            // as one line, so the plan is not buried under them ('validate' lists them).
            var diagnostics = input.Diagnostics;
            foreach (var diagnostic in diagnostics.Where(d => d.Severity == Severity.Error))
                context.Error.WriteLine(ConsoleText.Escape(diagnostic.ToString()));
            var warnings = diagnostics.Count(d => d.Severity == Severity.Warning);
            if (warnings > 0)
                context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{path}: {warnings} warning(s); 'logistics validate {path}' lists them."));
            if (!input.Succeeded || input.Network is not { } network)
                return ExitCodes.InvalidInput;

            if (parse.GetValue(export) is { } modelFile)
            {
                var format = modelFile.Extension.Equals(".lp", StringComparison.OrdinalIgnoreCase) ? ModelFileFormat.Lp : ModelFileFormat.Mps;
                if (!OutputFile.TryWrite(context, modelFile, "--export-model", NetworkOptimiser.ExportModel(network, settings, format)))
                    return ExitCodes.InvalidInput;
                context.Out.WriteLine($"Model written to {modelFile.Name}.");
            }

            var result = new StudyRunner().Run(input, request, context.CancellationToken).Base!;
            var writing = Stopwatch.GetTimestamp();
            ResultConsoleWriter.Write(result, network, context.Out);
            if (parse.GetValue(json) is { } output)
            {
                if (!OutputFile.TryWrite(context, output, "--json", ResultJsonWriter.ToJson(result, parse.GetValue(timings))))
                    return ExitCodes.InvalidInput;
                context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Result written to {output.Name}."));
            }

            if (stages is not null)
                StageTimingsWriter.Write(context.Out, processStart, stages, result.Solver, Stopwatch.GetElapsedTime(writing), processStart + Stopwatch.GetElapsedTime(started));

            return result.Status switch
            {
                SolveStatus.Optimal => ExitCodes.Success,
                SolveStatus.Feasible => ExitCodes.Feasible,
                SolveStatus.Infeasible => ExitCodes.Infeasible,
                SolveStatus.Unbounded => ExitCodes.Unbounded,
                SolveStatus.NoSolution => ExitCodes.NoSolution,
                _ when settings.Backend != SolverBackend.Auto || settings.BackendParameters is not null => ErrorToStderr(context, result, ExitCodes.Usage),
                _ => ErrorToStderr(context, result, ExitCodes.Internal),
            };
        }
    }

    private static int ErrorToStderr(CliContext context, OptimisationResult result, int code)
    {
        context.Error.WriteLine($"error: {result.StatusMessage}");
        return code;
    }
}
