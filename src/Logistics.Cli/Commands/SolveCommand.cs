using System.CommandLine;
using System.Globalization;

using Logistics.Network.IO;
using Logistics.Optimisation;

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
    private static readonly string[] SolverNames = ["auto", "scip", "cbc", "highs", "cp-sat", "glop"];

    public static Command Create(CliContext context)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The network file (*.network.json)." };
        var scenario = new Option<string?>("--scenario") { Description = "Apply this scenario (an id the file defines) before solving." };
        var solver = new Option<string>("--solver") { Description = "Solver backend (auto picks GLOP when every option is fixed, else SCIP).", DefaultValueFactory = _ => "auto" };
        solver.AcceptOnlyFromAmong(SolverNames);
        var timeLimit = new Option<double?>("--time-limit") { Description = "Stop after this many seconds and report the best solution so far with its gap." };
        var gap = new Option<double?>("--gap") { Description = "Relative MIP gap at which to stop, e.g. 0.001." };
        var threads = new Option<int>("--threads") { Description = "Solver threads (1 keeps runs reproducible).", DefaultValueFactory = _ => 1 };
        var json = new Option<FileInfo?>("--json") { Description = "Also write the whole result as JSON (docs/result-format.md) to this file." };
        var timings = AnalysisCommandSupport.TimingsOption();
        var export = new Option<FileInfo?>("--export-model") { Description = "Also write the exact model to FILE.lp (LP format) or FILE.mps (free MPS); names as in docs/model.md." };

        var command = new Command("solve", "Choose which options to build and how cargo flows, at least cost per year.")
        {
            file, scenario, solver, timeLimit, gap, threads, json, timings, export,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!.FullName;
            if (parse.GetValue(timeLimit) is { } seconds && !(seconds > 0))
                return UsageError(context, "--time-limit must be a positive number of seconds.");
            if (parse.GetValue(gap) is { } g && !(g >= 0))
                return UsageError(context, "--gap must be zero or a positive fraction, e.g. 0.001.");
            if (parse.GetValue(threads) < 1)
                return UsageError(context, "--threads must be at least 1.");
            if (parse.GetValue(export) is { } target && !(target.Extension.Equals(".lp", StringComparison.OrdinalIgnoreCase) || target.Extension.Equals(".mps", StringComparison.OrdinalIgnoreCase)))
                return UsageError(context, $"--export-model {target.Name}: the file name must end in .lp or .mps.");

            var loaded = NetworkLoader.Load(path, new LoadOptions { Scenario = parse.GetValue(scenario) });
            foreach (var diagnostic in loaded.Diagnostics)
                context.Error.WriteLine(diagnostic.ToString());
            if (!loaded.Succeeded || loaded.Network is null)
                return ExitCodes.InvalidInput;

            var settings = new SolverSettings(
                ParseBackend(parse.GetValue(solver) ?? "auto"),
                parse.GetValue(timeLimit) is { } s ? TimeSpan.FromSeconds(s) : null,
                parse.GetValue(gap),
                parse.GetValue(threads));
            if (parse.GetValue(export) is { } modelFile)
            {
                NetworkOptimiser.ExportModel(loaded.Network, settings, modelFile.FullName);
                context.Out.WriteLine($"Model written to {modelFile.Name}.");
            }

            var result = new NetworkOptimiser().Solve(loaded.Network, settings, context.CancellationToken);
            ResultConsoleWriter.Write(result, loaded.Network, context.Out);
            if (parse.GetValue(json) is { } output)
            {
                ResultJsonWriter.WriteFile(result, output.FullName, parse.GetValue(timings));
                context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Result written to {output.Name}."));
            }

            return result.Status switch
            {
                SolveStatus.Optimal => ExitCodes.Success,
                SolveStatus.Feasible => ExitCodes.Feasible,
                SolveStatus.Infeasible => ExitCodes.Infeasible,
                SolveStatus.Unbounded => ExitCodes.Unbounded,
                SolveStatus.NoSolution => ExitCodes.NoSolution,
                _ when settings.Backend != SolverBackend.Auto => ErrorToStderr(context, result, ExitCodes.Usage),
                _ => ErrorToStderr(context, result, ExitCodes.Internal),
            };
        });
        return command;
    }

    private static SolverBackend ParseBackend(string name) => name switch
    {
        "scip" => SolverBackend.Scip,
        "cbc" => SolverBackend.Cbc,
        "highs" => SolverBackend.Highs,
        "cp-sat" => SolverBackend.CpSat,
        "glop" => SolverBackend.Glop,
        _ => SolverBackend.Auto,
    };

    private static int ErrorToStderr(CliContext context, OptimisationResult result, int code)
    {
        context.Error.WriteLine($"error: {result.StatusMessage}");
        return code;
    }

    private static int UsageError(CliContext context, string message)
    {
        context.Error.WriteLine($"error: {message}");
        return ExitCodes.Usage;
    }
}
