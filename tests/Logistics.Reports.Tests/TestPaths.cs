namespace Logistics.Reports.Tests;

/// <summary>Where the repository's files are, found from the test assembly's folder.</summary>
internal static class TestPaths
{
    public static string RepositoryRoot { get; } = RepositoryPaths.Root;

    public static string DefaultNetwork => Path.Combine(RepositoryRoot, "networks", "chagai.network.json");

    public static string TimelineNetwork => Path.Combine(RepositoryRoot, "networks", "chagai-timeline.network.json");

    public static string Golden(string name, string network = "chagai") => Path.Combine(RepositoryRoot, "tests", "Logistics.Reports.Tests", "Golden", network, name);

    /// <summary>A new empty folder under the system's temporary folder.</summary>
    public static string NewTempFolder()
    {
        var path = Path.Combine(Path.GetTempPath(), "logistics-reports-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }
}
