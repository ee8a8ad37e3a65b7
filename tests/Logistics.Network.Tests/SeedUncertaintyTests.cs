using Logistics.Network.IO;
using Logistics.Network.Model;

namespace Logistics.Network.Tests;

/// <summary>The register's sampling declarations: each seed's distribution and the correlation groups (docs/analyses.md, "Uncertainty").</summary>
public sealed class SeedUncertaintyTests
{
    private const string Seeds = """
        { "id": "a", "value": 2, "low": 1, "high": 4, "unit": "usd", "confidence": "assumption" },
        { "id": "b", "value": 2, "low": 1, "high": 4, "unit": "usd", "confidence": "assumption", "distribution": "pert" },
        { "id": "c", "value": 2, "low": 1, "high": 4, "unit": "usd", "confidence": "assumption", "distribution": "lognormal" },
        { "id": "d", "value": 2, "unit": "usd", "confidence": "M", "source": { "title": "t" } }
        """;

    [Fact]
    public void A_seed_is_triangular_unless_it_declares_another_distribution_and_groups_are_read_with_their_correlation()
    {
        using var temp = new TempNetwork();
        temp.Write("seeds/s.json", $$"""{ "formatVersion": 1, "seeds": [{{Seeds}}], "correlations": [{ "id": "g", "seeds": ["a", "b"], "rankCorrelation": 0.5, "note": "why" }] }""");

        var register = SeedRegister.Load(Path.Combine(temp.Root, "seeds"));

        Assert.Empty(register.Diagnostics);
        Assert.True(register.TryGet(new SeedId("a"), out var a));
        Assert.Equal(SeedDistribution.Triangular, a.Distribution);
        Assert.True(register.TryGet(new SeedId("b"), out var b));
        Assert.Equal(SeedDistribution.Pert, b.Distribution);
        var group = Assert.Single(register.CorrelationGroups);
        Assert.Equal(["a", "b"], group.Seeds.Select(s => s.Value));
        Assert.Equal(0.5, group.RankCorrelation);
    }

    [Theory]
    [InlineData("""["a", "nowhere"]""", 0.5, "names seed 'nowhere', which the register does not define")]
    [InlineData("""["a", "d"]""", 0.5, "names seed 'd', which has no range to sample")]
    [InlineData("""["a"]""", 0.5, "fewer than two distinct seeds")]
    [InlineData("""["a", "b", "c"]""", -0.6, "which no 3 seeds can all have with each other")]
    public void A_correlation_group_that_cannot_be_sampled_is_an_error_that_says_why(string seeds, double rho, string message)
    {
        using var temp = new TempNetwork();
        var text = $$"""{ "formatVersion": 1, "seeds": [{{Seeds}}], "correlations": [{ "id": "g", "seeds": {{seeds}}, "rankCorrelation": {{rho.ToString(System.Globalization.CultureInfo.InvariantCulture)}} }] }""";
        temp.Write("seeds/s.json", text);

        var register = SeedRegister.Load(Path.Combine(temp.Root, "seeds"));

        var diagnostic = Assert.Single(register.Diagnostics);
        Assert.Contains(message, diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lognormal_seed_whose_range_reaches_zero_is_an_error()
    {
        using var temp = new TempNetwork();
        temp.Write("seeds/s.json", """{ "formatVersion": 1, "seeds": [{ "id": "z", "value": 1, "low": 0, "high": 4, "unit": "usd", "confidence": "assumption", "distribution": "lognormal" }] }""");

        var register = SeedRegister.Load(Path.Combine(temp.Root, "seeds"));

        Assert.Contains(register.Diagnostics, d => d.Message.Contains("is lognormal but its low is not positive", StringComparison.Ordinal));
    }
}
