using Logistics.Network.Model;

namespace Logistics.Optimisation.Tests;

/// <summary>Which OR-Tools backends this build offers, and that they agree.</summary>
public sealed class BackendTests
{
    [Theory]
    [InlineData(SolverBackend.Scip)]
    [InlineData(SolverBackend.Cbc)]
    [InlineData(SolverBackend.Highs)]
    [InlineData(SolverBackend.Glop)]
    public void The_backends_we_document_are_available(SolverBackend backend) => Assert.True(NetworkOptimiser.IsAvailable(backend), $"{backend} missing");

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(100, 6)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Mip_backends_agree_on_the_optimum(int seed)
    {
        var network = RandomNetworks.Create(seed, withOptions: true);
        var scip = Solve.Optimal(network, SolverBackend.Scip);
        foreach (var backend in new[] { SolverBackend.Cbc, SolverBackend.Highs })
        {
            var other = Solve.Optimal(network, backend);
            Assert.Equal(scip.Objective!.Value, other.Objective!.Value, 1e-6 * Math.Max(1, Math.Abs(scip.Objective.Value)));
            Assert.Equal(backend, other.Solver.Backend);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void The_lp_backend_agrees_with_a_mip_backend_when_every_option_is_fixed(int seed)
    {
        var network = RandomNetworks.Create(seed, withOptions: true).WithDecision(new OptionId("opt-line"), BuildDecision.ForcedIn)
            .WithDecision(new OptionId("opt-port"), BuildDecision.ForcedOut);
        var glop = Solve.Optimal(network, SolverBackend.Glop);
        var scip = Solve.Optimal(network, SolverBackend.Scip);
        Assert.Equal(scip.Objective!.Value, glop.Objective!.Value, 1e-6 * Math.Max(1, Math.Abs(scip.Objective.Value)));
    }

    [Fact]
    public void The_lp_backend_refuses_a_model_with_undecided_options()
    {
        var network = RandomNetworks.Create(7, withOptions: true);
        var result = new NetworkOptimiser().Solve(network, new SolverSettings(SolverBackend.Glop));
        Assert.Equal(SolveStatus.Error, result.Status);
        Assert.Equal(TerminationReason.Error, result.Reason);
        Assert.Contains("undecided", result.StatusMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_solve_cancelled_before_it_starts_reports_no_solution()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        var result = new NetworkOptimiser().Solve(RandomNetworks.Create(3), SolverSettings.Default, cancel.Token);
        Assert.Equal(SolveStatus.NoSolution, result.Status);
        Assert.Equal(TerminationReason.Cancelled, result.Reason);
        Assert.Null(result.Objective);
    }
}

/// <summary>CP-SAT scales continuous flows to integers: it agrees on integer data and refuses fractional data clearly.</summary>
public sealed class CpSatBackendTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(6)]
    public void Cp_sat_agrees_with_scip_on_integer_data(int seed)
    {
        var network = RandomNetworks.Create(seed, singleCommodity: true, integerData: true);
        Assert.Equal(Solve.Optimal(network, SolverBackend.Scip).Objective!.Value, Solve.Optimal(network, SolverBackend.CpSat).Objective!.Value, 6);
    }

    [Fact]
    public void Cp_sat_says_why_it_cannot_take_fractional_data()
    {
        var network = TestNetwork.Create().Mine("m", "ore", 79.5).Market("k", "ore").Link("l", "m", "k", perTonne: 1.25, capacity: 80).Build();
        var result = new NetworkOptimiser().Solve(network, new SolverSettings(SolverBackend.CpSat));
        if (result.Status == SolveStatus.Optimal)
            Assert.Equal(79.5 * 1.25, result.Objective!.Value, 6);
        else
            Assert.Equal((SolveStatus.Error, TerminationReason.Error), (result.Status, result.Reason));
    }
}

/// <summary>The builtLinkGate rows only tighten: with or without them the optimum is the same.</summary>
public sealed class TighteningTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(8)]
    [InlineData(10)]
    public void Tightening_option_built_links_does_not_change_the_optimum(int seed)
    {
        var network = RandomNetworks.Create(seed, withOptions: true);
        var tight = new NetworkOptimiser().Solve(network, SolverSettings.Default, new Model.ModelOptions(TightenBuiltLinks: true, GateOnlyWhereTighter: false));
        var loose = new NetworkOptimiser().Solve(network, SolverSettings.Default, new Model.ModelOptions(TightenBuiltLinks: false));
        Assert.Equal(SolveStatus.Optimal, tight.Status);
        Assert.True(tight.Solver.Constraints > loose.Solver.Constraints, "the tightened model has the gate rows");
        Assert.Equal(loose.Objective!.Value, tight.Objective!.Value, 1e-6 * Math.Max(1, Math.Abs(loose.Objective.Value)));
    }
}

/// <summary>Auto chooses by measured features of the model (docs/model.md, "Backends").</summary>
public sealed class AutoBackendTests
{
    /// <summary>One source, <paramref name="facilities"/> candidate facilities (each a link built by an option), two customers.</summary>
    private static NetworkSnapshot FacilityLocation(int facilities, string commodity = "goods", bool secondCommodity = false)
    {
        var net = TestNetwork.Create().Commodity(commodity).Mine("src", commodity, 100).Market("c1", commodity, min: 60, max: 60).Market("c2", commodity, min: 40, max: 40);
        if (secondCommodity)
            net.Commodity("other").Mine("src2", "other", 10).Market("c3", "other").Link("src2-c3", "src2", "c3", TransportMode.Road, perTonne: 1);
        for (var i = 0; i < facilities; i++)
        {
            net.Junction($"f{i}").Link($"open-f{i}", "src", $"f{i}", TransportMode.Road, capacity: 50, builtBy: $"o{i}").Option($"o{i}", 100 + i)
                .Link($"f{i}-c1", $"f{i}", "c1", TransportMode.Road, perTonne: 1 + (i % 3)).Link($"f{i}-c2", $"f{i}", "c2", TransportMode.Road, perTonne: 1 + (i % 5));
        }

        return net.Build();
    }

    [Fact]
    public void Auto_picks_cbc_for_a_single_commodity_facility_location_model_and_scip_otherwise()
    {
        Assert.Equal(SolverBackend.Cbc, NetworkOptimiser.ChooseBackend(FacilityLocation(NetworkOptimiser.FacilityLocationMinOptions)));
        Assert.Equal(SolverBackend.Scip, NetworkOptimiser.ChooseBackend(FacilityLocation(NetworkOptimiser.FacilityLocationMinOptions - 1)));
        Assert.Equal(SolverBackend.Scip, NetworkOptimiser.ChooseBackend(FacilityLocation(NetworkOptimiser.FacilityLocationMinOptions, secondCommodity: true)));
        Assert.Equal(SolverBackend.Glop, NetworkOptimiser.ChooseBackend(RandomNetworks.Create(3)));
    }

    [Fact]
    public void The_backend_auto_picks_for_facility_location_agrees_with_scip()
    {
        var network = FacilityLocation(NetworkOptimiser.FacilityLocationMinOptions);

        var auto = new NetworkOptimiser().Solve(network, SolverSettings.Default);
        var scip = Solve.Optimal(network, SolverBackend.Scip);

        Assert.Equal(SolverBackend.Cbc, auto.Solver.Backend);
        Assert.Equal(SolveStatus.Optimal, auto.Status);
        Assert.Equal(scip.Objective!.Value, auto.Objective!.Value, 6);
    }
}
