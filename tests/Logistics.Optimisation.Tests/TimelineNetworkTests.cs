using Logistics.Network.IO;
using Logistics.Network.Loading;
using Logistics.Network.Model;

namespace Logistics.Optimisation.Tests;

/// <summary>
/// The time-line network (networks/chagai-timeline.network.json) in every scenario it defines: the schedule (which
/// options enter service in which year) is pinned, not the present value, so a data change that moves a build shows up.
/// </summary>
public sealed class TimelineNetworkTests
{
    private static readonly string File = Path.Combine(RepositoryPaths.Root, "networks", "chagai-timeline.network.json");

    private const string Base = "2028: rohri-nokkundi-upgrade. 2034: rd-spur.";

    public static TheoryData<string, string> Schedules() => new()
    {
        { "base", Base },
        { "phase2-pibt", "2028: rohri-nokkundi-upgrade. 2034: karachi-rohri-upgrade, rd-spur." },
        { "capex-overrun", Base },
        { "gwadar-closed-us", Base },
        { "suez-closed", Base },
        { "security-surcharge", Base },
        { "low-rail-tariff", Base },
        { "high-rail-tariff", Base },
        { "low-discount-rate", Base },
        { "high-discount-rate", Base },
        { "rail-only-concentrate", "2028: rd-spur, rohri-nokkundi-upgrade. 2034: karachi-rohri-upgrade." },
        { "us-conc-offtake", Base },
        { "pasni-forced", "2028: rohri-nokkundi-upgrade. 2034: minlink-north, pasni-package, rd-spur." },
    };

    [Theory]
    [MemberData(nameof(Schedules))]
    public void Each_scenario_schedules_the_builds_its_figures_imply(string scenario, string schedule)
    {
        var result = Solve.Optimal(Load(scenario));
        var actual = string.Join(" ", result.Schedule.GroupBy(b => b.ServiceYear).Select(g => $"{g.Key}: {string.Join(", ", g.Select(b => b.Id.Value))}."));
        Assert.Equal(schedule, actual);
        Assert.Equal(3, result.Periods.Length);
        Assert.All(result.Periods, p => Assert.NotNull(p.Prices));
    }

    [Fact]
    public void With_the_Bolan_section_closed_from_the_start_the_ramp_up_has_no_route_and_the_diagnosis_says_so()
    {
        // Every Makran line needs 6 years (from 2025): nothing replaces the Bolan section before 2031.
        var result = new NetworkOptimiser().Solve(Load("bolan-closed"), SolverSettings.Default);
        Assert.Equal(SolveStatus.Infeasible, result.Status);
        Assert.All(result.Diagnosis!.Conflicts, c => Assert.StartsWith("In period 'ramp-up' (2028–2029): ", c, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_scenario_the_network_defines_is_pinned_above()
    {
        var network = NetworkLoader.Load(File).Network!;
        var pinned = Schedules().Select(row => (string)row[0]).Where(s => s != "base").Append("bolan-closed").Order(StringComparer.Ordinal);
        Assert.Equal(network.Scenarios.Select(s => s.Id.Value).Order(StringComparer.Ordinal), pinned);
    }

    [Fact]
    public void Phase_two_takes_its_own_output_and_the_scenario_change_that_names_it_acts_from_then_on()
    {
        static double RekoDiq(NetworkSnapshot n) => n.Node(new("reko-diq")).Supplies.Single().TonnesPerYear;
        var central = Load("base");
        Assert.Equal([900_000, 900_000, 1_740_000], central.PeriodNetworks.Select(RekoDiq));
        var pibt = Load("phase2-pibt");
        Assert.Equal([900_000, 900_000, 2_000_000], pibt.PeriodNetworks.Select(RekoDiq));
        var figure = central.PeriodNetworks[2].Figures.Single(f => f.Path == "nodes[reko-diq].supply[cu-conc].tonnesPerYear");
        Assert.Equal("rd-conc-ph2", figure.Source?.Value);
    }

    [Fact]
    public void The_exported_plan_over_time_re_solves_to_the_same_present_value_and_cbc_agrees()
    {
        // The model builder that reads the file back offers no CBC here, so the file is re-solved with SCIP, and CBC
        // solves the same plan through our own backend choice: both must give the present value of the default solve.
        var network = Load("base");
        var result = Solve.Optimal(network);
        var cbc = Solve.Optimal(network, SolverBackend.Cbc);
        Assert.Equal(result.Objective!.Value, cbc.Objective!.Value, 1e-6 * result.Objective.Value);
        var text = NetworkOptimiser.ExportModel(network, SolverSettings.Default, ModelFileFormat.Mps);
        Assert.Contains("phase2.build[rd-spur]", text, StringComparison.Ordinal);
        Assert.Contains("monotone[rd-spur][phase2]", text, StringComparison.Ordinal);
        var model = new Google.OrTools.ModelBuilder.Model();
        Assert.True(model.ImportFromMpsString(text));
        var solver = new Google.OrTools.ModelBuilder.Solver("scip");
        Assert.True(solver.SolverIsSupported());
        Assert.Equal(Google.OrTools.ModelBuilder.SolveStatus.OPTIMAL, solver.Solve(model));
        Assert.Equal(result.Objective!.Value, solver.ObjectiveValue, 1e-6 * result.Objective.Value);
    }

    private static NetworkSnapshot Load(string scenario)
    {
        var loaded = NetworkLoader.Load(File, new LoadOptions { Scenario = scenario == "base" ? null : scenario });
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Errors));
        return loaded.Network!;
    }
}
