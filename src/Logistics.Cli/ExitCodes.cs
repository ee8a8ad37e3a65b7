namespace Logistics.Cli;

/// <summary>
/// The documented exit codes of <c>logistics</c> (README, "Exit codes"). Scripts and the worker rely on them:
/// never renumber, only add.
/// </summary>
public static class ExitCodes
{
    /// <summary>Valid input; for a solve, a proven optimum.</summary>
    public const int Success = 0;

    /// <summary>The input file is invalid (the diagnostics say why).</summary>
    public const int InvalidInput = 1;

    /// <summary>The command line is wrong (unknown verb, missing argument, bad option value).</summary>
    public const int Usage = 2;

    /// <summary>A bug in logistics: please report it with the input.</summary>
    public const int Internal = 3;

    /// <summary>A solution was found but not proven optimal (time limit, gap limit or Ctrl-C); its gap is printed.</summary>
    public const int Feasible = 4;

    /// <summary>The model has no solution; the diagnosis says what cannot be done.</summary>
    public const int Infeasible = 5;

    /// <summary>The model is unbounded (for example a market price with no demand cap and free supply).</summary>
    public const int Unbounded = 6;

    /// <summary>The time limit (or Ctrl-C) came before any solution was found.</summary>
    public const int NoSolution = 7;
}
