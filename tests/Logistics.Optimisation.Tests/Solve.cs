using Logistics.Network.Model;

namespace Logistics.Optimisation.Tests;

/// <summary>Solves a test network and checks what must hold for every solve: an optimum whose cost breakdown adds up.</summary>
internal static class Solve
{
    public static OptimisationResult Optimal(NetworkSnapshot network, SolverBackend backend = SolverBackend.Auto)
    {
        var result = new NetworkOptimiser().Solve(network, new SolverSettings(backend));
        Assert.True(result.Status == SolveStatus.Optimal, $"{result.Status}: {result.StatusMessage}");
        Assert.NotNull(result.Objective);
        Assert.Equal(result.Objective.Value, result.Costs.Total, 1e-6 * Math.Max(1, Math.Abs(result.Objective.Value)));
        Assert.Equal(result.Costs.Total, result.Costs.Lines.Sum(l => l.UsdPerYear), 1e-9);
        return result;
    }

    public static double Tonnes(OptimisationResult result, string link, LinkTravel direction = LinkTravel.Forward) =>
        result.LinkFlows.Single(f => f.Link.Value == link && f.Direction == direction).TotalTpy;

    public static bool Built(OptimisationResult result, string option) => result.Builds.Single(b => b.Id.Value == option).Built;
}
