namespace Logistics.Optimisation.Solving.Heuristics;

/// <summary>
/// Local search over the builds: close one built option, or open one unbuilt option, each move priced by the
/// fixed-build LP; the first improving move is taken, until no move improves or time runs out. Moves are tried in the
/// order the relaxation suggests (closing the options it uses least first, opening those it uses most first), and only
/// the <see cref="OpenCandidates"/> most promising openings are tried per pass, because each move costs an LP. With a
/// cap it stops once it has spent that much, so a step after it gets the rest; run again later from the same plan, it
/// answers the moves it already priced from the evaluator's memory and goes on where it stopped.
/// </summary>
internal static class BuildLocalSearch
{
    public const int OpenCandidates = 10;

    public static BuildPlan Run(BuildPlan start, FixedBuildEvaluator evaluator, double[] guide, TimeSpan? cap = null)
    {
        var keep = evaluator.LeftWhenSpent(cap);
        bool Stop() => evaluator.OutOfTime || evaluator.TimeLeft <= keep;
        var best = start;
        var improved = true;
        while (improved && !Stop())
        {
            improved = false;
            var open = best.Open.ToArray();
            var closeOrder = Enumerable.Range(0, open.Length).Where(i => open[i]).OrderBy(i => guide[i]).ThenBy(i => i);
            var openOrder = Enumerable.Range(0, open.Length).Where(i => !open[i]).OrderByDescending(i => guide[i]).ThenBy(i => i).Take(OpenCandidates);
            foreach (var i in closeOrder.Concat(openOrder))
            {
                if (Stop())
                    break;
                var trial = best.Open.SetItem(i, !best.Open[i]);
                if (evaluator.Cost(trial) is { } cost && cost < best.Cost * (1 - 1e-9))
                {
                    best = new BuildPlan(trial, cost, best.FoundBy.EndsWith("+ local search", StringComparison.Ordinal) ? best.FoundBy : best.FoundBy + " + local search");
                    improved = true;
                }
            }
        }

        return best;
    }
}
