using Logistics.Network.Loading;
namespace Logistics.Worker.Tests;

public sealed class InputFingerprintTests
{
    [Fact]
    public void The_fingerprint_covers_the_network_its_overlays_and_every_seeds_file_and_nothing_else()
    {
        using var folder = new TestFolder();
        string overlay = folder.Write(Path.Combine(folder.Networks, "chagai.suez.scenario.json"), "{}");
        string seeds = folder.Write(Path.Combine(folder.Seeds, "rail.json"), """{ "seeds": [] }""");
        string unrelated = folder.Write(Path.Combine(folder.Networks, "other.network.json"), "{}");
        string network = folder.WriteNetwork("chagai", TestFolder.NetworkJson("chagai", "chagai.suez.scenario.json"));

        InputFingerprint before = InputFingerprint.Compute(network);
        Assert.Equal(new[] { network, overlay, seeds, folder.TinySeedsFile }.Order(StringComparer.Ordinal), before.Files.Order(StringComparer.Ordinal));
        Assert.Equal(before, InputFingerprint.Compute(network) with { Files = before.Files });
        Assert.Equal(64, before.Hash.Length);

        File.WriteAllText(unrelated, "{ \"changed\": true }");
        Assert.Equal(before.Hash, InputFingerprint.Compute(network).Hash);

        File.WriteAllText(overlay, "{ \"changed\": true }");
        string afterOverlay = InputFingerprint.Compute(network).Hash;
        Assert.NotEqual(before.Hash, afterOverlay);

        folder.Write(Path.Combine(folder.Seeds, "ports.json"), """{ "seeds": [] }""");
        Assert.NotEqual(afterOverlay, InputFingerprint.Compute(network).Hash);
    }

    [Fact]
    public void A_custom_seeds_folder_is_followed_and_a_missing_overlay_still_counts()
    {
        using var folder = new TestFolder();
        string custom = folder.Write(Path.Combine(folder.Root, "register", "a.json"), "{}");
        string network = folder.WriteNetwork(
            "chagai",
            """{ "metadata": { "seeds": "../register" }, "scenarios": [ { "file": "later.scenario.json" } ] }""");

        InputFingerprint before = InputFingerprint.Compute(network);
        Assert.Contains(custom, before.Files);
        Assert.Contains(Path.Combine(folder.Networks, "later.scenario.json"), before.Files);

        // The overlay appearing later is a change of inputs.
        folder.Write(Path.Combine(folder.Networks, "later.scenario.json"), "{}");
        Assert.NotEqual(before.Hash, InputFingerprint.Compute(network).Hash);
    }

    [Fact]
    public void A_file_that_does_not_parse_is_hashed_alone()
    {
        using var folder = new TestFolder();
        folder.Write(Path.Combine(folder.Seeds, "rail.json"), "{}");
        string network = folder.WriteNetwork("broken", "{ \"scenarios\": [ { \"file\": \"x.scenario.json\" } ");

        InputFingerprint fingerprint = InputFingerprint.Compute(network);

        Assert.Equal([network], fingerprint.Files.ToArray());
    }

    [Fact]
    public void The_fingerprint_is_the_hash_the_loader_gives_so_the_report_and_the_worker_outcome_cite_the_same()
    {
        using var folder = new TestFolder();
        folder.Write(Path.Combine(folder.Networks, "chagai.suez.scenario.json"), """{ "formatVersion": 1, "scenario": { "id": "suez" } }""");
        string network = folder.WriteNetwork("chagai", TestFolder.NetworkJson("chagai", "chagai.suez.scenario.json"));

        InputFingerprint fingerprint = InputFingerprint.Compute(network);
        Logistics.Network.Loading.NetworkSource source = Logistics.Network.Loading.NetworkSource.Read(network).Source!;

        Assert.Equal(source.ContentHash, fingerprint.Hash);
        Assert.Equal(source.InputFiles.Order(StringComparer.Ordinal), fingerprint.Files);
    }

    [Fact]
    public void A_network_file_that_is_a_device_or_pipe_is_an_io_error_not_a_hang()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        using var folder = new TestFolder();
        string link = Path.Combine(folder.Networks, "zero.network.json");
        File.CreateSymbolicLink(link, "/dev/zero");

        IOException error = Assert.Throws<IOException>(() => InputFingerprint.Compute(link));
        Assert.Contains("character device", error.Message, StringComparison.Ordinal);
        Assert.Throws<FileNotFoundException>(() => InputFingerprint.Compute(Path.Combine(folder.Networks, "gone.network.json")));
    }

    [Fact]
    public void The_report_key_changes_with_what_is_asked_not_only_with_the_files()
    {
        var inputs = new InputFingerprint(new string('a', 64), []);
        var request = new Logistics.Reports.ReportRequest("n.network.json", [], ["solve"], TimeSpan.FromSeconds(60));

        string key = ReportKey.Compute(inputs, request);

        Assert.Equal(key, ReportKey.Compute(inputs, request with { NetworkPath = "elsewhere/n.network.json" }));
        Assert.NotEqual(key, ReportKey.Compute(inputs, request with { Analyses = ["solve", "value"] }));
        Assert.NotEqual(key, ReportKey.Compute(inputs, request with { SolveTimeLimit = TimeSpan.FromSeconds(5) }));
        Assert.NotEqual(key, ReportKey.Compute(inputs, request with { Scenarios = ["phase2"] }));
        Assert.NotEqual(key, ReportKey.Compute(inputs with { Hash = new string('b', 64) }, request));
    }

    [Fact]
    public void Bundle_folder_names_are_utc_time_then_the_first_12_hex_of_the_key()
    {
        var time = new DateTimeOffset(2026, 11, 27, 19, 4, 5, TimeSpan.FromHours(5));

        string name = BundleFolderName.Format(time, "0123456789abcdef0123");

        Assert.Equal("20261127T140405Z-0123456789ab", name);
        Assert.True(BundleFolderName.IsBundleName(name));
        Assert.False(BundleFolderName.IsBundleName(".tmp-0123456789ab-1a2b3c4d"));
        Assert.False(BundleFolderName.IsBundleName("latest"));
    }
}
