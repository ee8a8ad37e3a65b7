using System.Collections.Immutable;

using Logistics.Network.IO;
using Logistics.Network.Loading;
using Logistics.Network.Model;
using Logistics.Optimisation;

namespace Logistics.Analysis.Tests;

public class BuildHintTests
{
    [Fact]
    public void A_wrong_build_hint_does_not_change_the_optimum()
    {
        var network = NetworkSource.Read(Nets.DefaultNetworkPath()).Source!.Bind(new LoadOptions { Scenario = "phase2" }).Network!;
        var optimiser = new NetworkOptimiser();
        var plain = optimiser.Solve(network, SolverSettings.Default);
        // Hint the opposite of the optimum for every option, plus an option the network does not have.
        var wrong = plain.Builds.ToImmutableDictionary(b => b.Id, b => !b.Built).Add(new OptionId("not-in-network"), true);
        var hinted = optimiser.Solve(network, SolverSettings.Default with { BuildHint = wrong });
        Assert.Equal(SolveStatus.Optimal, hinted.Status);
        Assert.Equal(plain.Objective!.Value, hinted.Objective!.Value, 1e-6 * plain.Objective.Value);
        Assert.Equal(Outcomes.Built(plain).Select(o => o.Value), Outcomes.Built(hinted).Select(o => o.Value));
    }

    [Fact]
    public void On_the_default_network_the_NPV_and_the_saving_always_agree_in_sign()
    {
        var network = NetworkSource.Read(Nets.DefaultNetworkPath()).Source!.Bind().Network!;
        var report = ValueAnalysis.Run(network, Nets.Settings(2));
        Assert.All(report.Valuations.Where(v => v.NpvUsd is not null), v => Assert.Equal(Math.Sign(v.AnnualSavingUsd!.Value), Math.Sign(v.NpvUsd!.Value)));
    }
}
