using System.CommandLine;
using System.Globalization;

using Logistics.Analysis;
using Logistics.Application;
using Logistics.Analysis.Uncertainty;
using Logistics.Optimisation.Stochastic;
using Logistics.Presentation;

using static Logistics.Cli.Commands.CommandSupport;

namespace Logistics.Cli.Commands;

/// <summary>
/// <c>logistics uncertainty FILE --draws N --seed K [--scenario S] [--two-stage N [--two-stage-method M]] [--parallel P] [--json F]</c>: Monte Carlo
/// over the register's ranges, tornado, candidate plans with regret and a two-stage stochastic plan (docs/analyses.md, "Uncertainty").
/// </summary>
public static class UncertaintyCommand
{
    public static Command Create(CliContext context)
    {
        var draws = new Option<int>("--draws") { Description = "Number of Latin hypercube draws, each solved to optimality (at least 2).", DefaultValueFactory = _ => 200 };
        var seed = new Option<int>("--seed") { Description = "Seed of the random numbers: the same seed gives the same draws and the same report, whatever --parallel is.", DefaultValueFactory = _ => 1 };
        var scenario = ScenarioOption();
        var noTornado = new Option<bool>("--no-tornado") { Description = "Skip the tornado (two solves per seed and per correlation group)." };
        var noRegret = new Option<bool>("--no-regret") { Description = "Skip candidate plans and regret (one linear programme per plan and draw)." };
        var plans = new Option<int>("--plans") { Description = "Evaluate at most this many distinct optimal plans (the most frequent) for regret, with the central plan.", DefaultValueFactory = _ => 8 };
        var twoStage = new Option<int>("--two-stage") { Description = "Also solve the two-stage stochastic plan over this many draws of its own (extensive form); 0 skips it.", DefaultValueFactory = _ => 0 };
        var method = new Option<string>("--two-stage-method")
        {
            Description = $"How to solve the two-stage plan: extensive (one MIP over every draw), l-shaped (Benders decomposition: a master over the builds, one LP per draw) or auto (extensive up to {TwoStageOptimiser.AutoExtensiveMaxDraws} draws, l-shaped above).",
            DefaultValueFactory = _ => "auto",
        };
        method.AcceptOnlyFromAmong("auto", "extensive", "l-shaped");
        var outOfSample = new Option<int>("--out-of-sample") { Description = "Evaluate the two-stage and central plans on this many fresh draws.", DefaultValueFactory = _ => 0 };
        var cvarAlpha = new Option<double>("--cvar-alpha") { Description = "CVaR level α of the two-stage objective: the mean of the worst 1 − α of draws.", DefaultValueFactory = _ => 0.9 };
        var cvarWeight = new Option<double>("--cvar-weight") { Description = "Weight λ of CVaR in the two-stage objective (expected cost + λ·CVaR); 0 for expected cost alone.", DefaultValueFactory = _ => 0 };
        var csv = new Option<FileInfo?>("--draws-csv") { Description = "Also write every draw (sampled seed values, status, cost, builds) as CSV to this file." };
        var bindEach = new Option<bool>("--bind-each-draw") { Description = "Bind every draw from the file (overlay, bind, validate) instead of changing the bound snapshot: the same answers, slower; for measuring.", Hidden = true };
        var rebuildEach = new Option<bool>("--rebuild-each-draw") { Description = "Build the model afresh for every draw instead of changing the coefficients of one kept model: the same answers, slower; for measuring.", Hidden = true };
        var verb = new AnalysisVerb(context, "uncertainty",
            "How sure is the answer: solve many draws of the register's ranges; cost distribution, build probabilities, tornado, regret and a two-stage plan.",
            draws, seed, scenario, noTornado, noRegret, plans, twoStage, method, outOfSample, cvarAlpha, cvarWeight, csv, bindEach, rebuildEach);
        return verb.Create(
            parse =>
                parse.GetValue(draws) < 2 ? "--draws must be at least 2."
                : parse.GetValue(plans) < 1 ? "--plans must be at least 1."
                : parse.GetValue(twoStage) < 0 ? "--two-stage must be 0 or more."
                : parse.GetValue(outOfSample) < 0 ? "--out-of-sample must be 0 or more."
                : parse.GetValue(outOfSample) > 0 && parse.GetValue(twoStage) == 0 ? "--out-of-sample evaluates the two-stage plan; give --two-stage N too."
                : !(parse.GetValue(cvarAlpha) is > 0 and < 1) ? "--cvar-alpha must lie strictly between 0 and 1 (0.9 = the worst 10% of draws)."
                : !(parse.GetValue(cvarWeight) >= 0) ? "--cvar-weight must be 0 or more."
                : null,
            (parse, source, study) =>
            {
                var request = new UncertaintyRequest(parse.GetValue(draws), parse.GetValue(seed), parse.GetValue(scenario), !parse.GetValue(noTornado), !parse.GetValue(noRegret),
                    parse.GetValue(twoStage), parse.GetValue(cvarAlpha), parse.GetValue(cvarWeight), parse.GetValue(outOfSample), parse.GetValue(plans), parse.GetValue(bindEach))
                {
                    RebuildEachDraw = parse.GetValue(rebuildEach),
                    TwoStageMethod = parse.GetValue(method) switch
                    {
                        "extensive" => TwoStageMethod.Extensive,
                        "l-shaped" => TwoStageMethod.LShaped,
                        _ => TwoStageMethod.Auto,
                    },
                };
                var progress = new ProgressLine(context.Error, ReferenceEquals(context.Error, Console.Error) && !Console.IsErrorRedirected);
                var options = new UncertaintyOptions(request) { Progress = progress.Report };
                var report = new StudyRunner().Run(source, study with { Scenario = request.Scenario, Uncertainty = options }, context.CancellationToken).Uncertainty!;
                progress.Finish();
                if (parse.GetValue(csv) is { } file)
                {
                    using var writer = new StreamWriter(file.FullName);
                    UncertaintyAnalysis.WriteDrawsCsv(report, writer);
                }

                return Analysed<UncertaintyReport>.Done(report);
            },
            (_, o, report) => Write(o, report));
    }

    internal static void Write(TextWriter o, UncertaintyReport report)
    {
        var solved = report.Cost.Solved;
        // A plan over time costs its whole horizon in present value; a one-period plan costs a year.
        var unit = report.OverTime ? "M USD PV" : "M USD/yr";
        o.WriteLine($"Uncertainty of {(report.Scenario is null ? "the base network" : $"scenario {report.Scenario}")}: {report.Draws} draws, seed {report.Seed}, {report.Seeds.Length} seeds varied");
        o.WriteLine($"Sampling: {report.Sampling}.");
        o.WriteLine($"Central plan: {Status(report.Central.Status)}, {M(report.Central.ObjectiveUsd)} {unit}, builds {Plan(report.Central.Schedule, report.Central.Built)}");
        o.WriteLine();
        o.WriteLine($"Total cost, {unit} ({solved} of {report.Draws} draws solved)");
        var cost = new TextTable("mean", "±95%", "P5", "P50", "P95", "min", "max").AlignRight(0, 1, 2, 3, 4, 5, 6);
        cost.Add(M(report.Cost.Mean), M(report.Cost.MeanHalfWidth), M(report.Cost.P5), M(report.Cost.P50), M(report.Cost.P95), M(report.Cost.Min), M(report.Cost.Max));
        cost.WriteTo(o);
        o.WriteLine();
        o.WriteLine("How often each option is built (95% Wilson interval)");
        var options = report.OverTime
            ? new TextTable("option", "built", "probability", "95% interval", "at centre", "enters service (share of draws)").AlignRight(1, 2, 3)
            : new TextTable("option", "built", "probability", "95% interval", "at centre").AlignRight(1, 2, 3);
        foreach (var p in report.Options)
        {
            if (report.OverTime)
            {
                options.Add(p.Option.Value, $"{p.Built}/{p.Of}", Percent(p.Probability), $"{Percent(p.Low)}–{Percent(p.High)}", p.BuiltAtCentre ? "yes" : "no",
                    p.ByYear.IsDefaultOrEmpty ? "never" : string.Join(", ", p.ByYear.Select(y => $"{y.Year}: {Percent(y.Share)}")));
            }
            else
            {
                options.Add(p.Option.Value, $"{p.Built}/{p.Of}", Percent(p.Probability), $"{Percent(p.Low)}–{Percent(p.High)}", p.BuiltAtCentre ? "yes" : "no");
            }
        }

        options.WriteTo(o);
        o.WriteLine();
        o.WriteLine("How often each plan is optimal");
        var plans = new TextTable("builds", "draws", "share", $"mean {unit}", "central").AlignRight(1, 2, 3);
        foreach (var p in report.Plans)
            plans.Add(Plan(p.Schedule, p.Built), p.Count.ToString(CultureInfo.InvariantCulture), Percent(p.Share), M(p.MeanCostUsd), p.IsCentral ? "yes" : "");
        plans.WriteTo(o);
        o.WriteLine();
        o.WriteLine("Ports: mean share of port tonnes");
        var ports = new TextTable("port", "mean share", "mean t/yr", "used in").AlignRight(1, 2, 3);
        foreach (var p in report.PortShares)
            ports.Add(p.Element, Percent(p.MeanShare), T(p.MeanTonnes), Percent(p.UsedInShare));
        ports.WriteTo(o);
        o.WriteLine();
        o.WriteLine("Routes: mean share of tonnes delivered (top 10)");
        var routes = new TextTable("route", "mean share", "used in").AlignRight(1, 2);
        foreach (var r in report.RouteShares.Take(10))
            routes.Add(r.Element, Percent(r.MeanShare), Percent(r.UsedInShare));
        routes.WriteTo(o);
        o.WriteLine();
        o.WriteLine("Convergence of the mean cost");
        var convergence = new TextTable("draws", $"mean {unit}", $"±95% {unit}", "± % of mean").AlignRight(0, 1, 2, 3);
        foreach (var c in report.Convergence)
            convergence.Add(c.Draws.ToString(CultureInfo.InvariantCulture), M(c.MeanUsd), M(c.HalfWidthUsd), Number(c.RelativeHalfWidth * 100, "0.00"));
        convergence.WriteTo(o);
        foreach (var group in report.Correlations)
            o.WriteLine($"Correlation group {group.Group}: target rank correlation {Number(group.Target, "0.00")}, achieved {Number(group.Achieved, "0.00")} (mean over pairs of {group.Seeds.Length} seeds).");
        if (!report.NotVaried.IsEmpty)
            o.WriteLine($"Held at central value (derived when the file is bound): {string.Join(", ", report.NotVaried)}.");
        o.WriteLine();
        if (report.Infeasible.IsEmpty)
        {
            o.WriteLine("Every draw has an optimal plan.");
        }
        else
        {
            o.WriteLine($"{report.Infeasible.Length} draw(s) without an optimal plan (counted above as not solved):");
            foreach (var d in report.Infeasible.Take(20))
                o.WriteLine($"  draw {d.Draw}: {Status(d.Status)}. {d.Explanation}");
        }

        if (!report.Tornado.IsEmpty)
        {
            o.WriteLine();
            o.WriteLine("Tornado: each seed at its low and high, the rest central (groups: every member together)");
            var tornado = new TextTable("seed or group", "low", "high", $"{unit} at low", "at high", "swing", "builds change").AlignRight(1, 2, 3, 4, 5);
            foreach (var b in report.Tornado.Take(20))
            {
                tornado.Add(b.IsGroup ? $"[{b.Name}]" : b.Name, b.LowValue is { } lo ? V(lo) : "low", b.HighValue is { } hi ? V(hi) : "high", M(b.CostAtLowUsd), M(b.CostAtHighUsd), M(b.SwingUsd),
                    b.BuildsChange ? $"{List(b.BuiltAtLow)} → {List(b.BuiltAtHigh)}" : "no");
            }

            tornado.WriteTo(o);
            if (report.Tornado.Length > 20)
                o.WriteLine($"  ({report.Tornado.Length - 20} more with smaller swings in the JSON)");
        }

        if (report.Regret is { } regret)
        {
            o.WriteLine();
            o.WriteLine(report.OverTime ? $"Candidate schedules, each held fixed (builds and years), on every draw ({unit})" : $"Candidate plans, builds fixed, on every draw ({unit})");
            var table = new TextTable("builds", "optimal in", "mean", "P90", "worst", "mean regret", "max regret", "infeasible").AlignRight(1, 2, 3, 4, 5, 6, 7);
            foreach (var c in regret.Plans)
            {
                table.Add(Plan(c.Schedule, c.Built) + (c.IsCentral ? " (central)" : ""), c.OptimalIn.ToString(CultureInfo.InvariantCulture), M(c.MeanCostUsd), M(c.P90CostUsd), M(c.WorstCostUsd),
                    M(c.MeanRegretUsd), M(c.MaxRegretUsd), c.InfeasibleDraws.ToString(CultureInfo.InvariantCulture));
            }

            table.WriteTo(o);
            o.WriteLine($"Least expected cost: {(regret.LeastExpectedCost is { } l ? Plan(regret.LeastExpectedCostSchedule ?? [], l) : "none is feasible on every draw")}{Versus(regret.LeastExpectedCost, regret.Central)}");
            o.WriteLine($"Minimax regret:      {(regret.MinimaxRegret is { } m ? Plan(regret.MinimaxRegretSchedule ?? [], m) : "none is feasible on every draw")}{Versus(regret.MinimaxRegret, regret.Central)}");
        }

        if (report.TwoStage is { } two)
        {
            o.WriteLine();
            o.WriteLine($"Two-stage stochastic plan over {two.Draws} draws (seed {two.Seed}){(two.CvarWeight > 0 ? $", expected cost + {Number(two.CvarWeight, "G4")}·CVaR at α = {Number(two.CvarAlpha, "G4")}" : ", expected cost")}: {Status(two.Status)} ({two.Variables:N0} variables, {two.Constraints:N0} rows, built and solved in {two.ExtensiveFormTime.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s)");
            o.WriteLine(two.Method == TwoStageMethod.LShaped
                ? $"  Solved by the L-shaped method: {two.Iterations} iterations, {two.OptimalityCuts} optimality and {two.FeasibilityCuts} feasibility cuts"
                : "  Solved as the extensive form");
            o.WriteLine($"  Builds: {List(two.Built)}{Versus(two.Built, report.Central.Built)}");
            o.WriteLine($"  Expected cost RP {M(two.RecourseProblemUsd)}, wait-and-see WS {M(two.WaitAndSeeUsd)}, central plan EEV {M(two.CentralPlanExpectedUsd)} {unit}{(two.CvarUsd is { } cv ? $"; CVaR {M(cv)}" : "")}");
            o.WriteLine($"  VSS = EEV − RP = {M(two.VssUsd)} {unit}; EVPI = RP − WS = {M(two.EvpiUsd)} {unit}");
            if (two.OutOfSample is { } oos)
            {
                o.WriteLine($"  Out of sample ({oos.Draws} fresh draws, seed {oos.Seed}): two-stage plan {M(oos.StochasticMeanUsd)} ± {M(oos.StochasticHalfWidthUsd)}, central plan {M(oos.CentralMeanUsd)} ± {M(oos.CentralHalfWidthUsd)} {unit}; saving {M(oos.SavingMeanUsd)} ± {M(oos.SavingHalfWidthUsd)}"
                    + (oos.StochasticInfeasible + oos.CentralInfeasible > 0 ? $" (infeasible: two-stage {oos.StochasticInfeasible}, central {oos.CentralInfeasible})" : ""));
            }
        }
    }

    /// <summary>A plan as a list: with years for a plan over time ("rd-spur (2028), …"), else the options.</summary>
    private static string Plan(System.Collections.Immutable.ImmutableArray<PlannedBuild> schedule, System.Collections.Immutable.ImmutableArray<Network.Model.OptionId> built) =>
        !schedule.IsDefaultOrEmpty && schedule.Any(p => p.Year is not null) ? string.Join(", ", schedule.Select(p => p.ToString())) : List(built);

    private static string Versus(System.Collections.Immutable.ImmutableArray<Network.Model.OptionId>? plan, System.Collections.Immutable.ImmutableArray<Network.Model.OptionId> central) =>
        plan is not { } p ? "" : p.SequenceEqual(central) ? " (the central plan)" :
            $" (vs central: {string.Join(", ", p.Except(central).Select(x => "+" + x).Concat(central.Except(p).Select(x => "-" + x)))})";

    private static string Percent(double share) => double.IsNaN(share) ? "-" : Number(share * 100, "0.0") + "%";

    private static string V(double value) =>
        Math.Abs(value) >= 1000 ? value.ToString("#,0", CultureInfo.InvariantCulture) : value.ToString("G4", CultureInfo.InvariantCulture);

    /// <summary>
    /// Progress on standard error: a bar redrawn in place on a terminal, a plain line every 10% when redirected (a log
    /// stays readable). Called from solver threads, so it locks.
    /// </summary>
    private sealed class ProgressLine(TextWriter writer, bool terminal)
    {
        private readonly Lock _lock = new();
        private readonly long _started = TimeProvider.System.GetTimestamp();
        private int _lastTenth = -1;

        public void Report(int done, int total)
        {
            lock (_lock)
            {
                var rate = done / Math.Max(1e-9, TimeProvider.System.GetElapsedTime(_started).TotalSeconds);
                if (terminal)
                {
                    var filled = (int)(30.0 * done / total);
                    writer.Write($"\r[{new string('#', filled)}{new string(' ', 30 - filled)}] {done}/{total} draws, {rate.ToString("0.0", CultureInfo.InvariantCulture)}/s ");
                    return;
                }

                var tenth = 10 * done / total;
                if (tenth == _lastTenth) return;
                _lastTenth = tenth;
                writer.WriteLine($"uncertainty: {done}/{total} draws solved ({rate.ToString("0.0", CultureInfo.InvariantCulture)}/s)");
            }
        }

        public void Finish()
        {
            if (terminal) writer.WriteLine();
        }
    }
}
