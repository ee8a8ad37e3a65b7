using System.Collections.Concurrent;
using Logistics.Reports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Logistics.Worker.Tests;

/// <summary>
/// Where the worker may write and what it must not lose: series names that would climb out of the reports folder,
/// a job resumed after it had already published, and builds that meet a full disk. On the real host.
/// </summary>
public sealed class UnsafeOutputTests
{
    [Fact]
    [Trait(TestCategory.Name, TestCategory.Process)]
    public async Task A_network_file_named_with_dots_cannot_put_a_bundle_outside_the_reports_folder()
    {
        using var folder = new TestFolder();
        folder.WriteNetwork("chagai");
        folder.Write(Path.Combine(folder.Networks, "...network.json"), TestFolder.NetworkJson("dots"));
        folder.Write(Path.Combine(folder.Networks, "..network.json"), TestFolder.NetworkJson("dot"));
        await using WorkerHost worker = await WorkerHost.StartAsync(folder);

        folder.DropJob("climb", """{ "network": "...network.json", "output": "escaped" }""");
        folder.DropJob("here", """{ "network": "..network.json", "output": "escaped" }""");

        foreach (string job in new[] { "climb", "here" })
        {
            JobRecord record = await JobTests.WaitForRecordAsync(folder, "failed", job, worker.Logs);
            Assert.Contains("cannot name a folder under the reports folder", record.Error, StringComparison.Ordinal);
            Assert.Null(record.Report);
        }

        // Before the fix the first job's bundle went to <root>/escaped (reports/../escaped).
        Assert.False(Directory.Exists(Path.Combine(folder.Root, "escaped")));
        Assert.False(Directory.Exists(Path.Combine(folder.Reports, "escaped")));
        Assert.Equal(["networks", "reports", "seeds"], Directory.GetDirectories(folder.Root).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData(".hidden")]
    [InlineData("latest")]
    [InlineData("a/b")]
    [InlineData("20260101T000000Z-0123456789ab")]
    [InlineData("")]
    public void Series_names_that_could_escape_hide_or_be_mistaken_are_refused(string name) =>
        Assert.False(BundleFolderName.IsSeriesName(name));

    [Fact]
    public async Task The_publisher_refuses_a_series_folder_that_resolves_outside_the_reports_root()
    {
        using var folder = new TestFolder();
        Directory.CreateDirectory(folder.Reports);
        var publisher = new BundlePublisher(TimeProvider.System, NullLogger<BundlePublisher>.Instance);
        string outside = Path.Combine(folder.Root, "elsewhere");
        Directory.CreateDirectory(outside);
        Directory.CreateSymbolicLink(Path.Combine(folder.Reports, "linked"), outside);
        int builds = 0;
        Task<ReportOutcome> Build(string directory, CancellationToken ct)
        {
            builds++;
            return Task.FromResult(new ReportOutcome(ReportStatus.Complete, [], "ok"));
        }

        foreach (string series in new[] { Path.Combine(folder.Reports, ".."), Path.Combine(folder.Reports, "..", "x"), folder.Reports, Path.Combine(folder.Reports, "linked") })
        {
            await Assert.ThrowsAsync<UnsafeSeriesException>(() => publisher.PublishOrReuseAsync(folder.Reports, series, new string('a', 64), Build, CancellationToken.None));
        }

        Assert.Equal(0, builds);
        Assert.Empty(Directory.GetFileSystemEntries(outside));
        Assert.False(Directory.Exists(Path.Combine(folder.Root, "x")));
    }

    [Fact]
    [Trait(TestCategory.Name, TestCategory.Process)]
    public async Task A_job_killed_after_publishing_then_resumed_after_the_network_changed_finishes_with_the_bundle_it_built()
    {
        using var folder = new TestFolder();
        string network = folder.WriteNetwork("chagai");
        string done = Path.Combine(folder.Jobs, "done");
        string processing = Path.Combine(folder.Jobs, "processing");
        JobRecord first;
        await using (WorkerHost worker = await WorkerHost.StartAsync(folder))
        {
            folder.DropJob("board", """{ "network": "chagai.network.json", "output": "board" }""");
            first = await JobTests.WaitForRecordAsync(folder, "done", "board", worker.Logs, timeoutMs: 120_000);
        }

        Assert.NotNull(first.ReportKey);
        Assert.Single(folder.Bundles("chagai", "board"));

        // The state a SIGKILL between publishing and finishing leaves: the job and its running record (with the key
        // it was building) in processing, the bundle published.
        File.Move(Path.Combine(done, "board.json"), Path.Combine(processing, "board.json"));
        File.Delete(JobStore.RecordFile(done, "board"));
        File.WriteAllText(JobStore.RecordFile(processing, "board"), JobStore.Serialize(first with { State = JobState.Running, FinishedAt = null, Report = null, ReportStatus = null, Summary = null }));

        // Then a planner edits the network while the worker is down.
        File.AppendAllText(network, "\n// edited while the worker was down\n");

        await using WorkerHost restarted = await WorkerHost.StartAsync(folder);
        JobRecord resumed = await JobTests.WaitForRecordAsync(folder, "done", "board", restarted.Logs, timeoutMs: 120_000);

        Assert.Equal(first.Report, resumed.Report);
        Assert.Equal(first.ReportKey, resumed.ReportKey);
        Assert.Single(folder.Bundles("chagai", "board"));
        Assert.Contains(restarted.Logs.Entries, e => e.EventId == 4005);

        // A new job for the edited network gets a new bundle: the edit was not lost, only not mixed into the old job.
        folder.DropJob("after", """{ "network": "chagai.network.json", "output": "board" }""");
        JobRecord after = await JobTests.WaitForRecordAsync(folder, "done", "after", restarted.Logs, timeoutMs: 120_000);
        Assert.NotEqual(first.ReportKey, after.ReportKey);
        Assert.Equal(2, folder.Bundles("chagai", "board").Count);
    }

    [Fact]
    [Trait(TestCategory.Name, TestCategory.Process)]
    public async Task A_build_that_meets_a_full_disk_waits_with_a_growing_pause_and_finishes_once_space_returns()
    {
        using var folder = new TestFolder();
        folder.WriteNetwork("chagai");
        var builder = new FullDiskBuilder(new ReportBundleBuilder(TimeProvider.System), failures: 3);
        await using WorkerHost worker = await WorkerHost.StartAsync(
            folder,
            new Dictionary<string, string?>
            {
                ["Worker:DiskFullRetryMilliseconds"] = "20",
                ["Worker:DiskFullRetryMaxMilliseconds"] = "50",
                ["Worker:RescanIntervalSeconds"] = "0",
            },
            s => s.AddSingleton<IReportBuilder>(builder));

        folder.DropJob("big", """{ "network": "chagai.network.json", "output": "big" }""");
        JobRecord record = await JobTests.WaitForRecordAsync(folder, "done", "big", worker.Logs);

        Assert.Equal("Complete", record.ReportStatus);
        Assert.Null(record.Error);
        Assert.Equal(1, record.Attempts);
        Assert.Single(folder.Bundles("chagai", "big"));
        Assert.Equal(3, builder.Failed.Count(j => j == "big"));
        Assert.Equal(3, worker.Logs.Entries.Count(e => e.EventId == 3005 && e.Message.Contains("job big", StringComparison.Ordinal)));
        Assert.Empty(Directory.GetFiles(Path.Combine(folder.Jobs, "failed")));
        Assert.Empty(folder.TemporaryEntries());
    }

    [Fact]
    public void A_real_no_space_error_is_told_apart_from_other_io_errors()
    {
        IOException full = Assert.ThrowsAny<IOException>(() => File.WriteAllText("/dev/full", new string('x', 100_000)));
        Assert.True(DiskFull.Is(full), $"{full.GetType().Name} {full.HResult}: {full.Message}");
        Assert.True(DiskFull.Is(new InvalidOperationException("wrapped", full)));
        Assert.False(DiskFull.Is(Assert.ThrowsAny<IOException>(() => File.ReadAllText("/nonexistent/file"))));
        Assert.False(DiskFull.Is(new IOException("some other failure")));
        Assert.Equal(TimeSpan.FromSeconds(30), DiskFull.Pause(1, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(10)));
        Assert.Equal(TimeSpan.FromSeconds(120), DiskFull.Pause(3, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(10)));
        Assert.Equal(TimeSpan.FromMinutes(10), DiskFull.Pause(40, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(10)));
    }

    /// <summary>
    /// The real builder, except that its first few builds write into /dev/full, so they fail with the operating
    /// system's own "no space left on device" error, as on a full disk.
    /// </summary>
    private sealed class FullDiskBuilder(IReportBuilder inner, int failures) : IReportBuilder
    {
        private int _left = failures;

        public ConcurrentBag<string> Failed { get; } = [];

        public async Task<ReportOutcome> BuildAsync(ReportRequest request, string outputDirectory, CancellationToken cancellationToken)
        {
            string series = Path.GetFileName(Path.GetDirectoryName(outputDirectory)!);
            if (series != "chagai" && Interlocked.Decrement(ref _left) >= 0)
            {
                Failed.Add(series);
                await File.WriteAllTextAsync("/dev/full", new string('x', 100_000), cancellationToken);
            }

            return await inner.BuildAsync(request, outputDirectory, cancellationToken);
        }
    }
}
