using System.Collections.Concurrent;
using Logistics.Reports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Logistics.Worker.Tests;

/// <summary>Jobs dropped into the inbox, end to end on the real host.</summary>
[Trait(TestCategory.Name, TestCategory.Process)]
public sealed class JobTests
{
    [Fact]
    public async Task A_job_moves_from_inbox_to_done_with_a_record_saying_where_its_report_is()
    {
        using var folder = new TestFolder();
        folder.WriteNetwork("chagai");
        await using WorkerHost worker = await WorkerHost.StartAsync(folder);

        folder.DropJob("board-pack", """
            {
              // the board wants the base case only
              "network": "chagai.network.json",
              "scenarios": ["phase2"],
              "analyses": ["solve"],
              "solveTimeLimitSeconds": 5,
              "output": "board",
            }
            """);
        JobRecord record = await WaitForRecordAsync(folder, "done", "board-pack", worker.Logs);

        Assert.Equal(JobState.Done, record.State);
        Assert.Equal("chagai", record.Network);
        Assert.Equal("Complete", record.ReportStatus);
        Assert.NotNull(record.StartedAt);
        Assert.NotNull(record.FinishedAt);
        Assert.Equal(1, record.Attempts);
        Assert.Matches("^chagai/board/[0-9]{8}T[0-9]{6}Z-[0-9a-f]{12}$", record.Report);
        string request = File.ReadAllText(Path.Combine(folder.Reports, record.Report!, "request.json"));
        Assert.Contains("\"phase2\"", request, StringComparison.Ordinal);
        Assert.Contains("\"solveTimeLimitSeconds\": 5", request, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(folder.Jobs, "done", "board-pack.json")));
        Assert.Empty(Directory.GetFiles(Path.Combine(folder.Jobs, "inbox")));
        Assert.Empty(Directory.GetFiles(Path.Combine(folder.Jobs, "processing")));
        Assert.Equal(Path.GetFileName(record.Report), BundlePublisher.CurrentTarget(Path.Combine(folder.Reports, "chagai", "board", "latest")));
    }

    [Fact]
    public async Task A_job_with_a_scenario_publishes_that_scenario_s_bundle_in_its_own_series_beside_the_base()
    {
        using var folder = new TestFolder();
        folder.WriteNetwork("chagai");
        await using WorkerHost worker = await WorkerHost.StartAsync(folder);

        folder.DropJob("phase2", """{ "network": "chagai.network.json", "scenario": "phase2", "analyses": ["solve"], "output": "board" }""");
        JobRecord scenario = await WaitForRecordAsync(folder, "done", "phase2", worker.Logs);
        folder.DropJob("base", """{ "network": "chagai.network.json", "analyses": ["solve"], "output": "board" }""");
        JobRecord baseCase = await WaitForRecordAsync(folder, "done", "base", worker.Logs);

        Assert.Equal("Complete", scenario.ReportStatus);
        Assert.Matches("^chagai/board/scenario-phase2/[0-9]{8}T[0-9]{6}Z-[0-9a-f]{12}$", scenario.Report);
        Assert.StartsWith("phase2: optimal", scenario.Summary, StringComparison.Ordinal);
        string bundle = Path.Combine(folder.Reports, scenario.Report!);
        Assert.Contains("\"scenario\": \"phase2\"", File.ReadAllText(Path.Combine(bundle, "request.json")), StringComparison.Ordinal);
        Assert.Contains("\"scenario\": \"phase2\"", File.ReadAllText(Path.Combine(bundle, "result.json")), StringComparison.Ordinal);
        Assert.Contains("\"scenario\": \"phase2\"", File.ReadAllText(Path.Combine(bundle, ReportRunner.OutcomeFileName)), StringComparison.Ordinal);
        Assert.Contains("| Scenario reported on | phase2 |", File.ReadAllText(Path.Combine(bundle, "report.md")), StringComparison.Ordinal);
        Assert.Equal(Path.GetFileName(scenario.Report), BundlePublisher.CurrentTarget(Path.Combine(folder.Reports, "chagai", "board", "scenario-phase2", "latest")));

        // The same network and output without the scenario: another key, another folder, and neither latest moves.
        Assert.Matches("^chagai/board/[0-9]{8}T[0-9]{6}Z-[0-9a-f]{12}$", baseCase.Report);
        Assert.False(baseCase.Reused);
        Assert.NotEqual(scenario.Report![^12..], baseCase.Report![^12..]);
        Assert.Equal(Path.GetFileName(scenario.Report), BundlePublisher.CurrentTarget(Path.Combine(folder.Reports, "chagai", "board", "scenario-phase2", "latest")));
        Assert.DoesNotContain("Scenario reported on", File.ReadAllText(Path.Combine(folder.Reports, baseCase.Report, "report.md")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_job_naming_a_scenario_the_network_does_not_define_fails_once_with_the_known_scenarios()
    {
        using var folder = new TestFolder();
        folder.WriteNetwork("chagai");
        await using WorkerHost worker = await WorkerHost.StartAsync(folder);

        folder.DropJob("phase9", """{ "network": "chagai.network.json", "scenario": "phase9", "analyses": ["solve"] }""");
        JobRecord record = await WaitForRecordAsync(folder, "failed", "phase9", worker.Logs);

        Assert.Equal(JobState.Failed, record.State);
        Assert.Contains("scenario \"phase9\" is not defined in chagai.network.json (known: phase2", record.Error, StringComparison.Ordinal);
        Assert.Null(record.Report);
        Assert.Equal(0, record.Attempts);
        Assert.False(Directory.Exists(Path.Combine(folder.Reports, "chagai", "phase9")));
        Assert.True(File.Exists(Path.Combine(folder.Jobs, "failed", "phase9.json")));
    }

    [Fact]
    public async Task A_second_job_with_a_finished_jobs_name_is_kept_apart_and_an_identical_request_reuses_the_report()
    {
        using var folder = new TestFolder();
        folder.WriteNetwork("chagai");
        await using WorkerHost worker = await WorkerHost.StartAsync(folder);

        folder.DropJob("weekly", """{ "network": "chagai.network.json", "output": "weekly" }""");
        JobRecord first = await WaitForRecordAsync(folder, "done", "weekly", worker.Logs);
        folder.DropJob("weekly", """{ "network": "chagai.network.json", "output": "weekly" }""");
        JobRecord second = await WaitForRecordAsync(folder, "done", "weekly-2", worker.Logs);

        Assert.False(first.Reused);
        Assert.True(second.Reused);
        Assert.Equal(first.Report, second.Report);
        Assert.Equal("Complete", second.ReportStatus);
        Assert.Single(folder.Bundles("chagai", "weekly"));
    }

    [Fact]
    public async Task Folder_names_and_records_take_their_time_from_the_injected_clock()
    {
        using var folder = new TestFolder();
        folder.WriteNetwork("chagai");
        var clock = new FixedClock(new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero));
        await using WorkerHost worker = await WorkerHost.StartAsync(folder, services: s => s.AddSingleton<TimeProvider>(clock));

        folder.DropJob("dated", """{ "network": "chagai.network.json" }""");
        JobRecord record = await WaitForRecordAsync(folder, "done", "dated", worker.Logs);

        Assert.StartsWith("chagai/dated/20300102T030405Z-", record.Report, StringComparison.Ordinal);
        Assert.Equal(clock.Now, record.ClaimedAt);
        Assert.Equal(clock.Now, record.FinishedAt);
        Assert.Equal(0, record.DurationSeconds);
    }

    [Fact]
    public async Task Jobs_naming_a_network_outside_the_networks_folder_are_refused_and_reported()
    {
        using var folder = new TestFolder();
        folder.WriteNetwork("chagai");
        string outside = folder.Write(Path.Combine(folder.Root, "private", "secret.network.json"), TestFolder.NetworkJson("secret"));
        File.CreateSymbolicLink(Path.Combine(folder.Networks, "linked.network.json"), outside);
        Directory.CreateSymbolicLink(Path.Combine(folder.Networks, "linked-folder"), Path.GetDirectoryName(outside)!);
        await using WorkerHost worker = await WorkerHost.StartAsync(folder);

        folder.DropJob("climb", """{ "network": "../../etc/passwd" }""");
        folder.DropJob("absolute", """{ "network": "/etc/passwd" }""");
        folder.DropJob("link", """{ "network": "linked.network.json" }""");
        folder.DropJob("link-folder", """{ "network": "linked-folder/secret.network.json" }""");

        Assert.Contains("outside the networks folder", (await WaitForRecordAsync(folder, "failed", "climb", worker.Logs)).Error, StringComparison.Ordinal);
        Assert.Contains("absolute path", (await WaitForRecordAsync(folder, "failed", "absolute", worker.Logs)).Error, StringComparison.Ordinal);
        Assert.Contains("symbolic link", (await WaitForRecordAsync(folder, "failed", "link", worker.Logs)).Error, StringComparison.Ordinal);
        Assert.Contains("symbolic link", (await WaitForRecordAsync(folder, "failed", "link-folder", worker.Logs)).Error, StringComparison.Ordinal);
        Assert.Equal(4, worker.Logs.WithId(4002).Count);

        // Nothing was built for any of them: the only series is the watched network's own.
        Assert.False(Directory.Exists(Path.Combine(folder.Reports, "secret")));
        Assert.False(Directory.Exists(Path.Combine(folder.Reports, "passwd")));
        Assert.False(Directory.Exists(Path.Combine(folder.Reports, "chagai", "climb")));
    }

    [Fact]
    public async Task A_job_file_that_is_not_valid_fails_with_the_line_and_column_of_the_problem()
    {
        using var folder = new TestFolder();
        await using WorkerHost worker = await WorkerHost.StartAsync(folder);

        folder.DropJob("typo", "{\n  \"network\": \"chagai.network.json\"\n  \"output\": \"x\"\n}");
        folder.DropJob("unknown", """{ "network": "chagai.network.json", "scenari": "phase2" }""");
        folder.DropJob("listed", """{ "network": "chagai.network.json", "scenario": ["phase2"] }""");

        JobRecord typo = await WaitForRecordAsync(folder, "failed", "typo", worker.Logs);
        Assert.Contains("line 3, column 3", typo.Error, StringComparison.Ordinal);
        JobRecord unknown = await WaitForRecordAsync(folder, "failed", "unknown", worker.Logs);
        Assert.Contains("unknown property \"scenari\"", unknown.Error, StringComparison.Ordinal);
        JobRecord listed = await WaitForRecordAsync(folder, "failed", "listed", worker.Logs);
        Assert.Contains("\"scenario\" must be a non-empty string", listed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Job_files_that_are_pipes_or_devices_fail_once_with_their_reason_and_take_no_slot()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        using var folder = new TestFolder();
        Directory.CreateDirectory(folder.Inbox);
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [Path.Combine(folder.Inbox, "pipe.json")]))
        {
            await mkfifo.WaitForExitAsync();
        }

        File.CreateSymbolicLink(Path.Combine(folder.Inbox, "zero.json"), "/dev/zero");
        await using WorkerHost worker = await WorkerHost.StartAsync(folder);

        JobRecord pipe = await WaitForRecordAsync(folder, "failed", "pipe", worker.Logs);
        JobRecord zero = await WaitForRecordAsync(folder, "failed", "zero", worker.Logs);
        Assert.Contains("named pipe (FIFO), not a regular file", pipe.Error, StringComparison.Ordinal);
        Assert.Contains("character device, not a regular file", zero.Error, StringComparison.Ordinal);

        // Both slots are free: a good job still runs, and nothing is left in processing to be retried at the next start.
        folder.WriteNetwork("chagai");
        folder.DropJob("after", """{ "network": "chagai.network.json", "analyses": ["solve"] }""");
        Assert.Equal(JobState.Done, (await WaitForRecordAsync(folder, "done", "after", worker.Logs)).State);
        Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(folder.Jobs, "processing")));
    }

    [Fact]
    public async Task An_exception_from_the_builder_becomes_a_failed_record_and_the_worker_carries_on()
    {
        using var folder = new TestFolder();
        folder.WriteNetwork("explodes");
        folder.WriteNetwork("fine");
        await using WorkerHost worker = await WorkerHost.StartAsync(
            folder,
            services: s => s.AddSingleton<IReportBuilder>(sp => new ThrowingBuilder(new ReportBundleBuilder(TimeProvider.System), "explodes")));

        folder.DropJob("first", """{ "network": "explodes.network.json" }""");
        JobRecord failed = await WaitForRecordAsync(folder, "failed", "first", worker.Logs);
        Assert.Contains("InvalidOperationException: the solver library crashed", failed.Error, StringComparison.Ordinal);
        Assert.Null(failed.Report);

        folder.DropJob("second", """{ "network": "fine.network.json" }""");
        JobRecord done = await WaitForRecordAsync(folder, "done", "second", worker.Logs);
        Assert.Equal("Complete", done.ReportStatus);
        Assert.Empty(folder.Bundles("explodes", "first"));
        Assert.Empty(folder.TemporaryEntries());
    }

    [Fact]
    public async Task A_solve_that_hits_its_time_limit_is_recorded_as_done_with_status_TimedOut()
    {
        using var folder = new TestFolder();
        folder.WriteNetwork("chagai");
        await using WorkerHost worker = await WorkerHost.StartAsync(folder, services: s => s.AddSingleton<IReportBuilder>(new TimingOutBuilder()));

        folder.DropJob("hard", """{ "network": "chagai.network.json", "solveTimeLimitSeconds": 1 }""");
        JobRecord record = await WaitForRecordAsync(folder, "done", "hard", worker.Logs);

        Assert.Equal("TimedOut", record.ReportStatus);
        Assert.Equal("base: time limit 1 s, best 412.3, gap 2.1 %", record.Summary);
        Assert.True(File.Exists(Path.Combine(folder.Reports, record.Report!, "timeout.json")));
    }

    [Fact]
    public async Task A_burst_of_50_jobs_queues_behind_the_configured_number_of_slots_and_all_finish()
    {
        using var folder = new TestFolder();
        folder.WriteNetwork("chagai");
        var builder = new GatedBuilder(new ReportBundleBuilder(TimeProvider.System));
        await using WorkerHost worker = await WorkerHost.StartAsync(
            folder,
            new Dictionary<string, string?> { ["Worker:MaxConcurrentJobs"] = "3" },
            s => s.AddSingleton<IReportBuilder>(builder));

        // Each job asks for its own output, so each is a separate report.
        for (int i = 0; i < 50; i++)
        {
            folder.DropJob($"job-{i:D2}", $$"""{ "network": "chagai.network.json", "output": "run-{{i:D2}}" }""");
        }

        // With every build held, the slots fill and the rest must wait: in the channel or as files in the inbox.
        string statusPath = Path.Combine(folder.Reports, "status.json");
        await Poll.UntilAsync(
            () => builder.Current == 3 && TryReadStatus(statusPath) is { Running.Length: 3, QueueLength: > 0 },
            "three builds run and the rest are queued",
            logs: worker.Logs);
        StatusDocument held = TryReadStatus(statusPath)!;
        Assert.True(held.Queue.JobsInInbox + held.Queue.WaitingForSlot > 0, "jobs wait in the inbox or for a slot");
        Assert.True(Directory.GetFiles(folder.Inbox).Length > 0, "unclaimed jobs stay as files in the inbox");
        Assert.Equal(3, builder.Current);

        var statusRunning = new ConcurrentBag<int>();
        builder.Open();
        await Poll.UntilAsync(
            () =>
            {
                if (TryReadStatus(statusPath) is { } status)
                {
                    statusRunning.Add(status.Running.Length);
                }

                string done = Path.Combine(folder.Jobs, "done");
                return Directory.Exists(done) && Directory.GetFiles(done, "*.record.json").Length == 50;
            },
            "all 50 jobs are done",
            logs: worker.Logs);

        // Concurrency as the log shows it: each Work started (3000) opens a slot, finished/failed/interrupted close it.
        int current = 0, max = 0;
        foreach (LogCapture.Entry entry in worker.Logs.Entries)
        {
            current += entry.EventId switch { 3000 => 1, 3001 or 3002 or 3003 => -1, _ => 0 };
            max = Math.Max(max, current);
        }

        Assert.Equal(3, max);
        Assert.All(worker.Logs.WithId(3000), e => Assert.InRange(int.Parse(e.Value("Running"), System.Globalization.CultureInfo.InvariantCulture), 1, 3));
        Assert.Equal(3, builder.MaxConcurrent);
        Assert.All(statusRunning, n => Assert.InRange(n, 0, 3));
        Assert.Equal(50, Enumerable.Range(0, 50).Count(i => folder.Bundles("chagai", $"run-{i:D2}").Count == 1));
        Assert.Empty(Directory.GetFiles(Path.Combine(folder.Jobs, "failed")));
    }

    [Fact]
    public async Task Graceful_shutdown_interrupts_a_running_solve_and_the_job_resumes_and_finishes_once_at_the_next_start()
    {
        using var folder = new TestFolder();
        folder.WriteNetwork("chagai");
        var blocking = new BlockingBuilder();
        WorkerHost worker = await WorkerHost.StartAsync(
            folder,
            new Dictionary<string, string?> { ["Worker:ShutdownTimeoutSeconds"] = "3" },
            s => s.AddSingleton<IReportBuilder>(blocking));
        Assert.Equal(TimeSpan.FromSeconds(3), worker.Host.Services.GetRequiredService<IOptions<Microsoft.Extensions.Hosting.HostOptions>>().Value.ShutdownTimeout);

        folder.DropJob("long", """{ "network": "chagai.network.json", "output": "long" }""");
        await Poll.UntilAsync(() => blocking.Started.Contains("long"), "the job's solve is running", logs: worker.Logs);

        // The shutdown must cancel the running solve (a host that only waited out its timeout would leave it running).
        Task stopping = worker.DisposeAsync().AsTask();
        Assert.True(await Deadline.CompletesWithinAsync(blocking.Interrupted.Task, TimeSpan.FromSeconds(30)), "the running solve saw the shutdown's cancellation");
        await stopping;

        string processing = Path.Combine(folder.Jobs, "processing");
        Assert.True(File.Exists(Path.Combine(processing, "long.json")), "the interrupted job stays in processing");
        JobRecord interrupted = JobStore.Deserialize(File.ReadAllText(JobStore.RecordFile(processing, "long")))!;
        Assert.Equal(JobState.Interrupted, interrupted.State);
        Assert.Empty(folder.Bundles("chagai", "long"));
        Assert.Empty(folder.TemporaryEntries(includeStatusFile: true));
        Assert.Contains(worker.Logs.Entries, e => e.EventId == 3003);

        await using WorkerHost restarted = await WorkerHost.StartAsync(folder);
        JobRecord done = await WaitForRecordAsync(folder, "done", "long", restarted.Logs);
        Assert.Equal(2, done.Attempts);
        Assert.Equal(interrupted.ClaimedAt, done.ClaimedAt);
        Assert.Single(folder.Bundles("chagai", "long"));
        Assert.Contains(restarted.Logs.Entries, e => e.EventId == 4001);
    }

    [Fact]
    public async Task A_bad_setting_stops_the_host_at_start_with_messages_naming_each_setting()
    {
        using var folder = new TestFolder();
        using Microsoft.Extensions.Hosting.IHost host = WorkerHost.Build(
            folder,
            new LogCapture(),
            new Dictionary<string, string?>
            {
                ["Worker:NetworksRoot"] = "missing",
                ["Worker:MaxConcurrentJobs"] = "0",
                ["Worker:Analyses:0"] = "optimise",
                ["Worker:InboxRoot"] = "missing/jobs",
                ["Worker:InboxPollMilliseconds"] = "0",
            });

        OptionsValidationException error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains(error.Failures, f => f.StartsWith("Worker:NetworksRoot \"", StringComparison.Ordinal) && f.Contains("does not exist", StringComparison.Ordinal));
        Assert.Contains("Worker:MaxConcurrentJobs is 0; it must be between 1 and 64.", error.Failures);
        Assert.Contains("Worker:InboxPollMilliseconds is 0; it must be between 10 and 600000.", error.Failures);
        Assert.Contains(error.Failures, f => f.Contains("\"optimise\", which is not an analysis", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("Worker:InboxRoot", StringComparison.Ordinal) && f.Contains("is inside Worker:NetworksRoot", StringComparison.Ordinal));
    }

    internal static async Task<JobRecord> WaitForRecordAsync(TestFolder folder, string state, string job, LogCapture? logs = null, int timeoutMs = Poll.DefaultTimeoutMs)
    {
        string path = JobStore.RecordFile(Path.Combine(folder.Jobs, state), job);
        string processingRecord = JobStore.RecordFile(Path.Combine(folder.Jobs, "processing"), job);
        // JobStore.Finish writes the final record, moves the job file, then drops the processing record: wait for all
        // three, or a test that looks at processing/ next can see the last step still to come (a CI run did).
        await Poll.UntilAsync(() => File.Exists(path) && File.Exists(Path.Combine(folder.Jobs, state, job + ".json")) && !File.Exists(processingRecord),
            $"job {job} is in {state}", timeoutMs, logs);
        return JobStore.Deserialize(File.ReadAllText(path))!;
    }

    private static StatusDocument? TryReadStatus(string path)
    {
        try
        {
            return File.Exists(path) ? StatusWriter.Parse(File.ReadAllText(path)) : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>A clock stopped at one instant (timers and elapsed time still run, so the worker works normally).</summary>
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    /// <summary>The real builder, except that one network makes it throw, as a crashing solver would.</summary>
    private sealed class ThrowingBuilder(IReportBuilder inner, string network) : IReportBuilder
    {
        public Task<ReportOutcome> BuildAsync(ReportRequest request, string outputDirectory, CancellationToken cancellationToken) =>
            Path.GetFileName(request.NetworkPath) == network + ".network.json"
                ? throw new InvalidOperationException("the solver library crashed")
                : inner.BuildAsync(request, outputDirectory, cancellationToken);
    }

    /// <summary>The real builder behind a gate that holds every call until opened, counting how many calls overlap.</summary>
    private sealed class GatedBuilder(IReportBuilder inner) : IReportBuilder
    {
        private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _current;
        private int _max;

        public int Current => Volatile.Read(ref _current);

        public int MaxConcurrent => Volatile.Read(ref _max);

        public void Open() => _gate.TrySetResult();

        public async Task<ReportOutcome> BuildAsync(ReportRequest request, string outputDirectory, CancellationToken cancellationToken)
        {
            int now = Interlocked.Increment(ref _current);
            int seen;
            while (now > (seen = Volatile.Read(ref _max)) && Interlocked.CompareExchange(ref _max, now, seen) != seen)
            {
            }

            try
            {
                await _gate.Task.WaitAsync(cancellationToken);
                return await inner.BuildAsync(request, outputDirectory, cancellationToken);
            }
            finally
            {
                Interlocked.Decrement(ref _current);
            }
        }
    }

    /// <summary>Stands in for a MIP that stops at its time limit with a gap, as the real builder reports it.</summary>
    private sealed class TimingOutBuilder : IReportBuilder
    {
        public async Task<ReportOutcome> BuildAsync(ReportRequest request, string outputDirectory, CancellationToken cancellationToken)
        {
            string summary = $"base: time limit {request.SolveTimeLimit!.Value.TotalSeconds} s, best 412.3, gap 2.1 %";
            await File.WriteAllTextAsync(Path.Combine(outputDirectory, "timeout.json"), "{ \"gap\": 0.021 }", cancellationToken);
            return new ReportOutcome(ReportStatus.TimedOut, ["timeout.json"], summary);
        }
    }

    /// <summary>A solve that runs until it is cancelled, to stand in for a long MIP.</summary>
    private sealed class BlockingBuilder : IReportBuilder
    {
        public ConcurrentBag<string> Started { get; } = [];

        /// <summary>Completes when the solve observes its cancellation.</summary>
        public TaskCompletionSource Interrupted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task<ReportOutcome> BuildAsync(ReportRequest request, string outputDirectory, CancellationToken cancellationToken)
        {
            Started.Add(Path.GetFileName(Path.GetDirectoryName(outputDirectory)!));
            await File.WriteAllTextAsync(Path.Combine(outputDirectory, "partial.json"), "{", cancellationToken);
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                Interrupted.TrySetResult();
                throw;
            }

            throw new InvalidOperationException("unreachable");
        }
    }
}
