using Logistics.Network.IO;
using Logistics.Network.Loading;
using Logistics.Network.Model;
using Logistics.Optimisation;

namespace Logistics.Analysis.Tests;

/// <summary>
/// Value solves its forced variants on kept models (<see cref="KeptModels"/>): the report is the bytes a fresh build per
/// variant gives, at one solve at a time and at several, and the models are kept (built once per thread and backend).
/// </summary>
public sealed class KeptModelsTests
{
    private static readonly NetworkSource Default = NetworkSource.Read(Nets.DefaultNetworkPath()).Source!;

    private static AnalysisSettings Settings(int parallel, bool keep) => Nets.Settings(parallel) with { KeepModels = keep };

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Value_on_kept_models_is_the_report_fresh_builds_give(int parallel)
    {
        var network = Default.Bind(new LoadOptions { Scenario = "phase2" }).Network!;

        var fresh = AnalysisJson.Serialize(ValueAnalysis.Run(network, Settings(parallel, keep: false)));
        var kept = AnalysisJson.Serialize(ValueAnalysis.Run(network, Settings(parallel, keep: true)));

        Assert.Equal(fresh, kept);
    }

    [Fact]
    public void Forced_variants_are_solved_on_one_kept_model_per_backend_and_counted_in_the_tally()
    {
        var network = Default.Bind(new LoadOptions()).Network!;
        var settings = Settings(1, keep: true);
        var scheduler = new SolveScheduler(settings);
        using var kept = new KeptModels(scheduler, settings);
        var ids = network.Options.Select(o => o.Id).ToList();

        var variants = ids.Select(id => NetworkVariants.WithDecisions(network, [id], [])).Append(NetworkVariants.WithBuildsFixed(network, [])).ToList();
        var results = variants.Select(v => kept.Solve(new SolveJob(v))).ToList();

        // Forcing options changes bounds only: one SCIP model for the free variants, one GLOP model for the fixed one.
        Assert.Equal(2, kept.Models);
        Assert.Equal(0, kept.Rebuilds);
        Assert.Equal(variants.Count, scheduler.Tally.Solves);
        for (var i = 0; i < variants.Count; i++)
        {
            var expected = new NetworkOptimiser().Solve(variants[i], scheduler.Settings with { ComputePrices = false });
            Assert.Equal(expected.Status, results[i].Status);
            Assert.Equal(expected.Objective ?? 0, results[i].Objective ?? 0, 6);
            Assert.Equal(string.Join(",", Outcomes.Built(expected)), string.Join(",", Outcomes.Built(results[i])));
        }
    }

    [Fact]
    public void Without_keeping_models_every_variant_is_built_afresh()
    {
        var settings = Settings(1, keep: false);
        var scheduler = new SolveScheduler(settings);
        using var kept = new KeptModels(scheduler, settings);

        kept.Solve(new SolveJob(Default.Bind(new LoadOptions()).Network!));

        Assert.Equal(0, kept.Models);
        Assert.Equal(1, scheduler.Tally.Solves);
    }
}
