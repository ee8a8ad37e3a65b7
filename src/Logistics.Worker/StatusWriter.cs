using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Logistics.Worker;

/// <summary>
/// Keeps <c>reports/status.json</c> current: after a change it writes the whole document atomically (temp file +
/// rename), at most once per interval so a burst of events costs one write, and once more when the worker stops.
/// </summary>
public sealed class StatusWriter
{
    private static readonly TimeSpan MinimumInterval = TimeSpan.FromMilliseconds(100);

    private readonly WorkerStatus _status;
    private readonly TimeProvider _clock;
    private readonly ILogger<StatusWriter> _logger;
    private readonly SemaphoreSlim _changed = new(0, 1);

    public StatusWriter(WorkerStatus status, TimeProvider clock, ILogger<StatusWriter> logger)
    {
        ArgumentNullException.ThrowIfNull(status);
        _status = status;
        _clock = clock;
        _logger = logger;
        _status.Changed += Signal;
    }

    public static string PathIn(string reportsRoot) => Path.Combine(reportsRoot, "status.json");

    /// <summary>Reads the per-network history of a previous status file, if there is one.</summary>
    public static StatusDocument? TryRead(string reportsRoot)
    {
        try
        {
            string path = PathIn(reportsRoot);
            return File.Exists(path) ? JsonSerializer.Deserialize(File.ReadAllText(path), WorkerJson.Default.StatusDocument) : null;
        }
        catch (Exception e) when (e is JsonException or IOException or NotSupportedException)
        {
            return null;
        }
    }

    public static StatusDocument? Parse(string json) => JsonSerializer.Deserialize(json, WorkerJson.Default.StatusDocument);

    public async Task RunAsync(string reportsRoot, int maxConcurrentJobs, CancellationToken cancellationToken)
    {
        string path = PathIn(reportsRoot);
        Write(path, maxConcurrentJobs);
        try
        {
            while (true)
            {
                await _changed.WaitAsync(cancellationToken).ConfigureAwait(false);
                Write(path, maxConcurrentJobs);
                await Task.Delay(MinimumInterval, _clock, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Fall through to the final write.
        }
    }

    /// <summary>Writes the current state now (used at the end of a run).</summary>
    public void Write(string path, int maxConcurrentJobs)
    {
        try
        {
            AtomicFile.WriteAllText(path, JsonSerializer.Serialize(_status.Snapshot(_clock.GetUtcNow(), maxConcurrentJobs), WorkerJson.Default.StatusDocument) + "\n");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            WorkerLog.StatusWriteFailed(_logger, path, e.Message);
        }
    }

    private void Signal()
    {
        try
        {
            _changed.Release();
        }
        catch (SemaphoreFullException)
        {
            // A write is already due.
        }
    }
}
