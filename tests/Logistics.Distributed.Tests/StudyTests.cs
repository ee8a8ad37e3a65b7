using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;

using Logistics.Analysis;
using Logistics.Network.IO;
using Logistics.Network.Loading;
using Logistics.Optimisation;

namespace Logistics.Distributed.Tests;

/// <summary>
/// Studies on the real parts: PostgreSQL from Debian's package in a temporary folder, Hangfire, and three worker
/// processes; faults are real (SIGKILL, SIGTERM, a PostgreSQL restart). Results are checked byte for byte against
/// the single-machine analysis of the same study.
/// </summary>
[Trait(TestCategory.Name, TestCategory.Process)]
public sealed class StudyTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    /// <summary>The unit every worker of these tests fails on purpose (Distributed:FailUnits): the third resilience answer.</summary>
    public const string PoisonUnit = "resilience:1:2";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(150);

    [Fact]
    public async Task A_study_on_three_workers_with_one_killed_mid_item_completes_identical_to_the_single_machine_run()
    {
        fixture.EnsureWorkers();
        // Every scenario (16 items): on an idle machine with warm workers a four-item study could finish between two
        // looks at its status, and then no item is caught running.
        var (source, definition) = Compare(fixture.DefaultNetwork, NetworkSource.Read(fixture.DefaultNetwork).Source!.ScenarioIds);
        await using var client = await StudyClient.ConnectAsync(fixture.ConnectionString, CancellationToken.None);
        var (id, _) = await client.SubmitAsync(source, definition, CancellationToken.None);

        var (victim, item) = await RunningItemAsync(client, id);
        victim.Kill();
        var afterKill = await client.StatusAsync(id, CancellationToken.None);
        var abandoned = afterKill!.Items.Single(i => i.Stage == item.Stage && i.Item == item.Item);

        var status = await WaitAsync(client, id);
        Assert.Equal("done", status.State);
        var redone = status.Items.Single(i => i.Stage == item.Stage && i.Item == item.Item);
        if (abandoned.State == "running")
        {
            // It was abandoned mid-run: another worker ran it again, and it counts once (one result, one tally).
            Assert.NotEqual(abandoned.Worker, redone.Worker);
            Assert.True(redone.Attempts >= 2, $"attempts {redone.Attempts}");
        }

        var expected = AnalysisJson.Serialize(CompareAnalysis.Run(source, definition.Scenarios, Local(definition)));
        Assert.Equal(expected, await client.ResultAsync(id, CancellationToken.None));
        fixture.EnsureWorkers();
    }

    [Fact]
    public async Task Uncertainty_draws_split_into_items_on_three_workers_give_the_report_of_the_single_machine_run_for_the_same_seed()
    {
        fixture.EnsureWorkers();
        var (source, compare) = Compare(fixture.DefaultNetwork, []);
        var definition = compare with { Kind = StudyKind.Uncertainty, Draws = 7, Seed = 42, ItemSize = 2 };
        await using var client = await StudyClient.ConnectAsync(fixture.ConnectionString, CancellationToken.None);
        var (id, _) = await client.SubmitAsync(source, definition, CancellationToken.None);

        var status = await WaitAsync(client, id);

        Assert.Equal("done", status.State);
        Assert.Equal([1, 4], status.Items.GroupBy(i => i.Stage).Select(g => g.Count()));
        var expected = AnalysisJson.Serialize(Logistics.Analysis.Uncertainty.UncertaintyAnalysis.Run(source, UncertaintyStudy.Request(definition), Local(definition)));
        Assert.Equal(expected, await client.ResultAsync(id, CancellationToken.None));
        var other = Logistics.Analysis.Uncertainty.UncertaintyAnalysis.Run(source, UncertaintyStudy.Request(definition with { Seed = 43 }), Local(definition));
        Assert.NotEqual(AnalysisJson.Serialize(other), expected); // the seed decides the draws: the comparison is not vacuous
    }

    [Fact]
    public async Task Uncertainty_with_tornado_and_regret_split_into_items_gives_the_report_of_the_single_machine_run()
    {
        fixture.EnsureWorkers();
        var (source, compare) = Compare(fixture.DefaultNetwork, []);
        var definition = compare with { Kind = StudyKind.Uncertainty, Draws = 6, Seed = 11, ItemSize = 3, Tornado = true, Regret = true, MaxCandidatePlans = 3 };
        await using var client = await StudyClient.ConnectAsync(fixture.ConnectionString, CancellationToken.None);
        var (id, _) = await client.SubmitAsync(source, definition, CancellationToken.None);

        var status = await WaitAsync(client, id);

        Assert.True(status.State == "done", status.Message);
        var expected = Logistics.Analysis.Uncertainty.UncertaintyAnalysis.Run(source, UncertaintyStudy.Request(definition), Local(definition));
        Assert.NotEmpty(expected.Tornado); // both parts ran, so the comparison covers them
        Assert.NotNull(expected.Regret);
        var stages = status.Items.GroupBy(i => i.Stage).ToDictionary(g => g.Key, g => g.Sum(i => i.UnitCount));
        Assert.Equal(definition.Draws + (2 * expected.Tornado.Length), stages[1]); // every draw and tornado solve a unit
        Assert.Equal(expected.Regret.Plans.Length * definition.Draws, stages[2]); // every plan on every draw a unit
        Assert.Equal(AnalysisJson.Serialize(expected), await client.ResultAsync(id, CancellationToken.None));
    }

    [Fact]
    public async Task A_report_study_on_three_workers_writes_the_bundle_of_the_single_machine_report_byte_for_byte()
    {
        fixture.EnsureWorkers();
        var previous = Environment.GetEnvironmentVariable(DistributedOptions.ConnectionVariable);
        Environment.SetEnvironmentVariable(DistributedOptions.ConnectionVariable, fixture.ConnectionString);
        var distributed = Path.Combine(fixture.Root, "bundle-distributed");
        var local = Path.Combine(fixture.Root, "bundle-local");
        try
        {
            string[] report = ["--scenario", "high-discount-rate", "--scenarios", "phase2-high-rail-tariff", "--analyses", "solve,compare,value,resilience,sweep",
                "--sweep", "options[rohri-nokkundi-upgrade].capexUsd:0:5e9:3", "--uncertainty-draws", "5", "--seed", "3"];
            var (code, output, error) = Cli(["study", "submit", fixture.DefaultNetwork, "--kind", "report", .. report, "--item-size", "2", "--wait", "--out", distributed]);
            Assert.True(code == 0, error + output + "\n" + fixture.WorkerOutput()[^Math.Min(6000, fixture.WorkerOutput().Length)..]);
            var (localCode, localOutput, localError) = Cli(["report", fixture.DefaultNetwork, "--out", local, "--parallel", "1", .. report]);
            Assert.True(localCode == 0, localError + localOutput);

            var files = Files(local);
            Assert.Equal(files, Files(distributed));
            var differing = files.Where(f => !File.ReadAllBytes(Path.Combine(local, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(distributed, f)))).ToList();
            Assert.True(differing.Count == 0, "these files differ: " + string.Join(", ", differing));
            // Every part of the report was assembled, each split part with units to run: the comparison is not vacuous.
            using var result = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(distributed, "result.json")));
            var analyses = result.RootElement.GetProperty("analyses");
            Assert.All(new[] { "compare", "value", "resilience" }, a => Assert.True(analyses.TryGetProperty(a, out _), a));
            Assert.True(analyses.GetProperty("sweeps")[0].GetProperty("switchingPoints").GetArrayLength() > 0, "the sweep has a bisection");
            Assert.True(analyses.GetProperty("uncertainty").GetProperty("tornado").GetArrayLength() > 0, "the uncertainty has a tornado");
            Assert.True(analyses.GetProperty("uncertainty").GetProperty("regret").GetProperty("plans").GetArrayLength() > 0, "the uncertainty has regret");

            // The stored bundle is written again on request, byte for byte the same.
            var again = Path.Combine(fixture.Root, "bundle-again");
            var (statusCode, _, statusError) = Cli("study", "status", output.Split(' ')[1], "--out", again);
            Assert.True(statusCode == 0, statusError);
            Assert.All(files, f => Assert.Equal(File.ReadAllBytes(Path.Combine(local, f)), File.ReadAllBytes(Path.Combine(again, f))));
        }
        finally
        {
            Environment.SetEnvironmentVariable(DistributedOptions.ConnectionVariable, previous);
        }
    }

    [Fact]
    public void A_report_study_with_an_unknown_analysis_is_a_usage_error_and_nothing_is_stored()
    {
        var previous = Environment.GetEnvironmentVariable(DistributedOptions.ConnectionVariable);
        Environment.SetEnvironmentVariable(DistributedOptions.ConnectionVariable, fixture.ConnectionString);
        try
        {
            var (code, output, error) = Cli("study", "submit", fixture.TinyNetwork, "--kind", "report", "--analyses", "solve,forecast");
            Assert.Equal(2, code);
            Assert.Contains("unknown analysis 'forecast'", error, StringComparison.Ordinal);
            Assert.DoesNotContain("submitted", output, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(DistributedOptions.ConnectionVariable, previous);
        }
    }

    [Fact]
    public void A_report_study_with_a_sweep_of_a_figure_the_file_lacks_is_refused_before_anything_is_stored()
    {
        var previous = Environment.GetEnvironmentVariable(DistributedOptions.ConnectionVariable);
        Environment.SetEnvironmentVariable(DistributedOptions.ConnectionVariable, fixture.ConnectionString);
        try
        {
            var (code, output, error) = Cli("study", "submit", fixture.TinyNetwork, "--kind", "report", "--analyses", "solve,sweep", "--sweep", "links.nowhere.costPerTonne:1:2:3");
            Assert.Equal(1, code);
            Assert.Contains("nowhere", error, StringComparison.Ordinal);
            Assert.DoesNotContain("submitted", output, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(DistributedOptions.ConnectionVariable, previous);
        }
    }

    [Fact]
    public async Task Submitting_the_same_study_twice_reuses_the_first_and_other_settings_make_a_new_one()
    {
        var (source, definition) = Compare(fixture.TinyNetwork, ["phase2"]);
        await using var client = await StudyClient.ConnectAsync(fixture.ConnectionString, CancellationToken.None);
        var (first, firstReused) = await client.SubmitAsync(source, definition with { UnshippedPenaltyUsdPerTonne = 12_345 }, CancellationToken.None);
        var (again, againReused) = await client.SubmitAsync(source, definition with { UnshippedPenaltyUsdPerTonne = 12_345 }, CancellationToken.None);
        var (otherSize, otherSizeReused) = await client.SubmitAsync(source, definition with { UnshippedPenaltyUsdPerTonne = 12_345, ItemSize = 5 }, CancellationToken.None);
        var (otherGap, otherGapReused) = await client.SubmitAsync(source, definition with { UnshippedPenaltyUsdPerTonne = 12_345, RelativeGap = 1e-5 }, CancellationToken.None);

        Assert.False(firstReused);
        Assert.True(againReused);
        Assert.Equal(first, again);
        Assert.True(otherSizeReused); // the item size never changes a number
        Assert.Equal(first, otherSize);
        Assert.False(otherGapReused);
        Assert.NotEqual(first, otherGap);
        var status = await WaitAsync(client, first);
        Assert.Equal(CompareAnalysis.Variants(definition.Scenarios).Length, status.Items.Length); // planned once
    }

    [Fact]
    public async Task A_poison_item_is_reported_with_its_reason_after_bounded_retries_and_the_rest_of_the_study_completes()
    {
        fixture.EnsureWorkers();
        var (source, _) = Compare(fixture.TinyNetwork, []);
        var definition = new StudyDefinition(StudyKind.Resilience, Path.GetFileName(source.FilePath), [], null, null, ItemSize: 1);
        await using var client = await StudyClient.ConnectAsync(fixture.ConnectionString, CancellationToken.None);
        var (id, _) = await client.SubmitAsync(source, definition, CancellationToken.None);

        var status = await WaitAsync(client, id);
        Assert.Equal("partial", status.State);
        var failed = Assert.Single(status.Items, i => i.State == "failed");
        Assert.Equal((1, 2), (failed.Stage, failed.FirstUnit));
        Assert.Equal(2, failed.Attempts); // Distributed:MaxAttempts in these tests
        Assert.Contains("FailUnits", failed.Error, StringComparison.Ordinal);
        Assert.All(status.Items.Where(i => i != failed), i => Assert.Equal("done", i.State));

        // Every other answer is the single-machine one; the poisoned answer is an error without figures.
        var network = source.Bind().Network!;
        var settings = Local(definition);
        var scheduler = new SolveScheduler(settings);
        var plan = ResilienceAnalysis.Plan(network, scheduler.Solve(new SolveJob(network)));
        var answers = Enumerable.Range(0, plan.AnswerCount)
            .Select(i => i == 2 ? new OutageAnswer(SolveStatus.Error, null, null, 0, [], false, []) : ResilienceAnalysis.Answer(plan, i, scheduler, settings)).ToList();
        var expected = ResilienceAnalysis.Assemble(plan, answers, settings, SolveTally.None);
        var actual = AnalysisJson.Deserialize<ResilienceReport>((await client.ResultAsync(id, CancellationToken.None))!);
        Assert.Equal(AnalysisJson.Serialize(expected.Outages.ToArray()), AnalysisJson.Serialize(actual.Outages.ToArray()));
    }

    [Fact]
    public async Task Workers_reconnect_after_a_PostgreSQL_restart_and_finish_the_study_identical_to_the_single_machine_run()
    {
        fixture.EnsureWorkers();
        var (source, _) = Compare(fixture.TinyNetwork, []);
        var request = new SweepRequest("options[new-port-package].capexUsd", 0, 2e9, 9);
        var definition = new StudyDefinition(StudyKind.Sweep, Path.GetFileName(source.FilePath), [], null, request, ItemSize: 1);
        await using var client = await StudyClient.ConnectAsync(fixture.ConnectionString, CancellationToken.None);
        var (id, _) = await client.SubmitAsync(source, definition, CancellationToken.None);

        fixture.Cluster.StopServer();
        await Task.Delay(TimeSpan.FromSeconds(3));
        fixture.Cluster.StartServer();
        var restarted = DateTimeOffset.UtcNow;

        var status = await WaitAsync(client, id);
        Assert.Equal("done", status.State);
        Assert.True(status.FinishedAt > restarted.AddSeconds(-1), "the study was assembled after the restart");
        var expected = AnalysisJson.Serialize(SweepAnalysis.Run(source, request, Local(definition)));
        Assert.Equal(expected, await client.ResultAsync(id, CancellationToken.None));
        Assert.All(fixture.Workers, w => Assert.False(w.HasExited, "a worker exited on the restart:\n" + w.Output));
    }

    [Fact]
    public async Task A_worker_stopped_with_SIGTERM_exits_cleanly_and_its_item_is_done_once()
    {
        fixture.EnsureWorkers();
        var (source, definition) = Compare(fixture.DefaultNetwork, ["phase2-high-rail-tariff", "high-discount-rate"]);
        await using var client = await StudyClient.ConnectAsync(fixture.ConnectionString, CancellationToken.None);
        var (id, _) = await client.SubmitAsync(source, definition, CancellationToken.None);

        var (worker, _) = await RunningItemAsync(client, id);
        Assert.Equal(0, await worker.TerminateAsync(TimeSpan.FromSeconds(60)));

        var status = await WaitAsync(client, id);
        Assert.Equal("done", status.State);
        var expected = AnalysisJson.Serialize(CompareAnalysis.Run(source, definition.Scenarios, Local(definition)));
        Assert.Equal(expected, await client.ResultAsync(id, CancellationToken.None));
        fixture.EnsureWorkers();
    }

    [Fact]
    public async Task The_cli_submits_a_study_follows_it_to_the_end_and_prints_what_the_single_machine_verb_prints()
    {
        var previous = Environment.GetEnvironmentVariable(DistributedOptions.ConnectionVariable);
        Environment.SetEnvironmentVariable(DistributedOptions.ConnectionVariable, fixture.ConnectionString);
        try
        {
            var (code, output, error) = Cli("study", "submit", fixture.TinyNetwork, "--kind", "compare", "--scenarios", "phase2", "--gap", "1e-7", "--wait");
            Assert.True(code == 0, error + output);
            var (_, local, _) = Cli("compare", fixture.TinyNetwork, "--scenarios", "phase2", "--gap", "1e-7");
            Assert.EndsWith(local, output, StringComparison.Ordinal);

            var id = output.Split(' ')[1];
            var (statusCode, status, _) = Cli("study", "status", id);
            Assert.Equal(0, statusCode);
            Assert.Contains("done, stage 0; items 2 done, 0 failed", status, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(DistributedOptions.ConnectionVariable, previous);
        }
    }

    [Fact]
    public void The_cli_without_a_database_says_how_to_set_one_and_exits_with_a_usage_error()
    {
        var previous = Environment.GetEnvironmentVariable(DistributedOptions.ConnectionVariable);
        Environment.SetEnvironmentVariable(DistributedOptions.ConnectionVariable, null);
        try
        {
            var (code, _, error) = Cli("study", "status", "1");
            Assert.Equal(2, code);
            Assert.Contains("LOGISTICS_POSTGRES", error, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(DistributedOptions.ConnectionVariable, previous);
        }
    }

    private static (int Code, string Out, string Error) Cli(params string[] args)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var code = Logistics.Cli.CliApp.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>Every file of a bundle folder, relative and sorted.</summary>
    private static List<string> Files(string folder) =>
        [.. Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/')).Order(StringComparer.Ordinal)];

    private static (NetworkSource Source, StudyDefinition Definition) Compare(string path, ImmutableArray<string> scenarios)
    {
        var (source, diagnostics) = NetworkSource.Read(path);
        Assert.True(source is not null, string.Join("\n", diagnostics));
        return (source, new StudyDefinition(StudyKind.Compare, Path.GetFileName(path), scenarios, null, null, ItemSize: 1));
    }

    /// <summary>The single-machine run: the study's settings with two solves at a time, as <c>--parallel 2</c>.</summary>
    private static AnalysisSettings Local(StudyDefinition definition) => definition.AnalysisSettings() with { Parallelism = 2 };

    /// <summary>Waits until one of the fixture's workers runs an item of the study; returns that worker and item.</summary>
    private async Task<(WorkerProcess Worker, StudyItemStatus Item)> RunningItemAsync(StudyClient client, long id)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < Patience)
        {
            var status = await client.StatusAsync(id, CancellationToken.None);
            foreach (var item in status!.Items.Where(i => i.State == "running"))
            {
                var worker = fixture.Workers.FirstOrDefault(w => !w.HasExited && item.Worker?.EndsWith(":" + w.Id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal) == true);
                if (worker is not null) return (worker, item);
            }

            Assert.False(status.Finished, "the study finished before an item could be caught running");
            await Task.Delay(50);
        }

        throw new TimeoutException("no item of the study was seen running:\n" + fixture.WorkerOutput());
    }

    private async Task<StudyStatus> WaitAsync(StudyClient client, long id)
    {
        var clock = Stopwatch.StartNew();
        StudyStatus? status = null;
        while (clock.Elapsed < Patience)
        {
            try
            {
                status = await client.StatusAsync(id, CancellationToken.None);
                if (status!.Finished) return status;
            }
            catch (Npgsql.NpgsqlException)
            {
                // The server is restarting in one test: ask again.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"study {id} did not finish: {status?.State}, items {string.Join(", ", status?.Items.Select(i => i.State) ?? [])}\n{fixture.WorkerOutput()}");
    }
}
