using System.CommandLine;
using System.Reflection;

namespace Logistics.Cli.Commands;

/// <summary><c>logistics version</c>: the tool's version, for run manifests and bug reports.</summary>
public static class VersionCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("version", "Print the version of logistics.");
        command.SetAction(_ =>
        {
            context.Out.WriteLine($"logistics {ToolVersion}");
            return ExitCodes.Success;
        });
        return command;
    }

    public static string ToolVersion =>
        typeof(VersionCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
}
