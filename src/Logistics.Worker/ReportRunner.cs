using System.Text.Json;
using System.Text.Json.Serialization;
using Logistics.Network.IO;
using Logistics.Reports;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Logistics.Worker;

/// <summary>
/// Runs one piece of work: a watched network (hash its inputs, build its bundle unless one exists) or a job from the
/// inbox (check it, build, record). Builder failures become failed records and status entries, never a crash;
/// only cancellation (shutdown) escapes, after the job has been recorded for resume.
/// </summary>
public sealed class ReportRunner(
    IReportBuilder builder,
    BundlePublisher publisher,
    WorkerStatus status,
    IOptions<WorkerOptions> options,
    TimeProvider clock,
    ILogger<ReportRunner> logger)
{
    /// <summary>Written into every bundle next to the builder's files: what was asked, the full key, and how it came out.</summary>
    public const string OutcomeFileName = "worker-outcome.json";

    public const string NetworkSuffix = ".network.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
    };

    private WorkerOptions Options => options.Value;

    public static string NetworkName(string networkPath) =>
        Path.GetFileName(networkPath) is { } file && file.EndsWith(NetworkSuffix, StringComparison.Ordinal)
            ? file[..^NetworkSuffix.Length]
            : Path.GetFileNameWithoutExtension(networkPath);

    /// <summary>Checks one watched network and builds its report with the configured analyses if its inputs are new.</summary>
    public async Task RunNetworkAsync(string networkPath, CancellationToken cancellationToken)
    {
        string network = NetworkName(networkPath);
        if (!File.Exists(networkPath))
        {
            WorkerLog.NetworkGone(logger, networkPath);
            return;
        }

        var request = new ReportRequest(networkPath, [], Options.EffectiveAnalyses, TimeSpan.FromSeconds(Options.SolveTimeLimitSeconds));
        string source = Path.GetFileName(networkPath);
        try
        {
            PublishedBundle published = await PublishAsync(network, request, Path.Combine(Options.ReportsRoot, network), cancellationToken)
                .ConfigureAwait(false);
            Record(network, source, published);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            WorkerLog.NetworkGone(logger, networkPath);
        }
        catch (Exception e)
        {
            // The hash has no bundle, so the next change, rescan or restart tries again.
            WorkerLog.WorkFailed(logger, e, "network", network, e.Message);
            status.RecordFailure(network, new RunResult(clock.GetUtcNow(), source, null, null, null, e.GetType().Name + ": " + e.Message));
        }
    }

    /// <summary>Runs a claimed job to done or failed. Throws only <see cref="OperationCanceledException"/> on shutdown, with the job left in processing.</summary>
    public async Task RunJobAsync(JobStore store, ClaimedJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(job);
        JobRecord record = store.ReadRecord(job) ?? new JobRecord(job.Name, JobRecord.Queued, clock.GetUtcNow());
        if (job.Resumed)
        {
            WorkerLog.JobResumed(logger, job.Name);
        }

        // Through the network layer's reader: a FIFO, a device or a huge file fails the job once, with its reason,
        // instead of blocking a slot or filling memory (and failing again at every start).
        InputFileRead jobFile = InputFileReader.Read(job.FilePath, job.Name + ".json");
        (JobSpec? spec, string? error) = jobFile.Bytes is { } content
            ? JobSpec.Parse(content)
            : (null, "the job file cannot be read: " + jobFile.Problem!.Message + " " + jobFile.Problem.Hint);
        string? networkPath = null;
        if (spec is not null)
        {
            (networkPath, error) = NetworkPathResolver.Resolve(Options.NetworksRoot, spec.Network);
        }

        if (spec is null || networkPath is null)
        {
            WorkerLog.JobRefused(logger, job.Name, error!);
            Finish(store, job, record with { State = JobRecord.Failed, FinishedAt = clock.GetUtcNow(), Error = error });
            return;
        }

        string network = NetworkName(networkPath);
        var request = new ReportRequest(
            networkPath,
            spec.Scenarios,
            spec.Analyses.IsEmpty ? Options.EffectiveAnalyses : spec.Analyses,
            TimeSpan.FromSeconds(spec.SolveTimeLimitSeconds ?? Options.SolveTimeLimitSeconds),
            spec.RelativeGap);
        DateTimeOffset started = clock.GetUtcNow();
        record = record with { State = JobRecord.Running, StartedAt = started, Network = network, Attempts = record.Attempts + 1 };
        store.WriteProcessingRecord(job, record);

        PublishedBundle published;
        try
        {
            published = await PublishAsync(network, request, Path.Combine(Options.ReportsRoot, network, spec.Output ?? JobSpec.DefaultOutputName(job.Name)), cancellationToken)
                .ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            store.WriteProcessingRecord(job, record with { State = JobRecord.Interrupted });
            throw;
        }
        catch (Exception e)
        {
            string message = e.GetType().Name + ": " + e.Message;
            WorkerLog.WorkFailed(logger, e, "job", job.Name, e.Message);
            status.RecordFailure(network, new RunResult(clock.GetUtcNow(), "job " + job.Name, null, null, null, message));
            Finish(store, job, record with { State = JobRecord.Failed, FinishedAt = clock.GetUtcNow(), DurationSeconds = Seconds(started), Error = message });
            return;
        }

        Record(network, "job " + job.Name, published);
        ReportOutcome? outcome = published.Outcome;
        bool invalid = outcome?.Status == ReportStatus.InvalidInput;
        Finish(store, job, record with
        {
            State = invalid ? JobRecord.Failed : JobRecord.Done,
            FinishedAt = clock.GetUtcNow(),
            DurationSeconds = Seconds(started),
            Report = Relative(published.BundleDirectory),
            ReportStatus = outcome?.Status.ToString(),
            Reused = published.Reused,
            Summary = outcome?.Summary,
            Error = invalid ? "the network file is invalid; the report holds the diagnostics" : null,
        });
    }

    /// <summary>Reads the outcome the worker filed in a bundle; null when the bundle has none (written by someone else).</summary>
    public static ReportOutcome? ReadOutcome(string bundleDirectory)
    {
        try
        {
            string path = Path.Combine(bundleDirectory, OutcomeFileName);
            return File.Exists(path) ? JsonSerializer.Deserialize<BundleOutcome>(File.ReadAllText(path), Json)?.Outcome : null;
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            return null;
        }
    }

    private async Task<PublishedBundle> PublishAsync(string network, ReportRequest request, string series, CancellationToken cancellationToken)
    {
        InputFingerprint inputs = InputFingerprint.Compute(request.NetworkPath);
        string key = ReportKey.Compute(inputs, request);
        WorkerLog.InputsHashed(logger, network, key, inputs.Files.Length);
        PublishedBundle published = await publisher.PublishOrReuseAsync(
            series,
            key,
            async (directory, ct) =>
            {
                ReportOutcome outcome = await builder.BuildAsync(request, directory, ct).ConfigureAwait(false);
                var filed = new BundleOutcome(key, inputs.Hash, request.Scenarios, request.Analyses, request.SolveTimeLimit?.TotalSeconds, request.RelativeGap, outcome);
                await File.WriteAllTextAsync(Path.Combine(directory, OutcomeFileName), JsonSerializer.Serialize(filed, Json) + "\n", ct)
                    .ConfigureAwait(false);
                return outcome;
            },
            cancellationToken).ConfigureAwait(false);
        if (published.Reused)
        {
            WorkerLog.ReportAlreadyExists(logger, network, key, published.BundleDirectory);
            return published with { Outcome = ReadOutcome(published.BundleDirectory) };
        }

        WorkerLog.BuildFinished(logger, network, published.Outcome!.Status.ToString(), published.Outcome.Summary);
        return published;
    }

    private void Record(string network, string source, PublishedBundle published)
    {
        ReportOutcome? outcome = published.Outcome;
        var result = new RunResult(clock.GetUtcNow(), source, Relative(published.BundleDirectory), outcome?.Status.ToString(), outcome?.Summary, null);
        if (outcome?.Status == ReportStatus.InvalidInput)
        {
            status.RecordFailure(network, result with { Error = "invalid input; the report holds the diagnostics" });
        }
        else
        {
            status.RecordSuccess(network, result);
        }
    }

    private void Finish(JobStore store, ClaimedJob job, JobRecord record)
    {
        store.Finish(job, record);
        if (record.State == JobRecord.Done)
        {
            WorkerLog.JobDone(logger, job.Name, record.Report ?? "");
        }
        else
        {
            WorkerLog.JobFailed(logger, job.Name, record.Error ?? "");
        }
    }

    private double Seconds(DateTimeOffset since) => Math.Round((clock.GetUtcNow() - since).TotalSeconds, 3);

    private string Relative(string path) => Path.GetRelativePath(Options.ReportsRoot, path).Replace('\\', '/');

    /// <summary>The content of <see cref="OutcomeFileName"/>.</summary>
    private sealed record BundleOutcome(
        string ReportKey,
        string InputsHash,
        System.Collections.Immutable.ImmutableArray<string> Scenarios,
        System.Collections.Immutable.ImmutableArray<string> Analyses,
        double? SolveTimeLimitSeconds,
        double? RelativeGap,
        ReportOutcome Outcome);
}
