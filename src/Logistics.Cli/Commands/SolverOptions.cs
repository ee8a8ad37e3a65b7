using System.CommandLine;
using System.Globalization;

using Logistics.Optimisation;

namespace Logistics.Cli.Commands;

/// <summary>
/// <c>--solver</c>, <c>--time-limit</c> (per solve), <c>--gap</c>, <c>--backend-params</c> and <c>--no-neighbourhood</c>: defined, parsed and validated here once for every
/// verb that solves (solve, compare, value, sweep, resilience, report), so they mean and check the same everywhere.
/// </summary>
internal sealed class SolverOptions
{
    /// <summary>The most threads any backend accepts (SCIP's parallel/maxnthreads); more is a usage error, not a solver complaint.</summary>
    public const int MaxThreads = 64;

    /// <summary>A week: a longer limit means no limit (omit the option), and far larger values overflow a time span.</summary>
    public const double MaxTimeLimitSeconds = 7 * 24 * 3600;

    private static readonly string[] SolverNames = ["auto", "scip", "cbc", "highs", "cp-sat", "glop"];

    public SolverOptions()
    {
        Solver.AcceptOnlyFromAmong(SolverNames);
    }

    public Option<string> Solver { get; } = new("--solver") { Description = "Solver backend (auto picks GLOP when every option is fixed, CBC for one-commodity facility location, else SCIP).", DefaultValueFactory = _ => "auto" };

    public Option<double?> TimeLimit { get; } = new("--time-limit") { Description = "Time limit per solve, seconds, covering its model build, solve and prices; a solve that hits it reports its best solution so far and its gap (or that none was proven)." };

    public Option<double?> Gap { get; } = new("--gap") { Description = "Relative MIP gap at which a solve may stop, e.g. 0.001." };

    public Option<string?> BackendParameters { get; } = new("--backend-params") { Description = "Parameters in the backend's own syntax, e.g. \"limits/solutions = 1\" for SCIP (tuning and stopping rules OR-Tools does not wrap)." };

    public Option<bool> NoNeighbourhood { get; } = new("--no-neighbourhood") { Description = "Do not improve the starting plan of a large design model by MIP neighbourhoods under a time limit (the start then takes at most half of the limit instead of 95%; docs/model.md)." };

    public void AddTo(Command command)
    {
        command.Options.Add(Solver);
        command.Options.Add(TimeLimit);
        command.Options.Add(Gap);
        command.Options.Add(BackendParameters);
        command.Options.Add(NoNeighbourhood);
    }

    /// <summary>The settings asked for, or null after writing the usage error (the caller exits with <see cref="ExitCodes.Usage"/>).</summary>
    public SolverSettings? Read(ParseResult parse, CliContext context, int threads = 1)
    {
        if (parse.GetValue(TimeLimit) is { } seconds && !(seconds is > 0 and <= MaxTimeLimitSeconds))
        {
            return Error(context, string.Create(CultureInfo.InvariantCulture,
                $"--time-limit {seconds}: give a positive number of seconds up to {MaxTimeLimitSeconds:#,0} (a week); omit the option for no limit."));
        }

        if (parse.GetValue(Gap) is { } gap && !(gap is >= 0 and <= 1))
            return Error(context, string.Create(CultureInfo.InvariantCulture, $"--gap {gap}: give a fraction from 0 to 1, e.g. 0.001 for 0.1 %."));
        return new SolverSettings(
            Backend(parse.GetValue(Solver) ?? "auto"),
            parse.GetValue(TimeLimit) is { } s ? TimeSpan.FromSeconds(s) : null,
            parse.GetValue(Gap),
            threads)
        {
            BackendParameters = parse.GetValue(BackendParameters),
            MipNeighbourhood = !parse.GetValue(NoNeighbourhood),
        };
    }

    private static SolverBackend Backend(string name) => name switch
    {
        "scip" => SolverBackend.Scip,
        "cbc" => SolverBackend.Cbc,
        "highs" => SolverBackend.Highs,
        "cp-sat" => SolverBackend.CpSat,
        "glop" => SolverBackend.Glop,
        _ => SolverBackend.Auto,
    };

    private static SolverSettings? Error(CliContext context, string message)
    {
        context.Error.WriteLine($"error: {message}");
        return null;
    }
}
