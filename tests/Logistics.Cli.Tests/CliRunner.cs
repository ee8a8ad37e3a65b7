using Logistics.Cli;

namespace Logistics.Cli.Tests;

/// <summary>Runs the CLI in-process and captures what a user would see.</summary>
public static class CliRunner
{
    public sealed record CliOutput(int ExitCode, string Out, string Error);

    public static CliOutput Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CliApp.Run(args, stdout, stderr);
        return new CliOutput(code, stdout.ToString(), stderr.ToString());
    }
}
