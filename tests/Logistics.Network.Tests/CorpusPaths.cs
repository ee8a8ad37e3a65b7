namespace Logistics.Network.Tests;

/// <summary>Locates the test corpus and the repository root from the test's output folder.</summary>
internal static class CorpusPaths
{
    public static string RepositoryRoot { get; } = RepositoryPaths.Root;

    public static string Corpus => Path.Combine(RepositoryRoot, "tests", "Logistics.Network.Tests", "Corpus");

    public static string Valid(string name) => Path.Combine(Corpus, "valid", name);

    public static string Broken => Path.Combine(Corpus, "broken");
}
