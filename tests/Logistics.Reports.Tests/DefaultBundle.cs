using System.Collections.Immutable;

using Microsoft.Extensions.Time.Testing;

namespace Logistics.Reports.Tests;

/// <summary>
/// The bundle of the default network with the default analyses, built once for every test that reads it (building
/// takes a few seconds). The clock is fixed, so the manifest's time of the run is the same on every run.
/// </summary>
public sealed class DefaultBundle : IDisposable
{
    public static readonly DateTimeOffset RunAt = new(2026, 1, 15, 9, 30, 0, TimeSpan.Zero);

    public DefaultBundle()
    {
        Folder = TestPaths.NewTempFolder();
        var builder = new ReportBundleBuilder(new FakeTimeProvider(RunAt)) { Parallelism = 2 };
        Run = builder.RunAsync(new ReportRequest(TestPaths.DefaultNetwork, [], []), Folder, CancellationToken.None).GetAwaiter().GetResult();
    }

    public string Folder { get; }

    public ReportRun Run { get; }

    public ReportOutcome Outcome => Run.Outcome;

    public string Read(string name) => File.ReadAllText(Path.Combine(Folder, name));

    public ImmutableArray<string> Files => Outcome.Files;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A browser may still hold a file for a moment; the temp folder is cleaned by the system later.
        }
    }
}

[CollectionDefinition(Name)]
public sealed class DefaultBundleCollection : ICollectionFixture<DefaultBundle>
{
    public const string Name = "default bundle";
}
