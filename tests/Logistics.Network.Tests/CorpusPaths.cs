namespace Logistics.Network.Tests;

/// <summary>Locates the test corpus and the repository root from the test's output folder.</summary>
internal static class CorpusPaths
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Corpus => Path.Combine(RepositoryRoot, "tests", "Logistics.Network.Tests", "Corpus");

    public static string Valid(string name) => Path.Combine(Corpus, "valid", name);

    public static string Broken => Path.Combine(Corpus, "broken");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Logistics.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Cannot find the repository root (Logistics.sln) above the test folder.");
    }
}
