using Logistics.Reports;
using Microsoft.Extensions.Logging.Abstractions;

namespace Logistics.Worker.Tests;

public sealed class BundlePublisherTests
{
    [Fact]
    public async Task A_failing_build_leaves_no_folder_and_a_second_publish_of_the_same_key_reuses_the_first()
    {
        using var folder = new TestFolder();
        var publisher = new BundlePublisher(TimeProvider.System, NullLogger<BundlePublisher>.Instance);
        string series = Path.Combine(folder.Reports, "chagai");
        string key = new('c', 64);

        await Assert.ThrowsAsync<InvalidOperationException>(() => publisher.PublishOrReuseAsync(
            folder.Reports,
            series,
            key,
            async (directory, ct) =>
            {
                await File.WriteAllTextAsync(Path.Combine(directory, "half.json"), "{", ct);
                throw new InvalidOperationException("boom");
            },
            CancellationToken.None));
        Assert.Empty(Directory.GetFileSystemEntries(series));

        int builds = 0;
        Task<ReportOutcome> Build(string directory, CancellationToken ct)
        {
            builds++;
            File.WriteAllText(Path.Combine(directory, "report.json"), "{}");
            return Task.FromResult(new ReportOutcome(ReportStatus.Complete, ["report.json"], "ok"));
        }

        PublishedBundle first = await publisher.PublishOrReuseAsync(folder.Reports, series, key, Build, CancellationToken.None);
        PublishedBundle second = await publisher.PublishOrReuseAsync(folder.Reports, series, key, Build, CancellationToken.None);

        Assert.Equal(1, builds);
        Assert.False(first.Reused);
        Assert.True(second.Reused);
        Assert.Equal(first.BundleDirectory, second.BundleDirectory);
        Assert.Equal(LatestLink.Symlink, first.Latest);
        Assert.Equal(Path.GetFileName(first.BundleDirectory), BundlePublisher.CurrentTarget(Path.Combine(series, "latest")));
    }

    [Fact]
    public void Abandoned_temporary_folders_and_files_are_removed_but_bundles_and_other_files_are_kept()
    {
        using var folder = new TestFolder();
        string series = Path.Combine(folder.Reports, "chagai");
        string bundle = Path.Combine(series, "20261127T140405Z-0123456789ab");
        Directory.CreateDirectory(bundle);
        folder.Write(Path.Combine(bundle, "report.json"), "{}");
        folder.Write(Path.Combine(series, ".tmp-0123456789ab-deadbeef", "half.json"), "{");
        folder.Write(Path.Combine(folder.Reports, "status.json.tmp-1234"), "{");
        folder.Write(Path.Combine(folder.Reports, "notes.txt"), "keep");

        int removed = BundlePublisher.RemoveAbandonedTemporaryEntries(folder.Reports);

        Assert.Equal(2, removed);
        Assert.Empty(folder.TemporaryEntries(includeStatusFile: true));
        Assert.True(File.Exists(Path.Combine(bundle, "report.json")));
        Assert.True(File.Exists(Path.Combine(folder.Reports, "notes.txt")));
    }
}
