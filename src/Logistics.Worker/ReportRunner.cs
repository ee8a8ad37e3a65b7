using System.Text.Json;
using Logistics.Network.IO;
using Logistics.Network.Loading;
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

    /// <summary>A job with a scenario files its bundles under <c>&lt;output&gt;/scenario-&lt;id&gt;/</c>.</summary>
    public const string ScenarioSeriesPrefix = "scenario-";

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

        string source = Path.GetFileName(networkPath);
        if (SeriesNameProblem(network) is { } refused)
        {
            WorkerLog.SeriesNameRefused(logger, networkPath, refused);
            status.RecordFailure(network, new RunResult(clock.GetUtcNow(), source, null, null, null, refused));
            return;
        }

        var request = new ReportRequest(networkPath, [], Options.EffectiveAnalyses, TimeSpan.FromSeconds(Options.SolveTimeLimitSeconds));
        try
        {
            PublishedBundle published = await WhileDiskFullAsync(
                WorkKind.Network,
                network,
                null,
                ct => PublishAsync(network, request, Path.Combine(Options.ReportsRoot, network), null, ct),
                cancellationToken).ConfigureAwait(false);
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
            WorkerLog.WorkFailed(logger, e, WorkKind.Network.Word(), network, e.Message);
            status.RecordFailure(network, new RunResult(clock.GetUtcNow(), source, null, null, null, e.GetType().Name + ": " + e.Message));
        }
    }

    /// <summary>Runs a claimed job to done or failed. Throws only <see cref="OperationCanceledException"/> on shutdown, with the job left in processing.</summary>
    public async Task RunJobAsync(JobStore store, ClaimedJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(job);
        JobRecord record = store.ReadRecord(job) ?? new JobRecord(job.Name, JobState.Queued, clock.GetUtcNow());
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
            Finish(store, job, record with { State = JobState.Failed, FinishedAt = clock.GetUtcNow(), Error = error });
            return;
        }

        string network = NetworkName(networkPath);
        if (SeriesNameProblem(network) is { } refused)
        {
            WorkerLog.JobRefused(logger, job.Name, refused);
            Finish(store, job, record with { State = JobState.Failed, FinishedAt = clock.GetUtcNow(), Error = refused });
            return;
        }

        if (spec.Scenario is { } scenario && UnknownScenario(networkPath, scenario) is { } unknown)
        {
            WorkerLog.JobRefused(logger, job.Name, unknown);
            Finish(store, job, record with { State = JobState.Failed, FinishedAt = clock.GetUtcNow(), Network = network, Error = unknown });
            return;
        }

        string series = Path.Combine(Options.ReportsRoot, network, spec.Output ?? JobSpec.DefaultOutputName(job.Name));
        if (spec.Scenario is { } subject)
        {
            // A series of its own (with its own latest) per scenario; the prefix keeps an id such as "latest" from naming a link.
            series = Path.Combine(series, ScenarioSeriesPrefix + subject);
        }

        var request = new ReportRequest(
            networkPath,
            spec.Scenarios,
            spec.Analyses.IsEmpty ? Options.EffectiveAnalyses : spec.Analyses,
            TimeSpan.FromSeconds(spec.SolveTimeLimitSeconds ?? Options.SolveTimeLimitSeconds),
            spec.RelativeGap)
        {
            Scenario = spec.Scenario,
            Uncertainty = spec.Uncertainty,
        };
        DateTimeOffset started = clock.GetUtcNow();
        record = record with { State = JobState.Running, StartedAt = started, Network = network, Attempts = record.Attempts + 1, Error = null };
        store.WriteProcessingRecord(job, record);

        PublishedBundle published;
        try
        {
            // Killed after publishing and before finishing: the bundle of the key the job started with is its answer,
            // even if the network changed while the worker was down (a second bundle would answer another question).
            if (job.Resumed && record.ReportKey is { } startedKey && ReportLedger.FindBundle(series, startedKey) is { } publishedBefore)
            {
                WorkerLog.JobResumedWithPublishedKey(logger, job.Name, startedKey);
                published = new PublishedBundle(publishedBefore, Reused: true, ReadOutcome(publishedBefore), publisher.PointLatest(series, Path.GetFileName(publishedBefore)));
            }
            else
            {
                published = await WhileDiskFullAsync(
                    WorkKind.Job,
                    job.Name,
                    message => TryWriteProcessingRecord(store, job, record with { State = JobState.WaitingForSpace, Error = "the disk is full; trying again: " + message }),
                    ct => PublishAsync(
                        network,
                        request,
                        series,
                        key =>
                        {
                            // Recorded before the build starts, so a restart knows which key this job was building.
                            record = record with { ReportKey = key };
                            store.WriteProcessingRecord(job, record);
                        },
                        ct),
                    cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            store.WriteProcessingRecord(job, record with { State = JobState.Interrupted });
            throw;
        }
        catch (Exception e)
        {
            string message = e.GetType().Name + ": " + e.Message;
            WorkerLog.WorkFailed(logger, e, WorkKind.Job.Word(), job.Name, e.Message);
            status.RecordFailure(network, new RunResult(clock.GetUtcNow(), "job " + job.Name, null, null, null, message));
            Finish(store, job, record with { State = JobState.Failed, FinishedAt = clock.GetUtcNow(), DurationSeconds = Seconds(started), Error = message });
            return;
        }

        Record(network, "job " + job.Name, published);
        ReportOutcome? outcome = published.Outcome;
        bool invalid = outcome?.Status == ReportStatus.InvalidInput;
        Finish(store, job, record with
        {
            State = invalid ? JobState.Failed : JobState.Done,
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
            return File.Exists(path) ? JsonSerializer.Deserialize(File.ReadAllText(path), WorkerJson.Default.BundleOutcome)?.Outcome : null;
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            return null;
        }
    }

    private async Task<PublishedBundle> PublishAsync(string network, ReportRequest request, string series, Action<string>? keyChosen, CancellationToken cancellationToken)
    {
        InputFingerprint inputs = InputFingerprint.Compute(request.NetworkPath);
        string key = ReportKey.Compute(inputs, request);
        WorkerLog.InputsHashed(logger, network, key, inputs.Files.Length);
        keyChosen?.Invoke(key);
        PublishedBundle published = await publisher.PublishOrReuseAsync(
            Options.ReportsRoot,
            series,
            key,
            async (directory, ct) =>
            {
                ReportOutcome outcome = await builder.BuildAsync(request, directory, ct).ConfigureAwait(false);
                var filed = new BundleOutcome(key, inputs.Hash, request.Scenarios, request.Analyses, request.SolveTimeLimit?.TotalSeconds, request.RelativeGap, outcome)
                {
                    Scenario = request.Scenario,
                };
                await File.WriteAllTextAsync(Path.Combine(directory, OutcomeFileName), JsonSerializer.Serialize(filed, WorkerJson.Default.BundleOutcome) + "\n", ct)
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

    /// <summary>
    /// Runs <paramref name="publish"/> until it succeeds or fails for another reason than a full disk; on a full disk
    /// it waits (doubling from DiskFullRetryMilliseconds up to DiskFullRetryMaxMilliseconds) and tries again. A stop
    /// during the wait cancels it like a build, so a job is recorded for resume.
    /// </summary>
    private async Task<PublishedBundle> WhileDiskFullAsync(
        WorkKind kind,
        string name,
        Action<string>? waiting,
        Func<CancellationToken, Task<PublishedBundle>> publish,
        CancellationToken cancellationToken)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return await publish(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (DiskFull.Is(e) && !cancellationToken.IsCancellationRequested)
            {
                TimeSpan pause = DiskFull.Pause(
                    attempt,
                    TimeSpan.FromMilliseconds(Options.DiskFullRetryMilliseconds),
                    TimeSpan.FromMilliseconds(Options.DiskFullRetryMaxMilliseconds));
                WorkerLog.DiskFullWaiting(logger, kind.Word(), name, e.Message, pause.TotalSeconds);
                waiting?.Invoke(e.Message);
                await Task.Delay(pause, clock, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Why a job's scenario cannot be reported (the file does not define it), or null. A file that cannot be read is left
    /// to the builder, whose bundle lists its diagnostics.
    /// </summary>
    private static string? UnknownScenario(string networkPath, string scenario)
    {
        var (source, _) = NetworkSource.Read(networkPath);
        if (source is null || source.ScenarioIds.Contains(scenario))
        {
            return null;
        }

        string known = source.ScenarioIds.IsEmpty ? "it defines no scenarios" : "known: " + string.Join(", ", source.ScenarioIds);
        return $"scenario \"{scenario}\" is not defined in {Path.GetFileName(networkPath)} ({known}); fix \"scenario\" in the job file and drop it in again";
    }

    /// <summary>Null when <paramref name="network"/> can name a folder under the reports root, else why not and what to do.</summary>
    private static string? SeriesNameProblem(string network) =>
        BundleFolderName.IsSeriesName(network)
            ? null
            : $"the network file's name gives \"{network}\", which cannot name a folder under the reports folder; rename the file to <name>.network.json where <name> has letters, digits, '.', '_' and '-' only and does not start with '.'";

    /// <summary>A record on a full disk may not be writable either: the job goes on waiting all the same.</summary>
    private static void TryWriteProcessingRecord(JobStore store, ClaimedJob job, JobRecord record)
    {
        try
        {
            store.WriteProcessingRecord(job, record);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Written again when the job goes on.
        }
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
        if (record.State == JobState.Done)
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
}
