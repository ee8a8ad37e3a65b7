using Logistics.Network.IO;
using Logistics.Network.IO.Format;
using Logistics.Network.Loading;
using Logistics.Network.Model;

namespace Logistics.Network.Tests;

/// <summary>
/// A variant that changes only cost figures reuses the file's structural findings (references, option logic,
/// reachability, capacity, budget) instead of checking them again; these tests prove the reuse gives exactly what a
/// full check gives, figure by figure on the shipped networks.
/// </summary>
public sealed class StructuralReuseTests
{
    public static TheoryData<string> ShippedNetworks => new() { "chagai.network.json", "chagai-timeline.network.json" };

    [Theory]
    [MemberData(nameof(ShippedNetworks))]
    public void Changing_every_figure_of_any_cost_field_finds_the_same_problems_with_and_without_reuse(string file)
    {
        var (source, _) = NetworkSource.Read(Path.Combine(CorpusPaths.RepositoryRoot, "networks", file));
        // Only cost figures are reused (any other change is checked in full, so comparing it would prove nothing). A
        // check that read a cost field would see all of that field's figures change at once, to zero or a thousandfold.
        var byField = source!.Bind().Network!.Figures
            .Select(f => (Figure: f, Field: FormatTable.FieldAt(f.Path)))
            .Where(x => x.Field?.IsCostFigure == true)
            .GroupBy(x => x.Field!, ReferenceEqualityComparer.Instance)
            .ToList();
        Assert.True(byField.Count >= 5, $"only {byField.Count} cost fields");
        foreach (var group in byField)
        {
            foreach (var factor in new[] { 0.0, 1000.0 })
            {
                ScenarioChange[] changes = [.. group.Select(x => new ScenarioChange(x.Figure.Path, ChangeOperation.Multiply, factor))];
                var reused = source.Bind(new LoadOptions { ExtraChanges = [.. changes] }).Diagnostics;
                var full = source.Bind(new LoadOptions { ExtraChanges = [.. changes], RecheckStructure = true }).Diagnostics;
                Assert.True(reused.SequenceEqual(full), $"{group.First().Field!.Name} × {factor}: reuse found [{string.Join("; ", reused.Select(d => d.Code + " " + d.Message))}], a full check [{string.Join("; ", full.Select(d => d.Code + " " + d.Message))}].");
            }
        }
    }

    [Fact]
    public void A_capacity_change_is_checked_again_and_its_problem_reported()
    {
        var (source, _) = NetworkSource.Read(CorpusPaths.Valid("tiny.network.json"));
        Assert.DoesNotContain(source!.Bind().Diagnostics, d => d.Code == "LG0507");
        var closed = source.Bind(new LoadOptions { ExtraChanges = [new ScenarioChange("nodes[old-port].port.capacityTpy", ChangeOperation.Set, 0)] });
        Assert.Contains(closed.Diagnostics, d => d.Code == "LG0507" && d.Message.Contains("old-port", StringComparison.Ordinal));
    }

    [Fact]
    public void A_tariff_change_after_the_base_keeps_the_base_findings_and_its_own_range_problem()
    {
        var (source, _) = NetworkSource.Read(CorpusPaths.Valid("tiny.network.json"));
        var baseFindings = source!.Bind().Diagnostics;
        var tariff = source.Bind(new LoadOptions { ExtraChanges = [new ScenarioChange("links[*].tariffUsdPerTkm", ChangeOperation.Set, -1)] });
        Assert.Contains(tariff.Diagnostics, d => d.Severity == Diagnostics.Severity.Error && d.Path.Contains("tariffUsdPerTkm", StringComparison.Ordinal));
        Assert.True(baseFindings.Where(d => d.Code != "LG0603").All(tariff.Diagnostics.Contains));
    }
}

/// <summary>Which fields count as cost figures (never read by a structural check).</summary>
public sealed class CostFigureTests
{
    [Theory]
    [InlineData("links[mode=rail].tariffUsdPerTkm", true)]
    [InlineData("nodes[*].port.handlingUsdPerTonne", true)]
    [InlineData("links[x].lengthKm", true)]
    [InlineData("links[x].capacityTpy", false)]
    [InlineData("nodes[m].supply[copper].tonnesPerYear", false)]
    [InlineData("options[p].capexUsd", false)]
    [InlineData("metadata.discountRate", false)]
    [InlineData("links[x].nosuchfield", null)]
    public void A_path_is_classified_by_the_field_it_ends_at(string path, bool? cost) =>
        Assert.Equal(cost, FormatTable.FieldAt(path)?.IsCostFigure);
}
