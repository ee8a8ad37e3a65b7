using System.Collections.Concurrent;
using Logistics.Reports;
using Microsoft.Extensions.Logging;

namespace Logistics.Worker;

/// <summary>
/// Puts bundles in place atomically: the builder writes into a hidden temporary folder next to the final one,
/// which is renamed to <c>&lt;time&gt;-&lt;hash&gt;</c> only when complete, then <c>latest</c> is pointed at it.
/// One series folder is worked on by one build at a time, so the same key is never built twice.
/// </summary>
public sealed class BundlePublisher(TimeProvider clock, ILogger<BundlePublisher> logger)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _seriesLocks = new(StringComparer.Ordinal);

    /// <summary>
    /// Publishes the bundle <paramref name="build"/> writes for <paramref name="hash"/> into <paramref name="seriesDirectory"/>,
    /// or reuses the one already there. The series folder must resolve (links followed) to a folder strictly inside
    /// <paramref name="reportsRoot"/>, else nothing is written and <see cref="UnsafeSeriesException"/> says why.
    /// </summary>
    public async Task<PublishedBundle> PublishOrReuseAsync(
        string reportsRoot,
        string seriesDirectory,
        string hash,
        Func<string, CancellationToken, Task<ReportOutcome>> build,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(build);
        EnsureInside(reportsRoot, seriesDirectory);
        SemaphoreSlim gate = _seriesLocks.GetOrAdd(seriesDirectory, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            string? existing = ReportLedger.FindBundle(seriesDirectory, hash);
            if (existing is not null)
            {
                return new PublishedBundle(existing, Reused: true, Outcome: null, PointLatest(seriesDirectory, Path.GetFileName(existing)));
            }

            Directory.CreateDirectory(seriesDirectory);
            string temporary = Path.Combine(
                seriesDirectory,
                BundleFolderName.TemporaryPrefix + BundleFolderName.ShortHash(hash) + "-" + Guid.NewGuid().ToString("N")[..8]);
            ReportOutcome outcome;
            string final;
            try
            {
                Directory.CreateDirectory(temporary);
                outcome = await build(temporary, cancellationToken).ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
                final = Path.Combine(seriesDirectory, BundleFolderName.Format(clock.GetUtcNow(), hash));
                Directory.Move(temporary, final);
            }
            catch
            {
                TryDeleteDirectory(temporary);
                throw;
            }

            WorkerLog.BundlePublished(logger, final);
            return new PublishedBundle(final, Reused: false, outcome, PointLatest(seriesDirectory, Path.GetFileName(final)));
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Throws unless <paramref name="seriesDirectory"/> is strictly inside <paramref name="reportsRoot"/>, lexically and with every link resolved.</summary>
    public static void EnsureInside(string reportsRoot, string seriesDirectory)
    {
        ArgumentNullException.ThrowIfNull(reportsRoot);
        ArgumentNullException.ThrowIfNull(seriesDirectory);
        string root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(reportsRoot));
        string series = Path.GetFullPath(seriesDirectory);
        bool inside = IsStrictlyInside(root, series);
        if (inside)
        {
            try
            {
                inside = IsStrictlyInside(NetworkPathResolver.RealPath(root), NetworkPathResolver.RealPath(series));
            }
            catch (IOException)
            {
                inside = false;
            }
        }

        if (!inside)
        {
            throw new UnsafeSeriesException($"the report folder {seriesDirectory} resolves outside the reports folder {reportsRoot}; nothing was written");
        }
    }

    private static bool IsStrictlyInside(string root, string path) =>
        Path.TrimEndingDirectorySeparator(path).StartsWith(Path.TrimEndingDirectorySeparator(root) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>
    /// Points <c>&lt;series&gt;/latest</c> at a bundle: a relative symlink swapped in by rename (atomic), or, where the
    /// file system refuses symlinks, a text file naming the folder (also swapped in by rename).
    /// </summary>
    public LatestLink PointLatest(string seriesDirectory, string bundleName)
    {
        string latest = Path.Combine(seriesDirectory, "latest");
        if (CurrentTarget(latest) == bundleName)
        {
            return new FileInfo(latest).LinkTarget is null ? LatestLink.File : LatestLink.Symlink;
        }

        string temporary = Path.Combine(seriesDirectory, ".latest" + AtomicFile.TemporaryMarker + Guid.NewGuid().ToString("N"));
        try
        {
            File.CreateSymbolicLink(temporary, bundleName);
            NativeMethods.Rename(temporary, latest);
            WorkerLog.LatestUpdated(logger, latest, bundleName, "symlink");
            return LatestLink.Symlink;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            AtomicFile.TryDelete(temporary);
        }

        try
        {
            AtomicFile.WriteAllText(latest, bundleName + "\n");
            WorkerLog.LatestUpdated(logger, latest, bundleName, "file naming the folder, because the file system refused a symlink");
            return LatestLink.File;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            WorkerLog.LatestFailed(logger, latest, bundleName, e.Message);
            return LatestLink.None;
        }
    }

    /// <summary>The bundle folder name <c>latest</c> points at, whichever form it has; null when there is none.</summary>
    public static string? CurrentTarget(string latestPath)
    {
        var info = new FileInfo(latestPath);
        if (info.LinkTarget is { } target)
        {
            return target;
        }

        if (!info.Exists)
        {
            return null;
        }

        try
        {
            return File.ReadAllText(latestPath).Trim();
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Removes temporary bundle folders and half-written files an interrupted run left under the reports root.</summary>
    public static int RemoveAbandonedTemporaryEntries(string reportsRoot)
    {
        if (!Directory.Exists(reportsRoot))
        {
            return 0;
        }

        int removed = 0;
        var pending = new Stack<(string Directory, int Depth)>();
        pending.Push((reportsRoot, 0));
        while (pending.Count > 0)
        {
            (string directory, int depth) = pending.Pop();
            foreach (string entry in Directory.EnumerateFileSystemEntries(directory))
            {
                string name = Path.GetFileName(entry);
                bool isLink = new FileInfo(entry).LinkTarget is not null;
                bool isDirectory = !isLink && Directory.Exists(entry);
                if (name.StartsWith(BundleFolderName.TemporaryPrefix, StringComparison.Ordinal) && isDirectory)
                {
                    removed += TryDeleteDirectory(entry) ? 1 : 0;
                }
                else if (name.Contains(AtomicFile.TemporaryMarker, StringComparison.Ordinal) && !isDirectory)
                {
                    AtomicFile.TryDelete(entry);
                    removed++;
                }
                else if (isDirectory && depth < 4 && !BundleFolderName.IsBundleName(name))
                {
                    // Bundles are complete by construction: no need to look inside them.
                    pending.Push((entry, depth + 1));
                }
            }
        }

        return removed;
    }

    private static bool TryDeleteDirectory(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }

            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
