using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

using Logistics.Network.IO;
using Logistics.Network.Loading;
using Logistics.TestKit;

namespace Logistics.Benchmarks;

/// <summary>
/// Hostile-input timings (docs/benchmarks.md, "Hardening"): the default network written on one line and grown by
/// repeating its nodes and links, against the same content indented; a 5,000-node network with 100 one-change
/// scenarios; one scenario with 2,000 wildcard changes; one overlay file named by 100 scenarios. Each is timed as
/// <c>logistics validate</c> does its work: read once, bind the base, bind every scenario.
/// </summary>
public static class InputBenchmarks
{
    private static readonly JsonSerializerOptions Minified = new() { WriteIndented = false };
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <param name="parts">"lines", "scenarios" or both.</param>
    /// <param name="lineSizes">Target sizes of the one-line files, bytes.</param>
    public static void Run(string defaultNetwork, IReadOnlyCollection<string> parts, IReadOnlyList<int> lineSizes, TextWriter o)
    {
        var root = Path.Combine(Path.GetTempPath(), "logistics-input-bench-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        var networks = Path.Combine(root, "networks");
        Directory.CreateDirectory(networks);
        CopySeeds(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(defaultNetwork))!, "..", "seeds"), Path.Combine(root, "seeds"));
        try
        {
            var original = JsonNode.Parse(File.ReadAllText(defaultNetwork), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })!.AsObject();
            original.Remove("scenarios"); // the overlay file is not copied; scenarios are timed separately below
            o.WriteLine("| file | bytes | one line: validate s | indented: validate s |");
            o.WriteLine("|---|---:|---:|---:|");
            foreach (var target in parts.Contains("lines") ? lineSizes : [])
            {
                var grown = Grow(original, target);
                var line = Path.Combine(networks, $"line-{target}.network.json");
                var indented = Path.Combine(networks, $"indented-{target}.network.json");
                File.WriteAllText(line, grown.ToJsonString(Minified));
                File.WriteAllText(indented, grown.ToJsonString(Indented));
                Validate(indented); // warm up, so neither timing carries the first run's compilation
                var indentedSeconds = Validate(indented);
                var lineSeconds = Validate(line);
                o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| chagai repeated, {target / 1000} KB | {new FileInfo(line).Length:N0} | {lineSeconds:F2} | {indentedSeconds:F2} |"));
            }

            o.WriteLine();
            if (!parts.Contains("scenarios")) return;
            var size = new InstanceSize(5000, 20000, 30, 500, 42);
            var synthetic = JsonNode.Parse(NetworkWriter.Write(SyntheticNetworks.Generate(size)))!.AsObject();
            var links = synthetic["links"]!.AsArray().Select(l => l!["id"]!.GetValue<string>()).Where(id => id.StartsWith("l-", StringComparison.Ordinal)).ToList();

            var hundred = (JsonObject)synthetic.DeepClone();
            hundred["scenarios"] = new JsonArray([.. Enumerable.Range(0, 100).Select(i => (JsonNode)new JsonObject
            {
                ["id"] = $"s{i}",
                ["changes"] = new JsonArray(new JsonObject { ["path"] = $"links[{links[i * 7 % links.Count]}].tariffUsdPerTkm", ["multiply"] = 1.1 }),
            })]);
            var hundredPath = Path.Combine(networks, "n5000-100-scenarios.network.json");
            File.WriteAllText(hundredPath, hundred.ToJsonString(Indented));
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| 5,000 nodes, 100 one-change scenarios | validate {Validate(hundredPath):F2} s |"));
            if (parts.Contains("breakdown")) Breakdown(hundredPath, o);

            var wild = (JsonObject)synthetic.DeepClone();
            wild["scenarios"] = new JsonArray(new JsonObject
            {
                ["id"] = "wild",
                ["changes"] = new JsonArray([.. Enumerable.Range(0, 2000).Select(i => (JsonNode)new JsonObject
                {
                    ["path"] = i % 2 == 0 ? "links[*].tariffUsdPerTkm" : "nodes[*].port.handlingUsdPerTonne",
                    ["multiply"] = 1.0001,
                })]),
            });
            var wildPath = Path.Combine(networks, "n5000-wildcards.network.json");
            File.WriteAllText(wildPath, wild.ToJsonString(Indented));
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| 5,000 nodes, one scenario with 2,000 wildcard changes | validate {Validate(wildPath):F2} s |"));

            var shared = (JsonObject)synthetic.DeepClone();
            var overlay = Path.Combine(networks, "big.scenario.json");
            File.WriteAllText(overlay, new JsonObject
            {
                ["formatVersion"] = 1,
                ["scenario"] = new JsonObject
                {
                    ["id"] = "big",
                    ["description"] = new string('x', 1_000_000),
                    ["changes"] = new JsonArray(new JsonObject { ["path"] = $"links[{links[0]}].tariffUsdPerTkm", ["multiply"] = 1.1 }),
                },
            }.ToJsonString(Indented));
            shared["scenarios"] = new JsonArray([.. Enumerable.Range(0, 100).Select(_ => (JsonNode)new JsonObject { ["file"] = "big.scenario.json" })]);
            var sharedPath = Path.Combine(networks, "n5000-shared-overlay.network.json");
            File.WriteAllText(sharedPath, shared.ToJsonString(Indented));
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var watch = Stopwatch.StartNew();
            var (source, _) = NetworkSource.Read(sharedPath);
            var read = watch.Elapsed.TotalSeconds;
            var allocated = (GC.GetTotalAllocatedBytes(precise: true) - before) / 1e6;
            o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| 5,000 nodes, one 1 MB overlay named by 100 scenarios | read {read:F2} s, {allocated:F0} MB allocated, {source!.InputFiles.Length} input files |"));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>Where one validate's time goes: read, the base bind (which also checks every scenario's paths), one scenario's bind, a bind with one extra change.</summary>
    private static void Breakdown(string path, TextWriter o)
    {
        var watch = Stopwatch.StartNew();
        var (source, _) = NetworkSource.Read(path);
        var read = watch.Elapsed.TotalSeconds;
        watch.Restart();
        source!.Bind();
        var bindBase = watch.Elapsed.TotalSeconds;
        watch.Restart();
        source.Bind(new LoadOptions { Scenario = source.ScenarioIds[0] });
        var bindScenario = watch.Elapsed.TotalSeconds;
        watch.Restart();
        source.Bind(new LoadOptions { ExtraChanges = [new Network.Model.ScenarioChange("metadata.discountRate", Network.Model.ChangeOperation.Set, 0.08)] });
        var bindExtra = watch.Elapsed.TotalSeconds;
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| breakdown | read {read:F2} s, base bind {bindBase:F2} s, one scenario bind {bindScenario:F2} s, bind with one extra change {bindExtra:F2} s |"));
    }

    /// <summary>What <c>logistics validate</c> does, in seconds: read once, bind the base, then every scenario.</summary>
    private static double Validate(string path)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var watch = Stopwatch.StartNew();
        var (source, _) = NetworkSource.Read(path);
        if (source is null) throw new InvalidOperationException($"{path} cannot be read.");
        source.Bind();
        foreach (var id in source.ScenarioIds)
            source.Bind(new LoadOptions { Scenario = id });
        return watch.Elapsed.TotalSeconds;
    }

    /// <summary>The network with copies of its nodes and links (ids suffixed) until its minified text reaches <paramref name="bytes"/>.</summary>
    private static JsonObject Grow(JsonObject network, int bytes)
    {
        var grown = (JsonObject)network.DeepClone();
        var nodes = grown["nodes"]!.AsArray();
        var links = grown["links"]!.AsArray();
        var baseNodes = nodes.Select(n => n!.DeepClone()).ToList();
        var baseLinks = links.Where(l => l!["builtBy"] is null).Select(l => l!.DeepClone()).ToList();
        for (var copy = 2; grown.ToJsonString(Minified).Length < bytes; copy++)
        {
            var suffix = "-c" + copy.ToString(CultureInfo.InvariantCulture);
            foreach (var node in baseNodes)
            {
                var n = node.DeepClone().AsObject();
                n["id"] = n["id"]!.GetValue<string>() + suffix;
                nodes.Add(n);
            }

            foreach (var link in baseLinks)
            {
                var l = link.DeepClone().AsObject();
                foreach (var key in new[] { "id", "from", "to" })
                    l[key] = l[key]!.GetValue<string>() + suffix;
                links.Add(l);
            }
        }

        return grown;
    }

    private static void CopySeeds(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*.json"))
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
    }
}
