using System.Globalization;

using Logistics.Benchmarks.StandardSets;
using Logistics.Network.Diagnostics;
using Logistics.Network.IO;
using Logistics.Network.Loading;
using Logistics.Network.Model;
using Logistics.TestKit;

namespace Logistics.Benchmarks;

/// <summary>
/// Issue 15's loading targets, stage by stage, in one run: a CFLP instance converted to a network file (by
/// <see cref="CflpReader"/> and <see cref="NetworkWriter"/>) and a synthetic network written to a file, each loaded
/// and validated in process once cold and then <c>runs</c> times warm with <see cref="StageTimings"/> on. Every stage
/// (read, binder, each validation check, sorting) is reported as the median and the fastest of the warm runs, so one
/// busy moment of a shared machine does not decide the figure, and the whole load's process CPU time beside its wall time.
/// The default of 61 warm runs puts the median past the JIT's tier-up: a method the loader calls once per load runs
/// unoptimised (tier 0, with PGO instrumentation) for its first 30 calls, so a 9-run median of cap131 measured
/// 97–127 ms where the same code, optimised, takes 25 ms (with tiered compilation off, or from run 31 on).
/// A process that loads once pays the cold figure; the solve-only executable, compiled ahead of time, has no tier 0.
/// </summary>
public static class LoadTimings
{
    public static int Run(string cflpName, string syntheticName, string? data, int runs, TextWriter output, TextWriter error)
    {
        string cflpFile;
        try
        {
            cflpFile = Path.Combine(BenchmarkFolder.Locate(data), "cflp", cflpName + ".txt");
        }
        catch (DirectoryNotFoundException e)
        {
            error.WriteLine($"error: {e.Message}");
            return 1;
        }

        var root = Path.Combine(Path.GetTempPath(), "logistics-load-bench-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        var folder = Path.Combine(root, "networks");
        Directory.CreateDirectory(folder);
        try
        {
            var (cflpPath, cflp) = CflpNetworkFile.Write(cflpFile, folder, CflpCommodities.OnePerCustomer);
            var files = new List<(string Label, string Path, int Links)> { ($"cflp {cflpName}", cflpPath, cflp.Links.Length) };
            var synthetic = SyntheticNetworks.Generate(InstanceSize.Parse(syntheticName));
            files.Add((syntheticName, Write(folder, syntheticName, synthetic), synthetic.Links.Length));
            foreach (var (label, path, links) in files)
                Report(label, path, links, runs, output);
            return 0;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static string Write(string folder, string name, NetworkSnapshot network)
    {
        var path = Path.Combine(folder, name + ".network.json");
        File.WriteAllText(path, NetworkWriter.Write(network));
        return path;
    }

    private static (int Gen0, int Gen1, int Gen2) Collections() => (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));

    private static void Report(string label, string path, int links, int runs, TextWriter output)
    {
        var samples = new List<IReadOnlyList<StageTime>>();
        var cold = TimeSpan.Zero;
        for (var i = 0; i <= runs; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var timings = new StageTimings();
            StageTimings.Current = timings;
            try
            {
                // CPU time as well as wall: on a shared machine the wall clock also counts time spent waiting for a core.
                var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
                var allocated = GC.GetAllocatedBytesForCurrentThread();
                var (pause, collections) = (GC.GetTotalPauseDuration(), Collections());
                var total = System.Diagnostics.Stopwatch.StartNew();
                var loaded = NetworkLoader.Load(path);
                timings.Add("total load + validate", total.Elapsed, GC.GetAllocatedBytesForCurrentThread() - allocated);
                // The collector's share: its pauses, and how many collections of each generation one load caused.
                timings.Add("garbage collection pauses", GC.GetTotalPauseDuration() - pause);
                var after = Collections();
                timings.Add($"collections (gen 0/1/2): {after.Gen0 - collections.Gen0}/{after.Gen1 - collections.Gen1}/{after.Gen2 - collections.Gen2}", TimeSpan.Zero);
                timings.Add("total load + validate, process CPU", System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu);
                if (i == 0 && !loaded.Succeeded)
                    output.WriteLine($"{label} has {loaded.Errors.Length} errors (timed all the same): {string.Join("; ", loaded.Errors.Take(2).Select(e => e.Message))}");
            }
            finally
            {
                StageTimings.Current = null;
            }

            if (i > 0)
                samples.Add(timings.Stages);
            else
                cold = timings.Stages.First(t => t.Stage == "total load + validate").Elapsed;
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label}: {links:N0} links, {new FileInfo(path).Length:N0} bytes; median and fastest of {runs} warm runs (ms)"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"first load in this process (the first file's includes compiling the loader): {cold.TotalMilliseconds:F1} ms"));
        output.WriteLine();
        output.WriteLine("| Stage | median | fastest | allocated MB |");
        output.WriteLine("|---|---:|---:|---:|");
        // A stage that runs more than once in a load (e.g. per scenario) is summed within the run.
        // Stages of the first warm run, then any only later runs had (a different count of collections), in order seen.
        var stages = samples.SelectMany(s => s).Select(s => s.Stage).Distinct().ToList();
        foreach (var stage in stages)
        {
            if (stage.StartsWith("collections", StringComparison.Ordinal))
            {
                // Not a time: how many warm runs had this many collections.
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {stage} | {samples.Count(s => s.Any(t => t.Stage == stage))} of {samples.Count} runs | | |"));
                continue;
            }

            var values = samples.Select(s => s.Where(t => t.Stage == stage).Sum(t => t.Elapsed.TotalMilliseconds)).Order().ToList();
            // Allocations hardly vary between warm runs: the last run's, summed like the times.
            var allocated = samples[^1].Where(t => t.Stage == stage && t.AllocatedBytes is not null).Select(t => t.AllocatedBytes!.Value).ToList();
            var megabytes = allocated.Count == 0 ? "" : (allocated.Sum() / 1e6).ToString("F1", CultureInfo.InvariantCulture);
            var median = values.Count % 2 == 1 ? values[values.Count / 2] : (values[(values.Count / 2) - 1] + values[values.Count / 2]) / 2;
            // The fastest run is the one least disturbed by other work on a shared machine.
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {stage} | {median:F1} | {values[0]:F1} | {megabytes} |"));
        }

        output.WriteLine();
    }
}
