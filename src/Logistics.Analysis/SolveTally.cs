namespace Logistics.Analysis;

/// <summary>
/// How many solves an analysis ran, and how many of them stopped before proving optimality (a time limit, a gap
/// limit or Ctrl-C: status feasible, or no solution at all). Figures that rest on such a solve are the best found,
/// not the optimum, and the output says so.
/// </summary>
public sealed record SolveTally(int Solves, int Unproven)
{
    public static SolveTally None { get; } = new(0, 0);

    /// <summary>True when every solve ended with a proof (optimal, infeasible or unbounded).</summary>
    public bool AllProven => Unproven == 0;
}
