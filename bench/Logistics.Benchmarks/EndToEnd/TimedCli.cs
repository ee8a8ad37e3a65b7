namespace Logistics.Benchmarks.EndToEnd;

/// <summary>
/// One logistics executable the side-by-side run times: its column label, the program to start and the arguments
/// before the verb (the <c>.dll</c> when <c>dotnet</c> runs it). The full CLI and <c>logistics-solve</c> take the same
/// <c>solve FILE …</c> command line.
/// </summary>
public sealed record TimedCli(string Label, string Program, IReadOnlyList<string> Prefix)
{
    /// <summary>An apphost or native executable runs as itself; a <c>.dll</c> through <c>dotnet</c>.</summary>
    public static TimedCli At(string fullPath, string label) =>
        fullPath.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? new(label, "dotnet", [fullPath]) : new(label, fullPath, []);

    public string CommandLine => string.Join(' ', Prefix.Prepend(Program));
}
