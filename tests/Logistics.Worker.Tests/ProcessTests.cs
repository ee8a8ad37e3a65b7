using Xunit.Abstractions;

namespace Logistics.Worker.Tests;

/// <summary>The worker as a separate process: killed without warning, stopped by signal, refused bad settings.</summary>
[Trait(TestCategory.Name, TestCategory.Process)]
public sealed class ProcessTests(ITestOutputHelper output)
{
    private const string MidBuild = "while its bundle was being built";
    private const string AfterDone = "after the job was done";

    [Fact]
    public async Task A_worker_killed_with_SIGKILL_during_a_job_and_restarted_finishes_the_job_exactly_once()
    {
        using var folder = new TestFolder(withTinySeeds: false);

        // Real work: the shipped network with the full default analyses takes seconds (16 variants compared, every
        // option valued, every single outage solved), so the kill lands while the bundle is being built. The
        // assertions below hold wherever it lands (before the claim, mid-build, after the rename, at the end).
        folder.CopyDefaultNetwork();
        string processing = Path.Combine(folder.Jobs, "processing", "export.json");
        string done = Path.Combine(folder.Jobs, "done", "export.json");
        string series = Path.Combine(folder.Reports, "chagai", "export");
        bool Building() => Directory.Exists(series) && Directory.EnumerateDirectories(series, ".tmp-*").Any();
        string landed;
        using (WorkerProcess first = WorkerProcess.Start(folder))
        {
            folder.DropJob("export", """{ "network": "chagai.network.json", "output": "export", "analyses": ["solve", "compare", "value", "resilience"] }""");
            DateTime deadline = DateTime.UtcNow.AddSeconds(60);
            while (!Building() && !File.Exists(done) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(5);
            }

            first.Kill();
            landed = File.Exists(done) ? AfterDone : Building() ? MidBuild : File.Exists(processing) ? "while the job was in processing" : "before the job was claimed";
        }

        output.WriteLine("killed " + landed);
        using (WorkerProcess second = WorkerProcess.Start(folder))
        {
            JobRecord record = await JobTests.WaitForRecordAsync(folder, "done", "export", timeoutMs: 120_000);
            await Poll.UntilAsync(() => folder.Bundles("chagai").Count == 1, "the watched network has its report");

            // SIGTERM before the host has installed its handler would end the runtime the default way (143).
            await Poll.UntilAsync(() => second.Output.Contains("Application started", StringComparison.Ordinal), "the host has started");
            Assert.Equal(0, await second.TerminateAsync(TimeSpan.FromSeconds(30)));
            Assert.Equal(JobState.Done, record.State);
            Assert.Equal("Complete", record.ReportStatus);
            if (landed == MidBuild)
            {
                // The first attempt was cut off; the resumed one built the report.
                Assert.Equal(2, record.Attempts);
                Assert.False(record.Reused);
            }

            Assert.Contains("Worker stopped", second.Output, StringComparison.Ordinal);
        }

        string bundle = Assert.Single(folder.Bundles("chagai", "export"));
        Assert.All(["report.html", "result.json", "routes.csv", "network.geojson"], f => Assert.True(File.Exists(Path.Combine(bundle, f)), $"{f} is in the bundle"));
        Assert.Single(folder.Bundles("chagai"));
        Assert.Empty(folder.TemporaryEntries(includeStatusFile: true));
        Assert.False(File.Exists(processing), $"killed {landed}: the job left processing");
        Assert.Empty(Directory.GetFiles(Path.Combine(folder.Jobs, "processing")));
        Assert.Empty(Directory.GetFiles(Path.Combine(folder.Jobs, "inbox")));
        Assert.Empty(Directory.GetFiles(Path.Combine(folder.Jobs, "failed")));
        Assert.True(File.Exists(done));
    }

    [Fact]
    public async Task SIGTERM_during_a_real_build_stops_the_worker_cleanly_within_the_shutdown_timeout_and_records_the_job_for_resume()
    {
        using var folder = new TestFolder(withTinySeeds: false);
        folder.CopyDefaultNetwork();
        string series = Path.Combine(folder.Reports, "chagai", "stopped");
        using WorkerProcess worker = WorkerProcess.Start(folder, new Dictionary<string, string> { ["Worker__ShutdownTimeoutSeconds"] = "10" });
        await Poll.UntilAsync(() => worker.Output.Contains("Application started", StringComparison.Ordinal), "the host has started");
        folder.DropJob("stopped", """{ "network": "chagai.network.json", "output": "stopped", "analyses": ["solve", "compare", "value", "resilience"] }""");
        await Poll.UntilAsync(() => Directory.Exists(series) && Directory.EnumerateDirectories(series, ".tmp-*").Any(), "the job's bundle is being built");

        Task<int> terminating = worker.TerminateAsync(TimeSpan.FromSeconds(30));
        Assert.True(await Deadline.CompletesWithinAsync(terminating, TimeSpan.FromSeconds(10)), "the worker exits within Worker:ShutdownTimeoutSeconds (10 s) of SIGTERM");
        Assert.Equal(0, await terminating);

        // Unless the build won the race with the signal, the job waits in processing for the next start.
        string done = Path.Combine(folder.Jobs, "done", "stopped.json");
        output.WriteLine(File.Exists(done) ? "the build finished before the signal" : "the build was interrupted");
        if (!File.Exists(done))
        {
            JobRecord record = JobStore.Deserialize(File.ReadAllText(JobStore.RecordFile(Path.Combine(folder.Jobs, "processing"), "stopped")))!;
            Assert.Equal(JobState.Interrupted, record.State);
            Assert.Contains("Work interrupted by shutdown: job stopped", worker.Output, StringComparison.Ordinal);
            Assert.Empty(folder.Bundles("chagai", "stopped"));
        }

        Assert.Contains("Worker stopped", worker.Output, StringComparison.Ordinal);
        Assert.Empty(folder.TemporaryEntries(includeStatusFile: true));
    }

    [Fact]
    public async Task A_bad_setting_stops_the_worker_process_with_the_invalid_settings_exit_code_and_a_message_without_a_stack_trace()
    {
        using var folder = new TestFolder();
        using WorkerProcess worker = WorkerProcess.Start(folder, new Dictionary<string, string> { ["Worker__MaxConcurrentJobs"] = "0" });

        Assert.Equal(WorkerExitCodes.InvalidSettings, await worker.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("invalid settings", worker.Output, StringComparison.Ordinal);
        Assert.Contains("Worker:MaxConcurrentJobs is 0; it must be between 1 and 64.", worker.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", worker.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Distributed_mode_without_a_connection_string_stops_with_the_invalid_settings_exit_code_and_says_what_to_set()
    {
        using var folder = new TestFolder();
        using WorkerProcess worker = WorkerProcess.Start(folder, new Dictionary<string, string>
        {
            ["Mode"] = "distributed",
            [Logistics.Distributed.DistributedOptions.ConnectionVariable] = "",
            [Logistics.Distributed.DistributedOptions.Section + "__ConnectionString"] = "",
        });

        Assert.Equal(WorkerExitCodes.InvalidSettings, await worker.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("logistics-worker: Distributed mode needs a PostgreSQL connection string", worker.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", worker.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reports_folder_that_cannot_be_created_stops_the_worker_with_the_folders_unusable_exit_code_and_says_why()
    {
        using var folder = new TestFolder();
        string file = folder.Write(Path.Combine(folder.Root, "not-a-folder"), "");
        using WorkerProcess worker = WorkerProcess.Start(folder, new Dictionary<string, string> { ["Worker__ReportsRoot"] = Path.Combine(file, "reports") });

        Assert.Equal(WorkerExitCodes.FoldersUnusable, await worker.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("Cannot use the reports folder", worker.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", worker.Output, StringComparison.Ordinal);
    }
}
