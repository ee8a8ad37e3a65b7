using System.Diagnostics;
using System.Globalization;

using Logistics.Benchmarks;
using Logistics.Benchmarks.StandardSets;

// Benchmarks (docs/benchmarks.md). Not a test: run it by hand, in Release.
//   dotnet run -c Release --project tests/Logistics.Benchmarks -- sizes [--gates] [--split-classes] [--time-limit 30] [--gap 0.001] [NAME ...]
//   dotnet run -c Release --project tests/Logistics.Benchmarks -- instance NAME [--no-gate] [--split-classes] [--hint none|all] [--no-start] [--backend scip|cbc|highs] [--time-limit S] [--gap G]
//   dotnet run -c Release --project tests/Logistics.Benchmarks -- backends networks/chagai.network.json
//   dotnet run -c Release --project tests/Logistics.Benchmarks -- build NAME          (model build time by family)
//   dotnet run -c Release --project tests/Logistics.Benchmarks -- inputs [networks/chagai.network.json] [--parts lines,scenarios] [--line-sizes 200000,400000,1600000]  (hostile-input timings)
//   dotnet run -c Release --project tests/Logistics.Benchmarks -- mcnd c33 [c35 ...] | cflp cap41 [...] | dimacs netgen/netgen_8_08a [...]
//       [--data DIR] [--time-limit S] [--gap G] [--backend scip|cbc|highs] [--backend-params P] [--gates off|tight|all] [--no-start] [--no-heuristics] [--no-cuts]
//   dotnet run -c Release --project tests/Logistics.Benchmarks -- heuristics mcnd c37 [--time-limit S]   (each primal heuristic alone)
//   dotnet run -c Release --project tests/Logistics.Benchmarks -- root mcnd c33 [...]   [--quick]  (root LP bound: weak, all, where tighter, cuts; --quick skips all and where tighter)
// Standard sets are read from ../shared/benchmarks beside the repository (or --data DIR, or LOGISTICS_BENCHMARKS); docs/benchmarks.md, "Standard sets".
// NAME is synthetic-n1000-l4000-c30-o700-s42, optionally with a capex factor -k0.03 and an existing-capacity factor
// -x0.03 (synthetic-n1000-l4000-c30-o700-s42-k0.03-x0.03: candidate links that pay; docs/benchmarks.md).
var arguments = args.ToList();
string? Option(string name)
{
    var i = arguments.IndexOf(name);
    if (i < 0 || i + 1 >= arguments.Count)
        return null;
    var value = arguments[i + 1];
    arguments.RemoveRange(i, 2);
    return value;
}

bool Flag(string name) => arguments.Remove(name);

var timeLimit = double.Parse(Option("--time-limit") ?? "30", CultureInfo.InvariantCulture);
var gap = double.Parse(Option("--gap") ?? "0.001", CultureInfo.InvariantCulture);
var backend = Option("--backend") ?? "scip";
var data = Option("--data");
var backendParams = Option("--backend-params");
var gates = Option("--gates");
var noGate = Flag("--no-gate");
var split = Flag("--split-classes");
var noStart = Flag("--no-start");
var noHeuristics = Flag("--no-heuristics");
var noCuts = Flag("--no-cuts");
var quick = Flag("--quick");
var bothGates = Flag("--gates");
var hint = Option("--hint") switch { "none" => false, "all" => (bool?)true, _ => null };
var verb = arguments.Count > 0 ? arguments[0] : "sizes";
var rest = arguments.Skip(1).ToList();

switch (verb)
{
    case "instance":
        Console.WriteLine(BenchmarkRunner.RunInstance(InstanceSize.Parse(rest[0]), backend, timeLimit, gap, tighten: !noGate, aggregate: !split, hint: hint, incumbent: !noStart, heuristics: !noHeuristics).Row());
        return 0;
    case "build":
        BenchmarkRunner.TimeFamilies(InstanceSize.Parse(rest[0]), Console.Out);
        return 0;
    case "backends":
        BenchmarkRunner.CompareOnNetwork(rest[0], Console.Out);
        return 0;
    case "sizes":
        var names = rest.Count > 0 ? rest :
        [
            "synthetic-n250-l1000-c30-o175-s42",
            "synthetic-n500-l2000-c30-o350-s42",
            "synthetic-n1000-l4000-c30-o700-s42",
        ];
        Console.WriteLine(BenchmarkResult.Header);
        foreach (var name in names)
        {
            // The gate is off by default (docs/model.md); --gates compares both.
            foreach (var gate in bothGates ? new[] { true, false } : [false])
            {
                // One process per run, so peak memory is that run's own.
                var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
                if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
                    start.ArgumentList.Add(typeof(BenchmarkRunner).Assembly.Location);
                foreach (var a in new[] { "instance", name, "--backend", backend, "--time-limit", timeLimit.ToString(CultureInfo.InvariantCulture), "--gap", gap.ToString(CultureInfo.InvariantCulture) })
                    start.ArgumentList.Add(a);
                if (!gate)
                    start.ArgumentList.Add("--no-gate");
                if (split)
                    start.ArgumentList.Add("--split-classes");
                if (noStart)
                    start.ArgumentList.Add("--no-start");
                using var child = Process.Start(start)!;
                Console.WriteLine(child.StandardOutput.ReadToEnd().TrimEnd());
                child.WaitForExit();
            }
        }

        return 0;
    case "inputs":
        var parts = (Option("--parts") ?? "lines,scenarios").Split(',');
        int[] lineSizes = [.. (Option("--line-sizes") ?? "200000,400000,1600000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))];
        InputBenchmarks.Run(arguments.Skip(1).FirstOrDefault() ?? "networks/chagai.network.json", parts, lineSizes, Console.Out);
        return 0;
    case "mcnd" or "cflp" or "dimacs":
        return StandardCommand.Solve(verb, rest, data, BenchmarkRunner.Backend(backend), timeLimit, gap, backendParams, gates, !noStart, !noHeuristics, !noCuts, Console.Out, Console.Error);
    case "heuristics":
        return StandardCommand.Heuristics(rest, data, timeLimit, Console.Out, Console.Error);
    case "root":
        return StandardCommand.Root(rest, data, quick, Console.Out, Console.Error);
    default:
        Console.Error.WriteLine($"Unknown verb '{verb}'. Use sizes, instance, backends, build, inputs, mcnd, cflp, dimacs, heuristics or root.");
        return 2;
}
