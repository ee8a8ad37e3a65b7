using System.Globalization;

using Logistics.Optimisation;
using Logistics.Optimisation.Model;

namespace Logistics.Benchmarks.StandardSets;

/// <summary>The benchmark program's verbs for the standard sets: solve instances by name, or measure root bounds.</summary>
public static class StandardCommand
{
    /// <summary>Exit codes: 0 every instance solved and checked, 1 a file or name was bad, 3 a plan failed its check or contradicts a published optimum.</summary>
    public static int Solve(string set, IReadOnlyList<string> names, string? data, SolverBackend backend, double timeLimit, double gap, string? backendParams,
        string? gates, bool start, bool heuristics, bool cuts, TextWriter output, TextWriter error, bool neighbourhood = true)
    {
        if (names.Count == 0)
        {
            error.WriteLine($"Name at least one {set} instance (for example: {set} {Example(set)}).");
            return 2;
        }

        var options = ModelOptions.Default with { IncumbentStart = start, PrimalHeuristics = heuristics, SeparatedLinkingRows = cuts, MipNeighbourhood = neighbourhood };
        options = gates switch
        {
            null => options,
            "off" => options with { TightenBuiltLinks = false },
            "tight" => options with { TightenBuiltLinks = true, GateOnlyWhereTighter = true },
            "all" => options with { TightenBuiltLinks = true, GateOnlyWhereTighter = false },
            _ => null!,
        };
        if (options is null)
        {
            error.WriteLine($"--gates takes off, tight or all, not '{gates}'.");
            return 2;
        }

        var settings = new SolverSettings(backend, TimeSpan.FromSeconds(timeLimit), gap) { BackendParameters = backendParams };
        output.WriteLine(StandardResult.Header);
        var failed = false;
        foreach (var name in names)
        {
            StandardResult result;
            try
            {
                var folder = BenchmarkFolder.Locate(data);
                result = StandardRunner.Run(StandardSetCatalogue.Load(set, name, folder), settings, options);
            }
            catch (Exception e) when (e is BenchmarkFileException or FileNotFoundException or DirectoryNotFoundException)
            {
                error.WriteLine(e.Message);
                return 1;
            }
            catch (InvalidOperationException e)
            {
                error.WriteLine($"{name}: {e.Message}");
                failed = true;
                continue;
            }

            output.WriteLine(result.Row());
            if (result.ContradictsKnownOptimum(gap))
            {
                error.WriteLine($"{name}: proved optimal (gap {gap}) at {result.Objective} but the published optimum is {result.Known!.Value}: the model or the reader is wrong.");
                failed = true;
            }
        }

        return failed ? 3 : 0;
    }

    public static int Root(IReadOnlyList<string> arguments, string? data, bool quick, TextWriter output, TextWriter error)
    {
        if (arguments.Count >= 2)
            output.WriteLine(RootBound.Header);
        return Each(arguments, data, "root", error, instance =>
        {
            foreach (var bound in RootBoundExperiment.Measure(instance.Name, instance.Network, full: !quick))
                output.WriteLine(bound.Row());
        });
    }

    /// <summary>
    /// Runs the primal heuristics alone on each instance, as the MIP start would, and prints what each gave; without
    /// <paramref name="rounding"/> or <paramref name="slopeScaling"/>, that step and the local search from its plan are left out.
    /// </summary>
    public static int Heuristics(IReadOnlyList<string> arguments, string? data, double budgetSeconds, TextWriter output, TextWriter error,
        bool rounding = true, bool slopeScaling = true)
    {
        if (arguments.Count >= 2)
            output.WriteLine("| Instance | Step | Cost | LPs | Seconds | vs known |\n|---|---|---:|---:|---:|---:|");
        return Each(arguments, data, "heuristics", error, instance =>
        {
            var search = Optimisation.Solving.Heuristics.PlanSearch.Run(instance.Network, ModelOptions.Default, TimeSpan.FromSeconds(budgetSeconds), TimeProvider.System,
                rounding: rounding, slopeScaling: slopeScaling);
            foreach (var step in search.Outcomes)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {instance.Name} | {step.Heuristic} | {step.Cost:N0} | {step.Evaluations} | {step.Time.TotalSeconds:F1} | {instance.DifferenceFromKnown(step.Cost):P2} |"));
            }
        });
    }

    /// <summary>
    /// Runs the Benders decomposition (docs/model.md, "Decomposition") on each instance under the budget, then, unless
    /// <paramref name="mip"/> is false, the optimiser's own solve (the monolithic MIP with its start) under the same limit
    /// as the peer, and prints both; with <paramref name="trace"/>, every master solve of the decomposition too. Exit 3
    /// when either proves an optimum other than the published one, or the peer's plan fails its check or its recomputed
    /// cost differs from its objective.
    /// </summary>
    public static int Benders(IReadOnlyList<string> arguments, string? data, double budgetSeconds, bool mip, bool trace, TextWriter output, TextWriter error)
    {
        if (arguments.Count >= 2)
        {
            output.WriteLine("| Instance | LP iterations | LP bound | LP s | MIP iterations | Bound | Plan | Gap | Subproblem LPs | Wall s | Plan vs known | Monolithic plan | Monolithic bound | Monolithic s |");
            output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        }

        var steps = new List<string>();
        var failed = false;
        var settings = new SolverSettings(SolverBackend.Scip, TimeSpan.FromSeconds(budgetSeconds), 1e-4);
        var code = Each(arguments, data, "benders", error, instance =>
        {
            var result = Decomposition.BendersDecomposition.Run(instance.Network, ModelOptions.Default, TimeSpan.FromSeconds(budgetSeconds), TimeProvider.System);
            StandardResult? peer = null;
            try
            {
                peer = mip ? StandardRunner.Run(instance, settings) : null;
            }
            catch (InvalidOperationException e)
            {
                // As in the mcnd verb: the plan check (StandardRunner.PlanCost) found a flow on an unbuilt link or above a capacity.
                error.WriteLine($"{instance.Name}: {e.Message}");
                failed = true;
            }

            var lpEnd = result.Trace.LastOrDefault(s => s.Phase == "LP");
            var end = result.Trace[^1];
            var plan = result.Best?.Cost;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {instance.Name} | {result.LpIterations} | {result.LpBound:N0} | {lpEnd?.Elapsed.TotalSeconds:F1} | {result.MipIterations} | {result.LowerBound:N0} | {plan:N0} | {result.Gap:P2} | {result.SubproblemSolves} | {end.Elapsed.TotalSeconds:F1} | {instance.DifferenceFromKnown(plan):P2} | {peer?.Objective:N0} | {peer?.Bound:N0} | {peer?.Seconds:F1} |"));
            steps.AddRange(result.Trace.Select(s => string.Create(CultureInfo.InvariantCulture,
                $"| {instance.Name} | {s.Phase} | {s.Iteration} | {s.LowerBound:N0} | {s.UpperBound:N0} | {s.Elapsed.TotalSeconds:F1} |")));
            // An optimum proved by either must be the published one, and the peer's recomputed plan cost must be its objective.
            if (result.Gap <= 1e-4 && instance.Known is { ProvenOptimal: true } known && instance.DifferenceFromKnown(plan) is { } d && Math.Abs(d) > 1e-4)
            {
                error.WriteLine($"{instance.Name}: the decomposition proved {plan} optimal but the published optimum is {known.Value}: its cuts are wrong.");
                failed = true;
            }

            if (peer is not null && (peer.ContradictsKnownOptimum(1e-4) || peer.PlanCostDiffers))
            {
                error.WriteLine($"{instance.Name}: the monolithic solve's plan failed its check (objective {peer.Objective}, recomputed {peer.PlanCost}, published {peer.Known?.Value}).");
                failed = true;
            }
        });
        if (trace && steps.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("| Instance | Phase | Master solve | Bound | Best (LP value in phase 1, plan in phase 2) | s |");
            output.WriteLine("|---|---|---:|---:|---:|---:|");
            steps.ForEach(output.WriteLine);
        }

        return code != 0 ? code : failed ? 3 : 0;
    }

    /// <summary>Loads each named instance of a set and hands it to <paramref name="measure"/>; 1 with the message when one cannot be read.</summary>
    public static int Each(IReadOnlyList<string> arguments, string? data, string verb, TextWriter error, Action<StandardInstance> measure)
    {
        if (arguments.Count < 2)
        {
            error.WriteLine($"Usage: {verb} SET NAME [NAME ...] (for example: {verb} mcnd c37).");
            return 2;
        }

        try
        {
            var folder = BenchmarkFolder.Locate(data);
            foreach (var name in arguments.Skip(1))
                measure(StandardSetCatalogue.Load(arguments[0], name, folder));
        }
        catch (Exception e) when (e is BenchmarkFileException or FileNotFoundException or DirectoryNotFoundException or ArgumentException or FormatException)
        {
            error.WriteLine(e.Message);
            return 1;
        }

        return 0;
    }

    private static string Example(string set) => set switch
    {
        "mcnd" => "c33",
        "cflp" => "cap41",
        _ => "netgen/netgen_8_08a",
    };
}
