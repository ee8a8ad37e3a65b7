using System.Text.Json;
using Logistics.Reports;

namespace Logistics.Worker.Tests;

/// <summary>The watched networks folder, end to end: real host, real files, real builder.</summary>
[Trait(TestCategory.Name, TestCategory.Process)]
public sealed class WatchingTests
{
    [Fact]
    public async Task A_new_network_file_gets_a_full_report_bundle_named_by_time_and_hash_and_latest_points_at_it()
    {
        using var folder = new TestFolder();

        // The worker's own defaults: solve, compare, value and resilience, as a deployed worker runs them.
        await using WorkerHost worker = await WorkerHost.StartAsync(folder, defaultAnalyses: true);

        folder.Write(Path.Combine(folder.Networks, "chagai.suez.scenario.json"), TinyNetwork.OverlayJson("suez", "closed for a month"));
        string network = folder.WriteNetwork("chagai", TestFolder.NetworkJson("chagai", "chagai.suez.scenario.json"));
        await Poll.UntilAsync(() => folder.Bundles("chagai").Count == 1, "a bundle for chagai exists", logs: worker.Logs);

        string bundle = folder.Bundles("chagai")[0];
        string name = Path.GetFileName(bundle);
        Assert.Matches("^[0-9]{8}T[0-9]{6}Z-[0-9a-f]{12}$", name);
        string outcome = File.ReadAllText(Path.Combine(bundle, "worker-outcome.json"));
        using (JsonDocument document = JsonDocument.Parse(outcome))
        {
            Assert.StartsWith(name[^12..], document.RootElement.GetProperty("reportKey").GetString(), StringComparison.Ordinal);
            Assert.Equal("Complete", document.RootElement.GetProperty("outcome").GetProperty("status").GetString());
            Assert.Equal(InputFingerprint.Compute(network).Hash, document.RootElement.GetProperty("inputsHash").GetString());

            // Every question is named, an absent one as null (the base report has no scenario, which is left out).
            Assert.Equal(JsonValueKind.Null, document.RootElement.GetProperty("relativeGap").ValueKind);
            Assert.False(document.RootElement.TryGetProperty("scenario", out _), "a base report names no scenario");
        }

        // The configured analyses and time limit reach the builder (here: the defaults).
        string request = File.ReadAllText(Path.Combine(bundle, "request.json"));
        Assert.Contains("\"solveTimeLimitSeconds\": 60", request, StringComparison.Ordinal);
        Assert.Contains("\"analyses\": [\n    \"solve\",\n    \"compare\",\n    \"value\",\n    \"resilience\"\n  ]", request, StringComparison.Ordinal);

        // What a planner opens: the documents, the data and the map, with every analysis in them.
        string[] expected = ["report.html", "report.md", "result.json", "builds.csv", "costs.csv", "flows.csv", "routes.csv", "network.geojson"];
        Assert.All(expected, file => Assert.True(new FileInfo(Path.Combine(bundle, file)) is { Exists: true, Length: > 0 }, $"{file} is in the bundle"));
        string markdown = File.ReadAllText(Path.Combine(bundle, "report.md"));
        Assert.All(["## Scenario comparison", "## Option values", "## Resilience"], heading => Assert.Contains(heading, markdown, StringComparison.Ordinal));
        using (JsonDocument result = JsonDocument.Parse(File.ReadAllText(Path.Combine(bundle, "result.json"))))
        {
            Assert.Equal("complete", result.RootElement.GetProperty("status").GetString());
            Assert.Equal("optimal", result.RootElement.GetProperty("base").GetProperty("status").GetString());
            Assert.Equal(["phase2", "suez"], result.RootElement.GetProperty("scenarios").EnumerateArray().Select(e => e.GetProperty("scenario").GetString()));
            JsonElement analyses = result.RootElement.GetProperty("analyses");
            Assert.All(["compare", "value", "resilience"], name => Assert.Equal(JsonValueKind.Object, analyses.GetProperty(name).ValueKind));
        }

        Assert.Contains("\"FeatureCollection\"", File.ReadAllText(Path.Combine(bundle, "network.geojson")), StringComparison.Ordinal);
        Assert.StartsWith("scenario,commodity,mine,market,port,", File.ReadAllText(Path.Combine(bundle, "routes.csv")), StringComparison.Ordinal);
        string latest = Path.Combine(folder.Reports, "chagai", "latest");
        await Poll.UntilAsync(() => BundlePublisher.CurrentTarget(latest) == name, "latest points at the bundle");
        Assert.Equal(name, new FileInfo(latest).LinkTarget);
        Assert.True(File.Exists(Path.Combine(latest, "request.json")), "latest resolves to the bundle folder");
        Assert.Empty(folder.TemporaryEntries());
    }

    [Fact]
    public async Task A_file_written_in_several_steps_is_read_once_when_complete()
    {
        using var folder = new TestFolder();
        await using WorkerHost worker = await WorkerHost.StartAsync(folder, new Dictionary<string, string?> { ["Worker:DebounceMilliseconds"] = "1000" });

        // Pauses far shorter than the debounce stand in for a slow copy over a share.
        string json = TestFolder.NetworkJson("slow");
        string path = Path.Combine(folder.Networks, "slow.network.json");
        await using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read))
        {
            byte[] bytes = System.Text.Encoding.UTF8.GetBytes(json);
            int third = bytes.Length / 3;
            foreach ((int start, int length) in new[] { (0, third), (third, third), (2 * third, bytes.Length - 2 * third) })
            {
                await stream.WriteAsync(bytes.AsMemory(start, length));
                await stream.FlushAsync();
                await Task.Delay(50);
            }
        }

        await Poll.UntilAsync(() => folder.Bundles("slow").Count == 1, "the complete file has its report", logs: worker.Logs);
        string outcome = File.ReadAllText(Path.Combine(folder.Bundles("slow")[0], "worker-outcome.json"));
        Assert.True(outcome.Contains("\"Complete\"", StringComparison.Ordinal), outcome);
        // The bundle is swapped in before the build's log line is written: wait for the line, then count.
        await Poll.UntilAsync(() => worker.Logs.WithId(3004).Count > 0, "the build is logged", logs: worker.Logs);
        Assert.Single(worker.Logs.WithId(1011));
        Assert.Single(worker.Logs.WithId(3004));
    }

    [Fact]
    public async Task Unchanged_inputs_are_not_solved_again_after_a_restart_and_changes_made_while_down_are_caught_up()
    {
        using var folder = new TestFolder();
        string network = folder.WriteNetwork("chagai");
        await using (WorkerHost first = await WorkerHost.StartAsync(folder))
        {
            await Poll.UntilAsync(() => folder.Bundles("chagai").Count == 1, "the first bundle exists");
        }

        string firstBundle = Path.GetFileName(folder.Bundles("chagai")[0]);

        await using (WorkerHost second = await WorkerHost.StartAsync(folder))
        {
            // Catch-up looks at every network on start and finds the report for these inputs already on disk.
            await Poll.UntilAsync(() => second.Logs.WithId(2001).Count == 1, "the restarted worker found the existing report");

            // Rewriting the same bytes is a change event but not a change of inputs.
            File.WriteAllBytes(network, File.ReadAllBytes(network));
            await Poll.UntilAsync(() => second.Logs.WithId(2001).Count == 2, "the rewrite was checked", logs: second.Logs);
            Assert.Single(folder.Bundles("chagai"));
            Assert.Empty(second.Logs.WithId(3004));
        }

        // Changed while the worker was down.
        folder.WriteNetwork("chagai", TestFolder.NetworkJson("chagai changed"));
        await using (WorkerHost third = await WorkerHost.StartAsync(folder))
        {
            await Poll.UntilAsync(() => folder.Bundles("chagai").Count == 2, "the change made while down got its report");
            // Both may carry the same second; the new one is the one that is not the first.
            string newest = folder.Bundles("chagai").Select(Path.GetFileName).Single(n => n != firstBundle)!;
            string latest = Path.Combine(folder.Reports, "chagai", "latest");
            await Poll.UntilAsync(() => BundlePublisher.CurrentTarget(latest) == newest, "latest moves to the new bundle");
        }
    }

    [Fact]
    public async Task A_changed_scenario_overlay_gives_the_network_that_uses_it_a_new_report_and_leaves_others_alone()
    {
        using var folder = new TestFolder();
        string overlay = folder.Write(Path.Combine(folder.Networks, "chagai.suez.scenario.json"), TinyNetwork.OverlayJson("suez", "closed for a month"));
        folder.WriteNetwork("chagai", TestFolder.NetworkJson("chagai", "chagai.suez.scenario.json"));
        folder.WriteNetwork("other");
        await using WorkerHost worker = await WorkerHost.StartAsync(folder);
        await Poll.UntilAsync(() => folder.Bundles("chagai").Count == 1 && folder.Bundles("other").Count == 1, "both networks have a report");

        Assert.All(folder.Bundles("chagai").Concat(folder.Bundles("other")), b => Assert.Equal(ReportStatus.Complete, ReportRunner.ReadOutcome(b)?.Status));

        File.WriteAllText(overlay, TinyNetwork.OverlayJson("suez", "closed for a year"));
        await Poll.UntilAsync(() => folder.Bundles("chagai").Count == 2, "the overlay change gave chagai a new report", logs: worker.Logs);
        Assert.All(folder.Bundles("chagai"), b => Assert.Equal(ReportStatus.Complete, ReportRunner.ReadOutcome(b)?.Status));
        await Poll.UntilAsync(() => worker.Logs.WithId(2001).Any(e => e.Value("Network") == "other"), "other was checked and found unchanged");
        Assert.Single(folder.Bundles("other"));
    }

    [Fact]
    public async Task A_corrupt_network_file_gets_an_error_report_while_a_good_one_next_to_it_gets_its_report()
    {
        using var folder = new TestFolder();
        await using WorkerHost worker = await WorkerHost.StartAsync(folder);

        // Not JSON at all, as a half-synced share or a binary saved under the wrong name leaves it.
        byte[] garbage = new byte[4096];
        new Random(20261127).NextBytes(garbage);
        garbage[0] = 0x1F;
        folder.WriteNetwork("broken", garbage);
        folder.WriteNetwork("good");

        await Poll.UntilAsync(() => folder.Bundles("broken").Count == 1 && folder.Bundles("good").Count == 1, "both files have a bundle", logs: worker.Logs);
        string errorBundle = folder.Bundles("broken")[0];
        Assert.Contains("\"InvalidInput\"", File.ReadAllText(Path.Combine(errorBundle, "worker-outcome.json")), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(errorBundle, "diagnostics.json")), "the error report holds the diagnostics");
        string diagnostics = File.ReadAllText(Path.Combine(errorBundle, "diagnostics.json"));
        // Random bytes are not UTF-8, which the reader says before any JSON parsing (LG0013).
        Assert.Contains("LG0013", diagnostics, StringComparison.Ordinal);
        Assert.Contains("\"line\": 1", diagnostics, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(errorBundle, "report.html")), "the error report is readable in a browser");
        string goodBundle = folder.Bundles("good")[0];
        Assert.Contains("\"Complete\"", File.ReadAllText(Path.Combine(goodBundle, "worker-outcome.json")), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(goodBundle, "routes.csv")), "the good network was solved");

        string statusPath = Path.Combine(folder.Reports, "status.json");
        await Poll.UntilAsync(
            () => File.Exists(statusPath) && Status(statusPath) is { } s
                && s.Networks.TryGetValue("broken", out NetworkStatus? b) && b.LastFailure is not null
                && s.Networks.TryGetValue("good", out NetworkStatus? g) && g.LastSuccess is not null,
            "status.json shows the failure of broken and the success of good");
        StatusDocument status = Status(statusPath)!;
        Assert.Equal("InvalidInput", status.Networks["broken"].LastFailure!.ReportStatus);
        Assert.Equal("broken/" + Path.GetFileName(errorBundle), status.Networks["broken"].LastFailure!.Report);
    }

    private static StatusDocument? Status(string path)
    {
        try
        {
            return StatusWriter.Parse(File.ReadAllText(path));
        }
        catch (IOException)
        {
            return null;
        }
    }
}
