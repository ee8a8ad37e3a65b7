using Logistics.Network.IO;
using Logistics.Network.Loading;
using Logistics.Network.Model;

namespace Logistics.Benchmarks.Tests;

/// <summary>The synthetic generator's periods (issue 11's benchmark instances): seeded, growing, and the same in process and through a file.</summary>
public class PeriodisedInstanceTests
{
    private static readonly InstanceSize Size = InstanceSize.Parse("synthetic-n60-l240-c10-o40-s3-p3");

    private static double MineOutput(NetworkSnapshot n) => n.Nodes.SelectMany(x => x.Supplies).Sum(s => s.TonnesPerYear);

    [Fact]
    public void A_period_suffix_round_trips_through_the_name_and_one_period_has_no_suffix()
    {
        Assert.Equal(3, Size.Periods);
        Assert.Equal("synthetic-n60-l240-c10-o40-s3-p3", Size.Name);
        Assert.Equal("synthetic-n60-l240-c10-o40-s3", (Size with { Periods = 1 }).Name);
        Assert.Equal("synthetic-n60-l240-c10-o40-s3-k0.03-x0.03-p5", InstanceSize.Parse("synthetic-n60-l240-c10-o40-s3-k0.03-x0.03-p5").Name);
    }

    [Fact]
    public void Each_period_lasts_five_years_from_2028_and_mine_output_grows_by_a_fifth_per_period()
    {
        var network = SyntheticNetworks.Generate(Size);

        Assert.Equal([2028, 2033, 2038], network.Periods.Select(p => p.StartYear));
        Assert.All(network.Periods, p => Assert.Equal(InstanceSize.YearsPerPeriod, p.Years));
        var outputs = network.PeriodNetworks.Select(MineOutput).ToList();
        Assert.Equal(outputs[0] * 1.2, outputs[1], 1e-6 * outputs[1]);
        Assert.Equal(outputs[0] * 1.44, outputs[2], 1e-6 * outputs[2]);
    }

    [Fact]
    public void The_first_period_is_the_one_period_instance_and_only_lead_times_are_added()
    {
        var periodised = SyntheticNetworks.Generate(Size);
        var single = SyntheticNetworks.Generate(Size with { Periods = 1 });

        Assert.Equal(MineOutput(single), MineOutput(periodised.PeriodNetworks[0]));
        Assert.Equal(single.Links.Select(l => (l.Id, l.CapacityTpy, l.TariffUsdPerTkm)), periodised.Links.Select(l => (l.Id, l.CapacityTpy, l.TariffUsdPerTkm)));
        Assert.Equal(single.Options.Select(o => (o.Id, o.CapexUsd)), periodised.Options.Select(o => (o.Id, o.CapexUsd)));
        Assert.All(single.Options, o => Assert.Equal(0, o.LeadTimeYears));
        Assert.All(periodised.Options, o => Assert.InRange(o.LeadTimeYears, 0, 3));
        Assert.True(periodised.Options.Select(o => o.LeadTimeYears).Distinct().Count() > 1, "lead times vary");
    }

    [Fact]
    public void Written_and_loaded_the_instance_has_the_same_period_figures_as_in_process()
    {
        var network = SyntheticNetworks.Generate(Size);
        var root = Path.Combine(Path.GetTempPath(), "logistics-bench-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(root, "networks"));
        Directory.CreateDirectory(Path.Combine(root, "seeds"));
        try
        {
            var file = Path.Combine(root, "networks", Size.Name + ".network.json");
            File.WriteAllText(file, NetworkWriter.Write(network));
            var loaded = NetworkLoader.Load(file);

            Assert.True(loaded.Succeeded, string.Join("\n", loaded.Errors));
            Assert.Equal(network.Periods.Select(p => (p.Id, p.StartYear, p.Years)), loaded.Network!.Periods.Select(p => (p.Id, p.StartYear, p.Years)));
            for (var k = 0; k < network.Periods.Length; k++)
                Assert.Equal(MineOutput(network.PeriodNetworks[k]), MineOutput(loaded.Network.PeriodNetworks[k]), 1e-9 * MineOutput(network.PeriodNetworks[k]));
            Assert.Equal(network.Options.Select(o => o.LeadTimeYears), loaded.Network.Options.Select(o => o.LeadTimeYears));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
