using Logistics.Analysis.Uncertainty;
using Logistics.Network.IO;
using Logistics.Network.Loading;

namespace Logistics.Analysis.Tests;

/// <summary>
/// The uncertainty analysis as independent pieces (what a distributed study runs, docs/distributed.md): whoever solves
/// a piece and whatever it solved before, the assembled report is the one <see cref="UncertaintyAnalysis.Run"/> gives.
/// </summary>
public sealed class UncertaintyDrawSetTests
{
    [Fact]
    public void Pieces_solved_in_reverse_order_on_another_draw_set_assemble_into_the_report_of_the_single_run_tornado_and_regret_included()
    {
        var (source, _) = NetworkSource.Read(Nets.DefaultNetworkPath());
        var request = new UncertaintyRequest(5, Seed: 11, MaxCandidatePlans: 3);
        var expected = UncertaintyAnalysis.Run(source!, request, Nets.Settings(parallel: 2));

        // Reverse order: every kept model has solved other snapshots before, unlike in the single run.
        using var set = UncertaintyDrawSet.Prepare(source!, request, Nets.Settings(parallel: 1));
        var central = set.SolveCentral(CancellationToken.None);
        var draws = Enumerable.Range(0, set.Draws).Reverse().Select(i => set.SolveDraw(i, central.Result, CancellationToken.None)).Reverse().ToList();
        var tornado = Enumerable.Range(0, set.TornadoMoves).Reverse().Select(i => set.SolveTornadoMove(i, central.Result, CancellationToken.None)).Reverse().ToList();
        var plans = set.CandidatePlans(central, draws);
        var regret = Enumerable.Range(0, plans.Length * set.Draws).Reverse()
            .Select(u => set.SolveRegret(plans[u / set.Draws], u % set.Draws, CancellationToken.None)).Reverse().ToList();
        var assembled = set.Assemble(central, draws, tornado, regret);

        Assert.NotEmpty(expected.Tornado);
        Assert.Equal(expected.Regret!.Plans.Length, plans.Length);
        Assert.Equal(AnalysisJson.Serialize(expected), AnalysisJson.Serialize(assembled));
    }
}
