using Logistics.TestKit;

namespace Logistics.Benchmarks.StandardSets;

/// <summary>
/// Where the standard benchmark files are: <c>../shared/benchmarks/</c> beside the repository (they are never copied into
/// it), or a folder given with <c>--data</c> or the <c>LOGISTICS_BENCHMARKS</c> environment variable.
/// </summary>
public static class BenchmarkFolder
{
    public const string Variable = "LOGISTICS_BENCHMARKS";

    /// <summary>The folder holding <c>mcnd/</c>, <c>cflp/</c> and <c>mincost/</c>; throws with what to do when it is absent.</summary>
    public static string Locate(string? overridePath = null)
    {
        var given = overridePath ?? Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(given))
        {
            return Directory.Exists(given)
                ? Path.GetFullPath(given)
                : throw new DirectoryNotFoundException($"The benchmark folder '{given}' (from --data or {Variable}) does not exist.");
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            if (RepositoryPaths.FindAbove(start) is not { } root)
                continue;
            var shared = Path.GetFullPath(Path.Combine(root, "..", "shared", "benchmarks"));
            if (Directory.Exists(shared))
                return shared;
            throw new DirectoryNotFoundException(
                $"The standard benchmark files are not at '{shared}' (the folder shared/benchmarks beside the repository). " +
                $"Put them there, or name their folder with --data DIR or the {Variable} environment variable.");
        }

        throw new DirectoryNotFoundException($"Cannot find the repository root (Logistics.sln) above the current folder; name the benchmark folder with --data DIR or {Variable}.");
    }
}
