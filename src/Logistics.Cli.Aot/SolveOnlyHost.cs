using Logistics.Cli;
using Logistics.Cli.Commands;

namespace Logistics.Cli.Aot;

/// <summary>
/// The command line of <c>logistics-solve</c>: the same as <c>logistics</c> with only the <c>solve</c> verb, so a script
/// swaps the program name and nothing else (<c>logistics-solve solve FILE …</c>), and prints the same bytes.
/// </summary>
public static class SolveOnlyHost
{
    public static CliHost Host { get; } = new(
        "logistics-solve",
        "logistics-solve: the solve verb of logistics alone, compiled ahead of time for a fast start. Same options and output as 'logistics solve'.",
        context => [SolveCommand.Create(context)]);

    /// <summary>Parses and runs <paramref name="args"/>; returns an exit code from <see cref="ExitCodes"/>.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default) =>
        CliApp.Run(args, Host, stdout, stderr, cancellationToken);
}
