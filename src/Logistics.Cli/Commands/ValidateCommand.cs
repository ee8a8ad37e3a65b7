using System.CommandLine;
using System.Globalization;

using Logistics.Network.Diagnostics;
using Logistics.Network.IO;
using Logistics.Network.Loading;
using Logistics.Network.Text;

namespace Logistics.Cli.Commands;

/// <summary>
/// <c>logistics validate FILE [--scenario S] [--strict]</c>: loads the network and prints every problem at once.
/// Without --scenario the base network and then each scenario are checked.
/// </summary>
public static class ValidateCommand
{
    public static Command Create(CliContext context)
    {
        var file = CommandSupport.NetworkPathArgument();
        var scenario = CommandSupport.ScenarioOption("Check only the network with this scenario applied.");
        var strict = new Option<bool>("--strict") { Description = "Treat warnings as errors." };
        var command = new Command("validate", "Check a network file and print every problem with its code, place and fix.") { file, scenario, strict };
        command.SetAction(parse => Run(context, parse.GetValue(file)!, parse.GetValue(scenario), parse.GetValue(strict)));
        return command;
    }

    private static int Run(CliContext context, string path, string? scenario, bool strict)
    {
        var diagnostics = Collect(path, scenario, strict);
        foreach (var d in diagnostics) context.Out.WriteLine(ConsoleText.Escape(d.ToString()));
        var errors = diagnostics.Count(d => d.Severity == Severity.Error);
        var warnings = diagnostics.Count(d => d.Severity == Severity.Warning);
        var counts = $"{Plural(errors, "error")}, {Plural(warnings, "warning")}";
        context.Out.WriteLine(errors == 0 ? $"{path}: valid ({counts})." : $"{path}: invalid ({counts}).");
        return errors == 0 ? ExitCodes.Success : ExitCodes.InvalidInput;
    }

    /// <summary>The base (or chosen scenario) diagnostics, then those each other scenario adds, labelled with the scenario.</summary>
    internal static List<Diagnostic> Collect(string path, string? scenario, bool strict)
    {
        var (source, readDiagnostics) = NetworkSource.Read(path);
        if (source is null) return [.. Network.Validation.DiagnosticOrder.Sort(readDiagnostics, strict)];
        var main = source.Bind(new LoadOptions { Scenario = scenario, Strict = strict });
        var all = main.Diagnostics.ToList();
        if (scenario is not null || main.Network is null) return all;
        var seen = all.Select(Key).ToHashSet();
        foreach (var id in source.ScenarioIds.Distinct(StringComparer.Ordinal))
        {
            foreach (var d in source.Bind(new LoadOptions { Scenario = id, Strict = strict }).Diagnostics)
            {
                if (seen.Add(Key(d))) all.Add(d with { Message = $"In scenario '{id}': {d.Message}" });
            }
        }

        return all;
    }

    private static string Key(Diagnostic d) => $"{d.Code}|{d.Path}|{d.File}|{d.Line}|{d.Column}";

    private static string Plural(int n, string word) => $"{n.ToString(CultureInfo.InvariantCulture)} {word}{(n == 1 ? "" : "s")}";
}
