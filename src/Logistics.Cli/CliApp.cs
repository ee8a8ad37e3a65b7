using System.CommandLine;

namespace Logistics.Cli;

/// <summary>
/// Parses and runs a host's command line: one <see cref="Command"/> per verb, each made by its own class in
/// <c>Commands/</c>; the host (<see cref="CliHost"/>) says which verbs. The full list is in <c>CliApp.Verbs.cs</c>, which
/// the solve-only host does not compile. Runs in-process with injected writers, so tests see exactly what a user sees.
/// </summary>
public static partial class CliApp
{
    public static RootCommand CreateRoot(CliHost host, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(host);
        var root = new RootCommand(host.Description);
        foreach (var command in host.Verbs(context))
            root.Subcommands.Add(command);
        return root;
    }

    /// <summary>Parses and runs <paramref name="args"/> with <paramref name="host"/>'s verbs; returns an exit code from <see cref="ExitCodes"/>. Never throws for user errors.</summary>
    public static int Run(string[] args, CliHost host, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var help = (Out: stdout, Error: stderr);
        // Everything a verb prints goes through the console-text sanitiser; only System.CommandLine's own help text
        // (ours, no user data) is written to the raw writers.
        using var safeOut = new ConsoleTextWriter(stdout);
        using var safeError = new ConsoleTextWriter(stderr);
        stdout = safeOut;
        stderr = safeError;

        // No file name can hold a NUL, and printing one garbles the terminal: refuse it before any parsing.
        if (args.FirstOrDefault(a => a.Contains('\0', StringComparison.Ordinal)) is { } withNul)
        {
            stderr.WriteLine($"error: the argument '{withNul.Replace("\0", "\\0", StringComparison.Ordinal)}' contains a NUL character, which no path or value can hold.");
            return ExitCodes.Usage;
        }

        var context = new CliContext(stdout, stderr, cancellationToken);
        var root = CreateRoot(host, context);
        var parse = root.Parse(args);
        var configuration = new InvocationConfiguration { Output = help.Out, Error = help.Error, EnableDefaultExceptionHandler = false };
        if (parse.Errors.Count > 0 && !RequestsHelp(args))
        {
            foreach (var error in parse.Errors)
                stderr.WriteLine($"error: {error.Message}");
            stderr.WriteLine($"Run '{host.Program} --help' (or '{host.Program} <command> --help') for usage.");
            return ExitCodes.Usage;
        }

        try
        {
            return parse.Invoke(configuration);
        }
        catch (OperationCanceledException)
        {
            stderr.WriteLine("Cancelled.");
            return ExitCodes.NoSolution;
        }
#pragma warning disable CA1031 // The edge of the program: a bug must become exit code 3 with a message, not a crash.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            stderr.WriteLine($"internal error: {ex.GetType().Name}: {ex.Message}");
            stderr.WriteLine("This is a bug in logistics. Please report it with the input file and the command line.");
            return ExitCodes.Internal;
        }
    }

    private static bool RequestsHelp(string[] args) => args.Any(a => a is "-h" or "--help" or "-?");
}
