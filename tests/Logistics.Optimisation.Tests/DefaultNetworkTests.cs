using Logistics.Network.IO;
using Logistics.Network.Loading;

namespace Logistics.Optimisation.Tests;

/// <summary>
/// The default network solves in every scenario it defines, and the decisions that follow from its figures are pinned
/// (which options are built, which port carries the concentrate), not the objective: a data change that flips a
/// decision shows up here. Expected decisions are the ones recorded in networks/README.md.
/// </summary>
public sealed class DefaultNetworkTests
{
    private static readonly string File = Path.Combine(RepositoryPaths.Root, "networks", "chagai.network.json");

    public static TheoryData<string, string, string> Decisions() => new()
    {
        { "base", "rohri-nokkundi-upgrade", "port-qasim" },
        { "phase2", "karachi-rohri-upgrade rd-spur rohri-nokkundi-upgrade", "port-qasim" },
        { "phase2-capex-overrun", "karachi-rohri-upgrade rd-spur rohri-nokkundi-upgrade", "port-qasim" },
        { "phase2-high-rail-tariff", "minlink-north pasni-package rd-spur", "pasni" },
        { "capex-overrun", "rohri-nokkundi-upgrade", "port-qasim" },
        { "gwadar-closed-us", "rohri-nokkundi-upgrade", "port-qasim" },
        { "suez-closed", "rohri-nokkundi-upgrade", "port-qasim" },
        { "security-surcharge", "rohri-nokkundi-upgrade", "port-qasim" },
        { "low-rail-tariff", "rohri-nokkundi-upgrade", "port-qasim" },
        { "high-rail-tariff", "rohri-nokkundi-upgrade", "port-qasim" },
        { "low-discount-rate", "rohri-nokkundi-upgrade", "port-qasim" },
        { "high-discount-rate", "rohri-nokkundi-upgrade", "port-qasim" },
        { "rail-only-concentrate", "rd-spur rohri-nokkundi-upgrade", "port-qasim" },
        { "us-conc-offtake", "rohri-nokkundi-upgrade", "port-qasim" },
        { "bolan-closed", "minlink-north pasni-package", "pasni" },
        { "pasni-forced", "minlink-north pasni-package", "pasni" },
    };

    [Theory]
    [MemberData(nameof(Decisions))]
    public void Each_scenario_builds_what_its_figures_imply_and_ships_the_concentrate_through_the_expected_port(string scenario, string built, string port)
    {
        var loaded = NetworkLoader.Load(File, new LoadOptions { Scenario = scenario == "base" ? null : scenario });
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Errors));
        var result = Solve.Optimal(loaded.Network!);
        Assert.Equal(built, string.Join(" ", result.Builds.Where(b => b.Built).Select(b => b.Id.Value)));
        var concentratePorts = result.Routes.Where(r => r.Commodity.Value == "cu-conc").GroupBy(r => r.Port?.Value).OrderByDescending(g => g.Sum(r => r.TonnesPerYear)).First().Key;
        Assert.Equal(port, concentratePorts);
        Assert.NotNull(result.Prices);
    }

    [Fact]
    public void Every_scenario_the_network_defines_is_pinned_above()
    {
        var network = NetworkLoader.Load(File).Network!;
        var pinned = Decisions().Select(row => (string)row[0]).Where(s => s != "base").Order(StringComparer.Ordinal);
        Assert.Equal(network.Scenarios.Select(s => s.Id.Value).Order(StringComparer.Ordinal), pinned);
    }
}
