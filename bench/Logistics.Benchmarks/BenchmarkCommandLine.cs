using System.CommandLine;
using System.Globalization;

using Logistics.Benchmarks.StandardSets;
using Logistics.TestKit;

namespace Logistics.Benchmarks;

/// <summary>
/// The benchmark program's verbs and options (System.CommandLine, as the CLI): synthetic instances (sizes, instance,
/// build, periods), network files (backends, network, variants, inputs, loading) and the standard sets (mcnd, cflp, cflp-e2e, dimacs, heuristics, root, resolve, benders).
/// Exit codes: 0 done, 1 a file or name was bad, 2 usage, 3 a plan failed its check or contradicts a published optimum,
/// 4 a program the side-by-side run needs (cbc, PuLP) is missing.
/// </summary>
public static class BenchmarkCommandLine
{
    public const int Usage = 2;

    /// <summary>The default synthetic sizes (docs/benchmarks.md, "Scale").</summary>
    public static readonly IReadOnlyList<string> DefaultSizes =
    [
        "synthetic-n250-l1000-c30-o175-s42",
        "synthetic-n500-l2000-c30-o350-s42",
        "synthetic-n1000-l4000-c30-o700-s42",
    ];

    /// <summary>The plans-over-time instances (issue 11): 3 and 5 periods at each default size.</summary>
    public static IReadOnlyList<string> DefaultPeriodised { get; } =
        [.. new[] { 3, 5 }.SelectMany(p => DefaultSizes.Select(n => InstanceSize.Parse(n) with { Periods = p })).Select(s => s.Name)];

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        var root = Create(output, error);
        // No verb runs the default sizes, as before System.CommandLine.
        var parse = root.Parse(args.Length == 0 ? ["sizes"] : args);
        var help = args.Any(a => a is "--help" or "-h" or "-?");
        if (parse.Errors.Count > 0 && !help)
        {
            foreach (var e in parse.Errors)
                error.WriteLine($"error: {e.Message}");
            error.WriteLine("Run with --help (or VERB --help) for usage.");
            return Usage;
        }

        return parse.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }

    public static RootCommand Create(TextWriter output, TextWriter error)
    {
        var root = new RootCommand("Logistics benchmarks (docs/benchmarks.md). Run in Release.");
        root.Subcommands.Add(Sizes(output));
        root.Subcommands.Add(Periods(output));
        root.Subcommands.Add(Instance(output, error));
        root.Subcommands.Add(Build(output, error));
        root.Subcommands.Add(Backends(output));
        root.Subcommands.Add(NetworkFile(output));
        root.Subcommands.Add(Variants(output));
        root.Subcommands.Add(Inputs(output));
        root.Subcommands.Add(Loading(output, error));
        root.Subcommands.Add(CflpEndToEndCommand(output, error));
        foreach (var set in new[] { "mcnd", "cflp", "dimacs" })
            root.Subcommands.Add(Standard(set, output, error));
        root.Subcommands.Add(Heuristics(output, error));
        root.Subcommands.Add(Root(output, error));
        root.Subcommands.Add(Resolve(output, error));
        root.Subcommands.Add(Benders(output, error));
        return root;
    }

    private static Option<double> TimeLimit(double seconds = 30) => new("--time-limit") { Description = "Solver time limit, seconds.", DefaultValueFactory = _ => seconds };

    private static Option<double> Gap() => new("--gap") { Description = "Relative MIP gap at which the solver stops.", DefaultValueFactory = _ => 0.001 };

    private static Option<string> BackendOption() =>
        new Option<string>("--backend") { Description = "MIP backend.", DefaultValueFactory = _ => "scip" }.AcceptOnlyFromAmong("scip", "cbc", "highs");

    private static Option<string?> Data() => new("--data") { Description = $"Folder of the standard sets (default: ../shared/benchmarks beside the repository, or {BenchmarkFolder.Variable})." };

    private static Option<bool> Flag(string name, string description) => new(name) { Description = description };

    private static Argument<string[]> Names(string description, int atLeast = 0) =>
        new("NAME") { Description = description, Arity = atLeast == 0 ? ArgumentArity.ZeroOrMore : ArgumentArity.OneOrMore };

    private static Argument<string> One(string name, string description) => new(name) { Description = description };

    private static Command Sizes(TextWriter output)
    {
        var command = new Command("sizes", "Synthetic instances, one child process each (so peak memory is that run's own); no verb runs this with the default sizes.");
        var names = Names("Instance names like synthetic-n1000-l4000-c30-o700-s42 (default: 250, 500 and 1,000 nodes).");
        var gates = Flag("--gates", "Run each instance with the built-link gate on and off (it is off by default).");
        var split = Flag("--split-classes", "A flow layer per commodity class instead of one per commodity.");
        var noStart = Flag("--no-start", "No incumbent (MIP start).");
        var (time, gap, backend) = (TimeLimit(), Gap(), BackendOption());
        command.Arguments.Add(names);
        foreach (var o in new Option[] { gates, split, noStart, time, gap, backend })
            command.Options.Add(o);
        command.SetAction(p =>
        {
            var chosen = p.GetValue(names) is { Length: > 0 } given ? given : [.. DefaultSizes];
            return ChildRuns.Table(chosen, p.GetValue(backend)!, p.GetValue(time), p.GetValue(gap), p.GetValue(gates), p.GetValue(split), p.GetValue(noStart), output);
        });
        return command;
    }

    private static Command Periods(TextWriter output)
    {
        var command = new Command("periods",
            "Plans over time (issue 11): synthetic instances with 3 and 5 five-year periods (growing mine output, options with lead times), one child process each: model size, build and solve time, gap, peak memory.");
        var names = Names("Instance names with a period suffix like synthetic-n1000-l4000-c30-o700-s42-p3 (default: 250, 500 and 1,000 nodes with 3 and 5 periods).");
        var (time, gap, backend) = (TimeLimit(60), Gap(), BackendOption());
        command.Arguments.Add(names);
        foreach (var o in new Option[] { time, gap, backend })
            command.Options.Add(o);
        command.SetAction(p =>
        {
            var chosen = p.GetValue(names) is { Length: > 0 } given ? given : [.. DefaultPeriodised];
            return ChildRuns.Table(chosen, p.GetValue(backend)!, p.GetValue(time), p.GetValue(gap), bothGates: false, split: false, noStart: false, output);
        });
        return command;
    }

    private static Command Instance(TextWriter output, TextWriter error)
    {
        var command = new Command("instance", "One synthetic instance in this process: one table row.");
        var name = One("NAME", "Instance name like synthetic-n1000-l4000-c30-o700-s42 (optionally -k0.03, -x0.03, -p3).");
        var noGate = Flag("--no-gate", "Built-link gate off.");
        var split = Flag("--split-classes", "A flow layer per commodity class.");
        var hint = new Option<string?>("--hint") { Description = "Hint every free option unbuilt (none) or built (all)." }.AcceptOnlyFromAmong("none", "all");
        var noStart = Flag("--no-start", "No incumbent (MIP start).");
        var noHeuristics = Flag("--no-heuristics", "No primal heuristics before the MIP.");
        var (time, gap, backend) = (TimeLimit(), Gap(), BackendOption());
        command.Arguments.Add(name);
        foreach (var o in new Option[] { noGate, split, hint, noStart, noHeuristics, time, gap, backend })
            command.Options.Add(o);
        command.SetAction(p =>
        {
            if (!TryParseSize(p.GetValue(name)!, error, out var size))
                return Usage;
            bool? hinted = p.GetValue(hint) switch { "none" => false, "all" => true, _ => null };
            output.WriteLine(BenchmarkRunner.RunInstance(size, p.GetValue(backend)!, p.GetValue(time), p.GetValue(gap), tighten: !p.GetValue(noGate),
                aggregate: !p.GetValue(split), hint: hinted, incumbent: !p.GetValue(noStart), heuristics: !p.GetValue(noHeuristics)).Row());
            return 0;
        });
        return command;
    }

    private static Command Build(TextWriter output, TextWriter error)
    {
        var command = new Command("build", "Model build time by family (best of 3) for one synthetic instance; with a period suffix, the plan over time's whole build (best of 3, wall and CPU, per thousand variables).");
        var name = One("NAME", "Instance name like synthetic-n1000-l4000-c30-o700-s42 (or ...-p3).");
        command.Arguments.Add(name);
        command.SetAction(p =>
        {
            if (!TryParseSize(p.GetValue(name)!, error, out var size))
                return Usage;
            BenchmarkRunner.TimeFamilies(size, output);
            return 0;
        });
        return command;
    }

    private static Command Backends(TextWriter output)
    {
        var command = new Command("backends", "Every scenario of a network file with every MIP backend and the gate on and off.");
        var path = One("PATH", "A network file, for example networks/chagai.network.json.");
        command.Arguments.Add(path);
        command.SetAction(p =>
        {
            BenchmarkRunner.CompareOnNetwork(p.GetValue(path)!, output);
            return 0;
        });
        return command;
    }

    private static Command NetworkFile(TextWriter output)
    {
        var command = new Command("network", "In-process load and solve times of a network file with the CLI's default settings: a cold run, then warm runs and their median.");
        var path = One("PATH", "A network file, for example networks/chagai-timeline.network.json.");
        var scenario = new Option<string?>("--scenario") { Description = "A scenario of the file (default: the base)." };
        var runs = new Option<int>("--runs") { Description = "Warm runs after the cold one.", DefaultValueFactory = _ => 5 };
        command.Arguments.Add(path);
        command.Options.Add(scenario);
        command.Options.Add(runs);
        command.SetAction(p => NetworkTimings.Run(p.GetValue(path)!, p.GetValue(scenario), Math.Max(0, p.GetValue(runs)), output));
        return command;
    }

    private static Command Variants(TextWriter output)
    {
        var command = new Command("variants", "CPU per variant of sweep, value, resilience, compare and a plan over time's sweep, solved afresh and on kept models (docs/benchmarks.md).");
        var path = new Argument<string>("PATH") { Description = "A one-period network file.", DefaultValueFactory = _ => "networks/chagai.network.json" };
        var timeline = new Option<string>("--timeline") { Description = "A network file with periods.", DefaultValueFactory = _ => "networks/chagai-timeline.network.json" };
        var rounds = new Option<int>("--rounds") { Description = "Timed rounds after a warm-up; the best is kept.", DefaultValueFactory = _ => 3 };
        command.Arguments.Add(path);
        command.Options.Add(timeline);
        command.Options.Add(rounds);
        command.SetAction(p => VariantTimings.Run(p.GetValue(path)!, p.GetValue(timeline)!, Math.Max(1, p.GetValue(rounds)), output));
        return command;
    }

    private static Command Inputs(TextWriter output)
    {
        var command = new Command("inputs", "Hostile-input timings (docs/benchmarks.md, \"Hardening\").");
        var path = new Argument<string>("PATH") { Description = "The default network.", DefaultValueFactory = _ => "networks/chagai.network.json" };
        var parts = new Option<string>("--parts") { Description = "lines, scenarios and/or breakdown, comma-separated.", DefaultValueFactory = _ => "lines,scenarios" };
        var lineSizes = new Option<string>("--line-sizes") { Description = "Sizes of the one-line files, bytes, comma-separated.", DefaultValueFactory = _ => "200000,400000,1600000" };
        command.Arguments.Add(path);
        command.Options.Add(parts);
        command.Options.Add(lineSizes);
        command.SetAction(p =>
        {
            int[] sizes = [.. p.GetValue(lineSizes)!.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))];
            InputBenchmarks.Run(p.GetValue(path)!, p.GetValue(parts)!.Split(','), sizes, output);
            return 0;
        });
        return command;
    }

    private static Command Loading(TextWriter output, TextWriter error)
    {
        var command = new Command("loading", "Issue 15's loading targets: a CFLP instance converted to a network file and a synthetic network, loaded and validated in process, stage by stage (median of warm runs).");
        var cflp = new Option<string>("--cflp") { Description = "The CFLP instance to convert.", DefaultValueFactory = _ => "cap131" };
        var synthetic = new Option<string>("--synthetic") { Description = "The synthetic instance.", DefaultValueFactory = _ => "synthetic-n1000-l4000-c30-o700-s42" };
        var runs = new Option<int>("--runs") { Description = "Warm runs after the cold one (default 61, so the median is past the JIT's tier-up after 30 calls; fewer measure unoptimised code).", DefaultValueFactory = _ => 61 };
        var data = Data();
        foreach (var o in new Option[] { cflp, synthetic, runs, data })
            command.Options.Add(o);
        command.SetAction(p => LoadTimings.Run(p.GetValue(cflp)!, p.GetValue(synthetic)!, p.GetValue(data), Math.Max(1, p.GetValue(runs)), output, error));
        return command;
    }

    private static Command CflpEndToEndCommand(TextWriter output, TextWriter error)
    {
        var command = new Command("cflp-e2e",
            "Issue 15's side-by-side run: for each OR-Library CFLP instance, 'logistics solve FILE' as a process (and each --also-cli executable), raw cbc on the model the CLI exports, and the PuLP + CBC peer script (bench/peers/cflp_pulp.py); wall and CPU times, ratios, and every objective checked against the published optimum.");
        var instances = new Option<string?>("--instances") { Description = "Comma-separated instance names (default: all 37, cap41 to cap134)." };
        var cli = new Option<string?>("--cli") { Description = $"The logistics executable or logistics.dll to time (default: {EndToEnd.PeerTools.DefaultCli}; give a ReadyToRun publish's to time that)." };
        var python = new Option<string?>("--python") { Description = "The Python that runs the peer script (default: the first of python3 and /usr/bin/python3 that imports PuLP)." };
        var also = new Option<string[]>("--also-cli")
        {
            Description = "Another logistics executable to time beside --cli on every instance, in the same run (repeat the option for more): a ReadyToRun publish's logistics, the Native AOT logistics-solve (README, \"Solve-only executable\").",
            DefaultValueFactory = _ => [],
        };
        var cold = new Option<int>("--cold-runs") { Description = $"First time each executable's cold 'solve {EndToEnd.CflpEndToEnd.DefaultNetwork}' this many times (after one untimed run) and print the medians; 0: none.", DefaultValueFactory = _ => 0 };
        var solver = new Option<string?>("--solver") { Description = "Passed to logistics solve (default: its automatic choice)." }.AcceptOnlyFromAmong("auto", "scip", "cbc", "highs");
        var keep = new Option<string?>("--keep") { Description = "Write the network files, exported models and results into this folder and keep them (default: a temporary folder, deleted)." };
        var data = Data();
        foreach (var o in new Option[] { instances, cli, also, cold, python, solver, keep, data })
            command.Options.Add(o);
        command.SetAction(p =>
        {
            string[] names = p.GetValue(instances) is { } list ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];
            if (p.GetValue(cold) < 0)
            {
                error.WriteLine("error: --cold-runs must be 0 or more.");
                return Usage;
            }

            return EndToEnd.CflpEndToEnd.Run(names, p.GetValue(data), p.GetValue(cli), p.GetValue(also) ?? [], p.GetValue(python), p.GetValue(solver), p.GetValue(keep), p.GetValue(cold), output, error);
        });
        return command;
    }

    private static Command Standard(string set, TextWriter output, TextWriter error)
    {
        var command = new Command(set, $"Solve {set} instances by name and check them against their published optima.");
        var names = Names("Instance names, for example " + set switch { "mcnd" => "c33 c35", "cflp" => "cap41", _ => "netgen/netgen_8_08a" } + ".");
        var (time, gap, backend, data) = (TimeLimit(), Gap(), BackendOption(), Data());
        var backendParams = new Option<string?>("--backend-params") { Description = "Backend-specific parameters, as the backend's own text." };
        var gates = new Option<string?>("--gates") { Description = "Built-link gate: off, tight (only where tighter) or all." }.AcceptOnlyFromAmong("off", "tight", "all");
        var noStart = Flag("--no-start", "No incumbent (MIP start).");
        var noHeuristics = Flag("--no-heuristics", "No primal heuristics before the MIP.");
        var noCuts = Flag("--no-cuts", "No separated linking rows.");
        var noNeighbourhood = Flag("--no-neighbourhood", "No MIP neighbourhoods after the heuristics (the start then takes half the limit, as before them).");
        command.Arguments.Add(names);
        foreach (var o in new Option[] { data, time, gap, backend, backendParams, gates, noStart, noHeuristics, noCuts, noNeighbourhood })
            command.Options.Add(o);
        command.SetAction(p => StandardCommand.Solve(set, p.GetValue(names) ?? [], p.GetValue(data), BenchmarkRunner.Backend(p.GetValue(backend)!), p.GetValue(time), p.GetValue(gap),
            p.GetValue(backendParams), p.GetValue(gates), !p.GetValue(noStart), !p.GetValue(noHeuristics), !p.GetValue(noCuts), output, error, !p.GetValue(noNeighbourhood)));
        return command;
    }

    private static Command Heuristics(TextWriter output, TextWriter error)
    {
        var command = new Command("heuristics", "Each primal heuristic alone on standard instances: heuristics SET NAME [NAME ...].");
        var names = Names("The set (mcnd, cflp or dimacs), then instance names.");
        var (time, data) = (TimeLimit(), Data());
        var noRounding = Flag("--no-rounding", "Without LP rounding (and the local search from its plan).");
        var noSlope = Flag("--no-slope-scaling", "Without slope scaling (and the local search from its plan).");
        command.Arguments.Add(names);
        foreach (var o in new Option[] { time, data, noRounding, noSlope })
            command.Options.Add(o);
        command.SetAction(p => StandardCommand.Heuristics(p.GetValue(names) ?? [], p.GetValue(data), p.GetValue(time), output, error,
            rounding: !p.GetValue(noRounding), slopeScaling: !p.GetValue(noSlope)));
        return command;
    }

    private static Command Resolve(TextWriter output, TextWriter error)
    {
        var command = new Command("resolve", "The heuristics' fixed-build LP re-solved in GLOP and in CLP: resolve SET NAME [NAME ...] (synthetic names too).");
        var names = Names("The set (mcnd, cflp, dimacs or synthetic), then instance names.");
        var data = Data();
        command.Arguments.Add(names);
        command.Options.Add(data);
        command.SetAction(p => StandardCommand.Each(p.GetValue(names) ?? [], p.GetValue(data), "resolve", error, instance => ResolveTimings.Run(instance, output)));
        return command;
    }

    private static Command Benders(TextWriter output, TextWriter error)
    {
        var command = new Command("benders", "A Benders decomposition against the optimiser's monolithic MIP, same limit: benders SET NAME [NAME ...] (synthetic names too).");
        var names = Names("The set (mcnd, cflp, dimacs or synthetic), then instance names.");
        var trace = Flag("--trace", "Also print every master solve of the decomposition.");
        var noMip = Flag("--no-mip", "Skip the monolithic MIP (the peer).");
        var (time, data) = (TimeLimit(120), Data());
        command.Arguments.Add(names);
        foreach (var o in new Option[] { trace, noMip, time, data })
            command.Options.Add(o);
        command.SetAction(p => StandardCommand.Benders(p.GetValue(names) ?? [], p.GetValue(data), p.GetValue(time), !p.GetValue(noMip), p.GetValue(trace), output, error));
        return command;
    }

    private static Command Root(TextWriter output, TextWriter error)
    {
        var command = new Command("root", "Root LP bounds (weak, all, where tighter, cuts): root SET NAME [NAME ...].");
        var names = Names("The set (mcnd, cflp or dimacs), then instance names.");
        var quick = Flag("--quick", "Skip the all and where-tighter models.");
        var data = Data();
        command.Arguments.Add(names);
        command.Options.Add(quick);
        command.Options.Add(data);
        command.SetAction(p => StandardCommand.Root(p.GetValue(names) ?? [], p.GetValue(data), p.GetValue(quick), output, error));
        return command;
    }

    private static bool TryParseSize(string name, TextWriter error, out InstanceSize size)
    {
        try
        {
            size = InstanceSize.Parse(name);
            return true;
        }
        catch (FormatException e)
        {
            error.WriteLine($"error: {e.Message}");
            size = null!;
            return false;
        }
    }
}
