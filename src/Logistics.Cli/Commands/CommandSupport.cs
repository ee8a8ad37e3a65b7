using System.CommandLine;
using System.Globalization;

using Logistics.Analysis;
using Logistics.Application;
using Logistics.Network.Diagnostics;
using Logistics.Network.IO;
using Logistics.Network.Loading;
using Logistics.Network.Model;
using Logistics.Network.Text;
using Logistics.Optimisation;
using Logistics.Presentation;

namespace Logistics.Cli.Commands;

/// <summary>
/// What the verbs share: the network-file argument and the options every verb defines the same way, reading and
/// binding the network or printing its diagnostics, formatting and error reporting. <c>AnalysisVerb</c> (not compiled into logistics-solve, hence no cref) runs
/// the analysis verbs' common steps on top of it.
/// </summary>
internal static class CommandSupport
{
    public static Argument<FileInfo> FileArgument() => new("FILE") { Description = "The network file (*.network.json)." };

    /// <summary>The lower-case <c>file</c> argument of validate and describe (kept: their help text shows it).</summary>
    public static Argument<string> NetworkPathArgument() => new("file") { Description = "The network file (networks/<name>.network.json)." };

    public static Option<int> ParallelOption() => new("--parallel")
    {
        Description = "How many solves run at once (each single-threaded when more than one); default: the number of cores.",
        DefaultValueFactory = _ => Environment.ProcessorCount,
    };

    public static Option<FileInfo?> JsonOption() => new("--json") { Description = "Also write the whole analysis as JSON to this file (docs/analyses.md, \"JSON\")." };

    public static Option<bool> TimingsOption() => new("--timings")
    {
        Description = "Also write run timings (start time, elapsed, each solve's times) into the output files; without them the same input gives byte-identical files.",
    };

    public static Option<string?> ScenarioOption(string description = "Apply this scenario (an id the file defines) first.") => new("--scenario") { Description = description };

    /// <summary>Checks --parallel; null when it is fine, else the usage exit code after the message.</summary>
    public static int? CheckParallel(CliContext context, int parallel) =>
        parallel < 1 ? Usage(context, "--parallel must be at least 1.") : null;

    /// <summary>
    /// Says so when a solve stopped before proving optimality (time or gap limit), and returns the exit code: such
    /// figures are the best found, not the optimum (exit code 4, as for <c>solve</c>).
    /// </summary>
    public static int Finish(CliContext context, SolveTally tally)
    {
        if (tally.AllProven) return ExitCodes.Success;
        context.Out.WriteLine();
        context.Out.WriteLine($"Not proven optimal: {tally.Unproven.ToString(CultureInfo.InvariantCulture)} of {tally.Solves.ToString(CultureInfo.InvariantCulture)} solves stopped at the time or gap limit (status feasible or no solution); figures from them are the best found, not the optimum.");
        return ExitCodes.Feasible;
    }

    /// <summary>Reads the file once; prints read errors. Null when it cannot be read.</summary>
    public static NetworkSource? Read(CliContext context, string path)
    {
        var (source, diagnostics) = NetworkSource.Read(path);
        foreach (var diagnostic in diagnostics.Where(d => d.Severity == Severity.Error))
            context.Error.WriteLine(ConsoleText.Escape(diagnostic.ToString()));
        return source;
    }

    /// <summary>Binds one variant; prints its errors (and, with the scenario's name, a hint) when it does not load.</summary>
    public static NetworkSnapshot? Bind(CliContext context, NetworkSource source, string? scenario) =>
        Bound(context, source, scenario, source.Bind(new LoadOptions { Scenario = scenario }));

    /// <summary>
    /// Loads a study's input (<see cref="StudyRunner.Load(NetworkSource, StudyRequest)"/>) for a verb's checks before
    /// it runs; prints as <see cref="Bind"/> does when the subject does not load, and returns null then.
    /// </summary>
    public static StudyInput? Load(CliContext context, NetworkSource source, StudyRequest request)
    {
        var input = StudyRunner.Load(source, request);
        return input.Loaded is not { } loaded || Bound(context, source, request.Scenario, loaded) is not null ? input : null;
    }

    private static NetworkSnapshot? Bound(CliContext context, NetworkSource source, string? scenario, LoadResult loaded)
    {
        foreach (var diagnostic in loaded.Errors)
            context.Error.WriteLine(ConsoleText.Escape(diagnostic.ToString()));
        if (loaded.Succeeded && loaded.Network is not null)
            return loaded.Network;
        context.Error.WriteLine($"{source.FilePath}: the network{(scenario is null ? "" : $" with scenario '{scenario}'")} is invalid; run 'logistics validate' for every problem.");
        return null;
    }

    /// <summary>Writes the analysis JSON when asked; false after printing why it could not be written.</summary>
    public static bool WriteJson<T>(CliContext context, T report, FileInfo? json, bool includeTimings)
        where T : class
    {
        if (json is null) return true;
        if (!OutputFile.TryWrite(context, json, "--json", AnalysisJson.ToFileText(report, includeTimings))) return false;
        context.Out.WriteLine();
        context.Out.WriteLine($"Analysis written to {json.Name}.");
        return true;
    }

    /// <summary>Checks an output file option before any work; the exit code after the message, else null.</summary>
    public static int? CheckOutput(CliContext context, FileInfo? file, string option)
    {
        if (OutputFile.Check(file, option) is not { } message) return null;
        context.Error.WriteLine($"error: {message}");
        return ExitCodes.InvalidInput;
    }

    public static int InvalidInput(CliContext context, AnalysisInputException exception)
    {
        foreach (var diagnostic in exception.Diagnostics)
            context.Error.WriteLine(ConsoleText.Escape(diagnostic.ToString()));
        context.Error.WriteLine($"error: {exception.Message}");
        return ExitCodes.InvalidInput;
    }

    public static int Usage(CliContext context, string message)
    {
        context.Error.WriteLine($"error: {message}");
        return ExitCodes.Usage;
    }

    public static string M(double? usd) => usd is { } v ? MoneyFormat.Millions(v) : "-";

    /// <summary>A difference in M USD with its sign; one that rounds to 0.0 shows no sign.</summary>
    public static string Signed(double? usd) => usd is { } v ? MoneyFormat.SignedMillions(v) : "-";

    public static string T(double tonnes) => MoneyFormat.Tonnes(tonnes);

    public static string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    public static string Status(SolveStatus status) => status.ToString().ToLowerInvariant();

    public static string List<T>(IEnumerable<T> items) => items.Any() ? string.Join(", ", items) : "(none)";
}
