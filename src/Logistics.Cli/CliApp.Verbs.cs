using System.CommandLine;

using Logistics.Cli.Commands;

namespace Logistics.Cli;

/// <summary>The full <c>logistics</c> command line: every verb. Not compiled into the solve-only host.</summary>
public static partial class CliApp
{
    public static CliHost Full { get; } = new(
        "logistics",
        "logistics: choose builds and export routes for mineral logistics networks, and explain the answer.",
        Verbs);

    public static RootCommand CreateRoot(CliContext context) => CreateRoot(Full, context);

    /// <summary>Parses and runs <paramref name="args"/> with every verb; returns an exit code from <see cref="ExitCodes"/>. Never throws for user errors.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default) =>
        Run(args, Full, stdout, stderr, cancellationToken);

    // New verbs are added here, one line each.
    private static IEnumerable<Command> Verbs(CliContext context)
    {
        yield return VersionCommand.Create(context);
        yield return ValidateCommand.Create(context);
        yield return DescribeCommand.Create(context);
        yield return SolveCommand.Create(context);
        yield return CompareCommand.Create(context);
        yield return ValueCommand.Create(context);
        yield return SweepCommand.Create(context);
        yield return UncertaintyCommand.Create(context);
        yield return ResilienceCommand.Create(context);
        yield return GeneratedFilesCommand.CreateSchema(context);
        yield return GeneratedFilesCommand.CreateDocs(context);
        yield return ReportCommand.Create(context);
        yield return StudyCommand.Create(context);
    }
}
