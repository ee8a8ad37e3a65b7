using System.CommandLine;

using Logistics.Analysis;
using Logistics.Application;
using Logistics.Network.IO;
using Logistics.Network.Loading;

using static Logistics.Cli.Commands.CommandSupport;

namespace Logistics.Cli.Commands;

/// <summary>
/// One analysis verb (compare, value, sweep, resilience): the FILE argument and the options they all take (solver
/// options, <c>--parallel</c>, <c>--json</c>, <c>--timings</c>), and the steps they all run in the same order: check the
/// options, read the file or print its diagnostics, run the analysis as a study (<see cref="StudyRunner"/>: the verb's
/// options as a <see cref="StudyRequest"/>, without the study's own solve), print it, state unproven solves, write the JSON.
/// </summary>
/// <param name="own">The verb's own options, listed in help between FILE and the shared options.</param>
internal sealed class AnalysisVerb(CliContext context, string name, string description, params Option[] own)
{
    public Argument<FileInfo> File { get; } = FileArgument();

    public SolverOptions Solver { get; } = new();

    public Option<int> Parallel { get; } = ParallelOption();

    public Option<FileInfo?> Json { get; } = JsonOption();

    public Option<bool> Timings { get; } = TimingsOption();

    /// <summary>The command, running <paramref name="analyse"/> on the file and printing its report with <paramref name="write"/>.</summary>
    /// <param name="check">The verb's own usage checks: a message for a bad value, else null.</param>
    /// <param name="analyse">Runs the analysis from the verb's study request (solver, parallelism, no own solve, an
    /// inapplicable analysis thrown); returns the report, or an exit code after printing why there is none.</param>
    public Command Create<TReport>(
        Func<ParseResult, string?> check,
        Func<ParseResult, NetworkSource, StudyRequest, Analysed<TReport>> analyse,
        Action<ParseResult, TextWriter, TReport> write)
        where TReport : class, IAnalysisReport
    {
        var command = new Command(name, description) { File };
        foreach (var option in own)
            command.Options.Add(option);
        Solver.AddTo(command);
        command.Options.Add(Parallel);
        command.Options.Add(Json);
        command.Options.Add(Timings);
        command.SetAction(parse => Run(parse, check, analyse, write));
        return command;
    }

    private int Run<TReport>(
        ParseResult parse,
        Func<ParseResult, string?> check,
        Func<ParseResult, NetworkSource, StudyRequest, Analysed<TReport>> analyse,
        Action<ParseResult, TextWriter, TReport> write)
        where TReport : class, IAnalysisReport
    {
        if (CheckParallel(context, parse.GetValue(Parallel)) is { } usage) return usage;
        if (Solver.Read(parse, context) is not { } solver) return ExitCodes.Usage;
        if (check(parse) is { } message) return Usage(context, message);
        if (CheckOutput(context, parse.GetValue(Json), "--json") is { } unwritable) return unwritable;
        var source = Read(context, parse.GetValue(File)!.FullName);
        if (source is null) return ExitCodes.InvalidInput;
        Analysed<TReport> analysed;
        try
        {
            var study = new StudyRequest(source.FilePath) { SolveOwn = false, SkipInapplicable = false, Solver = solver, Parallelism = parse.GetValue(Parallel) };
            analysed = analyse(parse, source, study);
        }
        catch (AnalysisInputException ex)
        {
            return InvalidInput(context, ex);
        }

        if (analysed.Report is not { } report) return analysed.ExitCode;
        write(parse, context.Out, report);
        var exit = Finish(context, report.Tally);
        return WriteJson(context, report, parse.GetValue(Json), parse.GetValue(Timings)) ? exit : ExitCodes.InvalidInput;
    }
}

/// <summary>What an analysis verb's run gave: a report to print, or the exit code of why there is none (already printed).</summary>
internal readonly record struct Analysed<TReport>(TReport? Report, int ExitCode)
    where TReport : class
{
    public static Analysed<TReport> Done(TReport report) => new(report, ExitCodes.Success);

    public static Analysed<TReport> Failed(int exitCode) => new(null, exitCode);
}
