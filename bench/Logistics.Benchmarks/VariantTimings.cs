using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;

using Logistics.Analysis;
using Logistics.Network.IO;
using Logistics.Network.Loading;
using Logistics.Network.Model;
using Logistics.Optimisation;
using Logistics.Optimisation.Periods;
using Logistics.Optimisation.Stochastic;

namespace Logistics.Benchmarks;

/// <summary>
/// CPU per variant of each analysis, solved afresh (a model built per variant, as <see cref="SolveScheduler"/> does)
/// and on kept models (one <see cref="ResolvableModel"/> per backend, refitted per variant): the measurement that
/// decides which analyses use <see cref="KeptModels"/> (docs/benchmarks.md, "Kept models for analysis variants").
/// Each analysis's own variants: a sweep's grid points, value's forced solves, resilience's outages (operational and
/// strategic), compare's scenarios, and a sweep's grid points on a plan over time. One thread, no prices, best of
/// <c>rounds</c> after a warm-up round; the objectives of both ways are checked against each other.
/// </summary>
public static class VariantTimings
{
    private static readonly SolverSettings Settings = SolverSettings.Default with { ComputePrices = false, Threads = 1 };

    public static int Run(string path, string timelinePath, int rounds, TextWriter output)
    {
        var source = NetworkSource.Read(path).Source;
        var timeline = NetworkSource.Read(timelinePath).Source;
        if (source is null || timeline is null)
        {
            output.WriteLine($"{(source is null ? path : timelinePath)} did not read.");
            return 1;
        }

        var network = source.Bind(new LoadOptions()).Network!;
        var sets = new List<(string Name, ImmutableArray<NetworkSnapshot> Variants)>
        {
            ("sweep", SweepVariants(source, new SweepRequest("options[pasni-package].capexUsd", 0.6e9, 1.4e9, 9, "phase2", null))),
            ("value", ValueAnalysis.Variants(network)),
            ("resilience", ResilienceVariants(network)),
            ("compare", [.. network.Scenarios.Select(s => source.Bind(new LoadOptions { Scenario = s.Id.Value }).Network!)]),
            ("timeline (sweep)", SweepVariants(timeline, new SweepRequest("options[pasni-package].capexUsd", 0.6e9, 1.4e9, 5, null, null))),
        };

        output.WriteLine("| Analysis | Variants | Kept: rebuilt | Fresh CPU ms/variant | Kept CPU ms/variant | Fresh / kept | Objectives agree |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---|");
        foreach (var (name, variants) in sets)
        {
            double fresh = double.MaxValue, kept = double.MaxValue;
            var rebuilds = 0;
            var agree = true;
            for (var round = 0; round <= rounds; round++)
            {
                var (freshCpu, freshObjectives) = Fresh(variants);
                var (keptCpu, keptObjectives, rebuilt) = Kept(variants);
                agree &= freshObjectives.Zip(keptObjectives).All(p => Same(p.First, p.Second));
                rebuilds = rebuilt;
                if (round == 0)
                    continue; // warm-up: JIT and OR-Tools start-up
                fresh = Math.Min(fresh, freshCpu);
                kept = Math.Min(kept, keptCpu);
            }

            var n = variants.Length;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {n} | {rebuilds} | {fresh / n:F1} | {kept / n:F1} | {fresh / kept:F2}× | {(agree ? "yes" : "NO")} |"));
        }

        return 0;
    }

    private static (double CpuMs, List<double?> Objectives) Fresh(ImmutableArray<NetworkSnapshot> variants)
    {
        var optimiser = new NetworkOptimiser();
        var objectives = new List<double?>();
        var cpu = Cpu();
        foreach (var variant in variants)
            objectives.Add(optimiser.Solve(variant, Settings).Objective);
        return (Cpu() - cpu, objectives);
    }

    private static (double CpuMs, List<double?> Objectives, int Rebuilds) Kept(ImmutableArray<NetworkSnapshot> variants)
    {
        var models = new Dictionary<SolverBackend, ResolvableModel>();
        var objectives = new List<double?>();
        var cpu = Cpu();
        try
        {
            foreach (var variant in variants)
            {
                var backend = variant.IsPeriodised ? TimelineOptimiser.BackendFor(variant, Settings) : NetworkOptimiser.ChooseBackend(variant);
                if (!models.TryGetValue(backend, out var model))
                {
                    model = ResolvableModel.Create(variant, Settings with { Backend = backend })
                        ?? throw new InvalidOperationException("No kept model for these settings.");
                    models[backend] = model;
                }

                objectives.Add(model.Solve(variant).Objective);
            }

            return (Cpu() - cpu, objectives, models.Values.Sum(m => m.Rebuilds));
        }
        finally
        {
            foreach (var model in models.Values)
                model.Dispose();
        }
    }

    private static ImmutableArray<NetworkSnapshot> SweepVariants(NetworkSource source, SweepRequest request)
    {
        var plan = SweepAnalysis.Plan(source, request);
        return [.. plan.Values.Select(v => plan.Basis is not null && plan.Compiled is not null
            ? source.TryVary(plan.Basis, new FigureChangeSet(plan.Compiled.At(v))) ?? throw new InvalidOperationException($"{request.Path} = {v} gives no variant.")
            : throw new InvalidOperationException($"{request.Path} cannot be set on a snapshot."))];
    }

    private static ImmutableArray<NetworkSnapshot> ResilienceVariants(NetworkSnapshot network)
    {
        var plan = ResilienceAnalysis.Plan(network, new NetworkOptimiser().Solve(network, Settings));
        return [.. plan.Cases.SelectMany(c => new[] { c.Apply(plan.FixedBuilds), c.Apply(network) })];
    }

    private static bool Same(double? a, double? b) =>
        a is null ? b is null : b is not null && Math.Abs(a.Value - b.Value) <= 1e-6 * Math.Max(1, Math.Abs(a.Value));

    private static double Cpu() => Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds;
}
