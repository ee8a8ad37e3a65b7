using System.Collections.Immutable;

using Microsoft.Extensions.Time.Testing;

namespace Logistics.Reports.Tests;

/// <summary>
/// The bundle of the periodised network (networks/chagai-timeline.network.json) with the solve only, built once for
/// the tests that read it; the clock is fixed and timings are left out, so its files can be pinned as golden files.
/// </summary>
public sealed class TimelineBundle : IDisposable
{
    public TimelineBundle()
    {
        Folder = TestPaths.NewTempFolder();
        var builder = new ReportBundleBuilder(new FakeTimeProvider(DefaultBundle.RunAt)) { Parallelism = 2, IncludeTimings = false };
        Run = builder.RunAsync(new ReportRequest(TestPaths.TimelineNetwork, [], ["solve"]), Folder, CancellationToken.None).GetAwaiter().GetResult();
    }

    public string Folder { get; }

    public ReportRun Run { get; }

    public ReportModel Model => Run.Model!;

    public string Read(string name) => File.ReadAllText(Path.Combine(Folder, name));

    public ImmutableArray<string> Files => Run.Outcome.Files;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Cleaned by the system later.
        }
    }
}

[CollectionDefinition(Name)]
public sealed class TimelineBundleCollection : ICollectionFixture<TimelineBundle>
{
    public const string Name = "timeline bundle";
}
