using System.CommandLine;

using Logistics.Optimisation;

namespace Logistics.Cli.Commands;

/// <summary>
/// <c>--solver</c>, <c>--time-limit</c> (per solve), <c>--gap</c> and <c>--backend-params</c>: defined, parsed and validated here once for every
/// verb that solves (solve, compare, value, sweep, resilience, report), so they mean and check the same everywhere.
/// </summary>
internal sealed class SolverOptions
{
    private static readonly string[] SolverNames = ["auto", "scip", "cbc", "highs", "cp-sat", "glop"];

    public SolverOptions()
    {
        Solver.AcceptOnlyFromAmong(SolverNames);
    }

    public Option<string> Solver { get; } = new("--solver") { Description = "Solver backend (auto picks GLOP when every option is fixed, CBC for one-commodity facility location, else SCIP).", DefaultValueFactory = _ => "auto" };

    public Option<double?> TimeLimit { get; } = new("--time-limit") { Description = "Time limit per solve, seconds, covering its model build, solve and prices; a solve that hits it reports its best solution so far and its gap (or that none was proven)." };

    public Option<double?> Gap { get; } = new("--gap") { Description = "Relative MIP gap at which a solve may stop, e.g. 0.001." };

    public Option<string?> BackendParameters { get; } = new("--backend-params") { Description = "Parameters in the backend's own syntax, e.g. \"limits/solutions = 1\" for SCIP (tuning and stopping rules OR-Tools does not wrap)." };

    public void AddTo(Command command)
    {
        command.Options.Add(Solver);
        command.Options.Add(TimeLimit);
        command.Options.Add(Gap);
        command.Options.Add(BackendParameters);
    }

    /// <summary>The settings asked for, or null after writing the usage error (the caller exits with <see cref="ExitCodes.Usage"/>).</summary>
    public SolverSettings? Read(ParseResult parse, CliContext context, int threads = 1)
    {
        if (parse.GetValue(TimeLimit) is { } seconds && !(seconds > 0))
            return Error(context, "--time-limit must be a positive number of seconds.");
        if (parse.GetValue(Gap) is { } gap && !(gap >= 0))
            return Error(context, "--gap must be zero or a positive fraction, e.g. 0.001.");
        return new SolverSettings(
            Backend(parse.GetValue(Solver) ?? "auto"),
            parse.GetValue(TimeLimit) is { } s ? TimeSpan.FromSeconds(s) : null,
            parse.GetValue(Gap),
            threads)
        {
            BackendParameters = parse.GetValue(BackendParameters),
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
