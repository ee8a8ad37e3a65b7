using Logistics.Network.IO;
using Logistics.Network.Loading;
using Logistics.Network.Model;

namespace Logistics.Network.Tests;

/// <summary>
/// Variants made as change sets on a bound snapshot (sweep values, period snapshots) must be exactly what binding the
/// file's tree with the same changes gives: every element, every figure with its value and cited seed, every period.
/// </summary>
public sealed class ChangeSetVariantTests
{
    private static NetworkSource Shipped(string file) =>
        NetworkSource.Read(Path.Combine(CorpusPaths.RepositoryRoot, "networks", file)).Source!;

    private static string Lines(LoadResult load) => string.Join("\n", load.Diagnostics.Select(d => d.ToString()));

    /// <summary>A folder with the test seeds register, so the figures' sources resolve.</summary>
    private static TempNetwork WithSeeds()
    {
        var temp = new TempNetwork();
        temp.Write("seeds/tiny.json", File.ReadAllText(Path.Combine(CorpusPaths.Corpus, "seeds", "tiny.json")));
        return temp;
    }

    private static string Text(NetworkSnapshot n) =>
        SnapshotText.Of(n) + string.Concat(n.PeriodNetworks.Select(p => "\n" + SnapshotText.Of(p)));

    public static TheoryData<string, string?, string, double> SweepValues => new()
    {
        { "chagai.network.json", "phase2", "options[pasni-package].capexUsd", 0.9e9 },
        { "chagai.network.json", null, "links[mode=rail].tariffUsdPerTkm", 0.045 },
        { "chagai.network.json", null, "nodes[reko-diq].supply[cu-conc].tonnesPerYear", 1.7e6 },
        { "chagai.network.json", null, "metadata.discountRate", 0.11 },
        { "chagai.network.json", "bolan-closed", "options[*].lifetimeYears", 30 },
        { "chagai.network.json", "low-rail-tariff", "links[mode=rail].tariffUsdPerTkm", 0.03 },
        { "chagai.network.json", null, "nodes[port-qasim].port.capacityTpy", 2.5e6 },
        { "chagai-timeline.network.json", null, "options[pasni-package].capexUsd", 1.1e9 },
        { "chagai-timeline.network.json", null, "nodes[reko-diq].supply[cu-conc].tonnesPerYear", 1.2e6 },
    };

    [Theory]
    [MemberData(nameof(SweepValues))]
    public void A_sweep_value_made_on_the_bound_snapshot_is_the_network_binding_the_change_gives(string file, string? scenario, string path, double value)
    {
        var source = Shipped(file);
        var change = new ScenarioChange(path, ChangeOperation.Set, value);
        var compiled = source.Compile(change, scenario);
        Assert.True(compiled.OnSnapshot, compiled.NotOnSnapshot);
        var basis = source.Bind(new LoadOptions { Scenario = scenario });
        var binds = source.TreeBinds;

        var varied = source.TryVary(basis, new FigureChangeSet(compiled.At(value)));

        Assert.NotNull(varied);
        Assert.Equal(binds, source.TreeBinds);
        var bound = source.Bind(new LoadOptions { Scenario = scenario, ExtraChanges = [change] });
        Assert.True(bound.Succeeded);
        Assert.Equal(Text(bound.Network!), Text(varied));
        Assert.NotEqual(Text(basis.Network!), Text(varied));
    }

    [Theory]
    [InlineData(ChangeOperation.Set, 0.03)]
    [InlineData(ChangeOperation.Multiply, 1.5)]
    public void A_change_that_cites_no_seed_leaves_the_figure_citing_its_own_seed_on_both_ways_of_making_it(ChangeOperation operation, double value)
    {
        // The link cites no seed of its own, the tariff cites rail-tariff (ScenarioChange: no source keeps the figure's).
        const string path = "links[rohri-jacobabad-rail].tariffUsdPerTkm";
        var source = Shipped("chagai.network.json");
        var change = new ScenarioChange(path, operation, value);

        var bound = source.Bind(new LoadOptions { ExtraChanges = [change] });
        var varied = source.TryVary(source.Bind(new LoadOptions()), new FigureChangeSet(source.Compile(change, null).Figures));

        Assert.True(bound.Succeeded, Lines(bound));
        Assert.Equal("rail-tariff", bound.Network!.Figures.Single(f => f.Path == path).Source?.Value);
        Assert.Equal("rail-tariff", varied!.Figures.Single(f => f.Path == path).Source?.Value);
        Assert.Equal(0.03, varied.Figures.Single(f => f.Path == path).Value, 9);
    }

    [Theory]
    [InlineData("links[karachi-kpt-rail].capacityTpy", 1e6, "the link does not write a capacity (unlimited)")]
    [InlineData("nodes[reko-diq].lat", 29.0, "a coordinate feeds derived lengths")]
    [InlineData("metadata.circuity.rail", 1.4, "circuity feeds derived lengths")]
    [InlineData("links[no-such-link].tariffUsdPerTkm", 1, "the path matches nothing")]
    public void A_change_a_snapshot_cannot_take_says_so_and_is_left_to_binding(string path, double value, string why)
    {
        var compiled = Shipped("chagai.network.json").Compile(new ScenarioChange(path, ChangeOperation.Set, value));

        Assert.False(compiled.OnSnapshot, why);
        Assert.Empty(compiled.Figures);
    }

    [Theory]
    [InlineData("links[rohri-jacobabad-rail].capacityTpy", -1)]
    [InlineData("options[rd-spur].lifetimeYears", 27.5)]
    [InlineData("metadata.discountRate", double.NaN)]
    public void A_value_binding_would_refuse_gives_no_variant_and_binding_reports_it(string path, double value)
    {
        var source = Shipped("chagai.network.json");
        var compiled = source.Compile(new ScenarioChange(path, ChangeOperation.Set, value));
        Assert.True(compiled.OnSnapshot, compiled.NotOnSnapshot);

        Assert.Null(source.TryVary(source.Bind(), new FigureChangeSet(compiled.At(value))));
        Assert.NotEmpty(source.Bind(new LoadOptions { ExtraChanges = [new ScenarioChange(path, ChangeOperation.Set, value)] }).Errors);
    }

    [Fact]
    public void A_variant_that_makes_a_market_unreachable_by_its_only_commodity_is_refused_like_binding_refuses_it()
    {
        var source = NetworkSource.Read(CorpusPaths.Valid("tiny.network.json")).Source!;
        var basis = source.Bind();
        var supply = basis.Network!.Figures.First(f => f.Path.Contains(".supply[", StringComparison.Ordinal) && f.Path.EndsWith(".tonnesPerYear", StringComparison.Ordinal)).Path;
        var change = new ScenarioChange(supply, ChangeOperation.Set, 0);
        var bound = source.Bind(new LoadOptions { ExtraChanges = [change] });

        var varied = source.TryVary(basis, new FigureChangeSet(source.Compile(change).At(0)));

        Assert.Equal(bound.Succeeded, varied is not null);
        if (varied is not null) Assert.Equal(Text(bound.Network!), Text(varied));
    }

    [Fact]
    public void A_market_minimum_set_above_its_maximum_gives_no_variant_as_binding_refuses_it()
    {
        using var temp = WithSeeds();
        var source = NetworkSource.Read(temp.Write("networks/t.network.json", Periodised("""[{"id": "a", "startYear": 2025, "years": 10}]"""))).Source!;
        var change = new ScenarioChange("nodes[k].demand[ore].minTpy", ChangeOperation.Set, 500);
        var basis = source.Bind();
        Assert.True(basis.Succeeded);
        Assert.True(source.Compile(change).OnSnapshot);

        Assert.Null(source.TryVary(basis, new FigureChangeSet(source.Compile(change).At(500))));
        Assert.Contains(source.Bind(new LoadOptions { ExtraChanges = [change] }).Errors, d => d.Code == "LG0204");
        Assert.NotNull(source.TryVary(basis, new FigureChangeSet(source.Compile(change).At(300))));
    }

    public static TheoryData<string?> TimelineScenarios()
    {
        var data = new TheoryData<string?> { (string?)null };
        foreach (var id in Shipped("chagai-timeline.network.json").ScenarioIds) data.Add(id);
        return data;
    }

    [Theory]
    [MemberData(nameof(TimelineScenarios))]
    public void Every_period_made_as_a_change_set_is_the_period_bound_through_its_tree(string? scenario)
    {
        var source = Shipped("chagai-timeline.network.json");
        var fast = source.Bind(new LoadOptions { Scenario = scenario });
        var tree = source.Bind(new LoadOptions { Scenario = scenario, PeriodsThroughTree = true });

        Assert.Equal(Lines(tree), Lines(fast));
        Assert.Equal(Text(tree.Network!), Text(fast.Network!));
        Assert.Equal(3, fast.Network!.PeriodNetworks.Length);
    }

    [Fact]
    public void Loading_a_file_with_periods_binds_its_tree_once_instead_of_once_more_per_period()
    {
        var source = Shipped("chagai-timeline.network.json");

        var loaded = source.Bind();

        Assert.True(loaded.Succeeded);
        Assert.Equal(1, source.TreeBinds);
        source.Bind(new LoadOptions { PeriodsThroughTree = true });
        Assert.Equal(1 + 1 + loaded.Network!.Periods.Length, source.TreeBinds);
    }

    private static string Periodised(string periods, string scenarioChange = "") => $$"""
        {
          "formatVersion": 1,
          "metadata": {"name": "t", "baseYear": 2025, "discountRate": 0.05, "horizonYears": 10},
          "commodities": [{"id": "ore", "valueUsdPerTonne": 0}],
          "nodes": [
            {"id": "m", "kind": "mine", "lat": 0, "lon": 0, "source": "tiny-assumption", "supply": [{"commodity": "ore", "tonnesPerYear": {"value": 100, "source": "alpha-output"} }]},
            {"id": "p", "kind": "port", "lat": 0, "lon": 1, "port": {"capacityTpy": 500} },
            {"id": "k", "kind": "market", "lat": 0, "lon": 2, "demand": [{"commodity": "ore", "minTpy": 0, "maxTpy": 400}]}
          ],
          "links": [{"id": "l", "from": "m", "to": "p", "mode": "rail", "lengthKm": 100, "tariffUsdPerTkm": 0.05},
                    {"id": "s", "from": "p", "to": "k", "mode": "sea", "lengthKm": 100},
                    {"id": "r", "from": "m", "to": "p", "mode": "road"}],
          "options": [{"id": "o", "capexUsd": 10, "lifetimeYears": 5}],
          "scenarios": [{"id": "s", "changes": [{"path": "nodes[m].supply[ore].tonnesPerYear", "multiply": 2 {{scenarioChange}}}]}],
          "periods": {{periods}}
        }
        """;

    public static TheoryData<string, string> PeriodCases => new()
    {
        // Set, add and multiply in order, a source cited by a change, a wildcard and a filter.
        {
            """
            [{"id": "a", "startYear": 2025, "years": 3, "changes": [{"path": "nodes[m].supply[ore].tonnesPerYear", "set": 150}]},
             {"id": "b", "startYear": 2028, "years": 7, "changes": [{"path": "nodes[m].supply[ore].tonnesPerYear", "add": 50, "source": "alpha-output-ph2"},
                                                                   {"path": "links[*].tariffUsdPerTkm", "multiply": 1.5},
                                                                   {"path": "links[mode=sea].transitDays", "set": 12}]}]
            """, ""
        },
        { """[{"id": "a", "startYear": 2025, "years": 3}, {"id": "b", "startYear": 2028, "years": 7, "changes": [{"path": "options[o].capexUsd", "multiply": 3}]}]""", ", \"period\": \"b\"" },
        // A change that gives a field the file does not write (the road's capacity): that period is bound through its tree.
        { """[{"id": "a", "startYear": 2025, "years": 3}, {"id": "b", "startYear": 2028, "years": 7, "changes": [{"path": "links[r].capacityTpy", "set": 10}]}]""", "" },
        // A period whose change is out of range, and one whose capacity is then short: both reported naming the period.
        { """[{"id": "a", "startYear": 2025, "years": 3, "changes": [{"path": "links[l].tariffUsdPerTkm", "set": -4}]}, {"id": "b", "startYear": 2028, "years": 7}]""", "" },
        { """[{"id": "a", "startYear": 2025, "years": 3}, {"id": "b", "startYear": 2028, "years": 7, "changes": [{"path": "nodes[p].port.capacityTpy", "set": 0}]}]""", "" },
    };

    [Theory]
    [MemberData(nameof(PeriodCases))]
    public void Period_snapshots_and_their_problems_are_those_binding_each_period_through_its_tree_gives(string periods, string scenarioChange)
    {
        using var temp = WithSeeds();
        var path = temp.Write("networks/t.network.json", Periodised(periods, scenarioChange));
        foreach (var scenario in new[] { null, "s" })
        {
            var source = NetworkSource.Read(path).Source!;
            var fast = source.Bind(new LoadOptions { Scenario = scenario });
            var tree = source.Bind(new LoadOptions { Scenario = scenario, PeriodsThroughTree = true });

            Assert.Equal(Lines(tree), Lines(fast));
            Assert.Equal(tree.Network is null, fast.Network is null);
            if (tree.Network is not null) Assert.Equal(Text(tree.Network), Text(fast.Network!));
        }
    }
    [Fact]
    public void Element_changes_apply_after_the_figure_changes_of_the_same_set_and_name_ids_the_network_lacks()
    {
        var network = Shipped("chagai.network.json").Bind().Network!;
        var option = network.Options[0];
        var port = network.NodesOfKind(NodeKind.Port).First();
        var set = new FigureChangeSet(
            [new FigureChange($"options[{option.Id}].capexUsd", 123)],
            [new ForcedOptions([option.Id], []), new PortClosed(port.Id), new LinksTakenOut([network.Links[0].Id])]);

        Assert.Empty(set.Check(network));
        var varied = set.ApplyTo(network);

        Assert.Equal(123, varied.Option(option.Id).CapexUsd);
        Assert.Equal(BuildDecision.ForcedIn, varied.Option(option.Id).Decision);
        Assert.Equal(0, varied.Node(port.Id).Port!.ThroughputCapacityTpy);
        Assert.False(varied.TryGetLink(network.Links[0].Id, out _));
        Assert.Equal(2, FigureChangeSet.Of(new ForcedOptions([new OptionId("no-such")], []), new PortClosed(new NodeId("nowhere"))).Check(network).Length);
    }
}
