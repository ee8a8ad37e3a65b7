namespace Logistics.TestKit;

/// <summary>
/// The repository's root (the folder holding <c>Logistics.sln</c>), found by walking up from the running assembly's
/// folder, and the files tests read from it. One finder for every test project instead of a copy in each.
/// </summary>
public static class RepositoryPaths
{
    public const string SolutionFile = "Logistics.sln";

    private static readonly Lazy<string> LazyRoot = new(() => FindAbove(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException($"Cannot find the repository root ({SolutionFile}) above '{AppContext.BaseDirectory}'."));

    /// <summary>The repository root; throws when the assembly does not run from inside a clone.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>networks/chagai.network.json, the default network.</summary>
    public static string DefaultNetwork => Network("chagai.network.json");

    /// <summary>A file in networks/.</summary>
    public static string Network(string fileName) => Path.Combine(Root, "networks", fileName);

    /// <summary>The first folder at or above <paramref name="start"/> that holds <c>Logistics.sln</c>; null when none does.</summary>
    public static string? FindAbove(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
                return dir.FullName;
        }

        return null;
    }
}
