using System.Globalization;

using Google.OrTools.LinearSolver;

using Logistics.Network.IO;
using Logistics.Network.Loading;
using Logistics.Network.Model;
using Logistics.Optimisation.Model;
using Logistics.Optimisation.Output;

using ImportedModel = Google.OrTools.ModelBuilder.Model;
using ImportedSolver = Google.OrTools.ModelBuilder.Solver;

namespace Logistics.Optimisation.Tests;

/// <summary>
/// The exported LP and MPS files carry every coefficient exactly (OR-Tools' own exporters rounded them to 6
/// significant digits, and CBC then solved a different model), and a solver reading them back finds our optimum.
/// </summary>
public sealed class ModelFileWriterTests
{
    private static readonly string File = Path.Combine(RepositoryPaths.Root, "networks", "chagai.network.json");

    private static (Solver Solver, NetworkSnapshot Network) BuildDefault()
    {
        var loaded = NetworkLoader.Load(File);
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Errors));
        var solver = Solver.CreateSolver("SCIP");
        ModelBuilder.Build(loaded.Network!, solver, integerBuilds: true);
        return (solver, loaded.Network!);
    }

    [Fact]
    public void Every_coefficient_bound_and_right_hand_side_in_the_MPS_file_parses_back_to_the_solvers_exact_double()
    {
        var (solver, _) = BuildDefault();
        using var owned = solver;
        var text = ModelFileWriter.ToMps(solver);
        var variables = solver.variables().ToDictionary(v => v.Name(), StringComparer.Ordinal);
        var constraints = solver.constraints().ToDictionary(c => c.Name(), StringComparer.Ordinal);

        var section = "";
        int entries = 0, rounded = 0;
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line[0] == '*') continue;
            if (!char.IsWhiteSpace(line[0])) { section = line.Split(' ')[0]; continue; }
            var t = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            switch (section)
            {
                case "COLUMNS" when t[1] != "'MARKER'":
                    var expected = t[1] == "COST" ? solver.Objective().GetCoefficient(variables[t[0]]) : constraints[t[1]].GetCoefficient(variables[t[0]]);
                    Assert.Equal(expected, Parse(t[2]));
                    entries++;
                    if (expected.ToString("G6", CultureInfo.InvariantCulture) != ModelFileWriter.Number(expected)) rounded++;
                    break;
                case "RHS":
                    var row = constraints[t[1]];
                    Assert.Contains(Parse(t[2]), new[] { row.Lb(), row.Ub() });
                    break;
                case "BOUNDS" when t[0] is "UP" or "LO" or "FX":
                    var v = variables[t[2]];
                    Assert.Equal(t[0] == "UP" ? v.Ub() : v.Lb(), Parse(t[3]));
                    break;
                default:
                    break;
            }
        }

        Assert.True(entries > 1000, $"only {entries} column entries");
        // The point of the test: the default network has coefficients that 6 significant digits would have changed.
        Assert.True(rounded > 100, $"only {rounded} coefficients need more than 6 digits");
    }

    [Fact]
    public void Every_coefficient_and_right_hand_side_in_the_LP_file_parses_back_to_the_solvers_exact_double()
    {
        var (solver, _) = BuildDefault();
        using var owned = solver;
        var text = ModelFileWriter.ToLp(solver);
        var variables = solver.variables();
        var objective = text[(text.IndexOf(" obj:", StringComparison.Ordinal) + 5)..text.IndexOf("Subject To", StringComparison.Ordinal)];
        var expectedObjective = variables.Select(v => solver.Objective().GetCoefficient(v)).Where(c => c != 0).ToList();
        Assert.Equal(expectedObjective, Coefficients(objective.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));

        // Rows come in the model's order, terms in variable order (the default network has no ranged rows).
        var body = text[(text.IndexOf("Subject To", StringComparison.Ordinal) + 10)..text.IndexOf("\nBounds", StringComparison.Ordinal)];
        var rows = body.Split(": ", StringSplitOptions.None).Skip(1).ToList();
        var constraints = solver.constraints();
        Assert.Equal(constraints.Count, rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var c = constraints[i];
            var tokens = rows[i].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            var sense = Array.FindIndex(tokens, t => t is "=" or "<=" or ">=");
            Assert.Equal(variables.Select(v => c.GetCoefficient(v)).Where(x => x != 0).ToList(), Coefficients(tokens[..sense]));
            Assert.Equal(tokens[sense] == "<=" ? c.Ub() : c.Lb(), Parse(tokens[sense + 1]));
        }
    }

    [Fact]
    public void SCIP_and_HiGHS_reading_the_exported_MPS_file_back_find_our_optimum_to_a_billionth()
    {
        // OR-Tools reads MPS; its LP reader takes the lp_solve dialect, not the CPLEX LP we write, so LP is checked above.
        var (solver, network) = BuildDefault();
        using var owned = solver;
        var ours = Solve.Optimal(network).Objective!.Value;

        var imported = new ImportedModel();
        Assert.True(imported.Helper.ImportFromMpsString(ModelFileWriter.ToMps(solver)), "OR-Tools could not read the exported MPS file");
        Assert.Equal(solver.NumVariables(), imported.VariablesCount());

        var solved = new List<string>();
        foreach (var backend in new[] { "scip", "highs", "cbc" })
        {
            var reSolver = new ImportedSolver(backend);
            if (!reSolver.SolverIsSupported()) continue;
            if (backend == "scip") reSolver.SetSolverSpecificParameters("limits/gap = 0");
            reSolver.Solve(imported);
            Assert.True(reSolver.HasSolution(), $"{backend} found no solution of the MPS file");
            Assert.True(Math.Abs(reSolver.ObjectiveValue - ours) <= 1e-9 * Math.Abs(ours),
                $"{backend} re-solves the MPS file to {reSolver.ObjectiveValue:R}, we solve to {ours:R}");
            solved.Add(backend);
        }

        // OR-Tools' model builder offers SCIP and HiGHS here; CBC when the build includes it (this one does not).
        Assert.Contains("scip", solved);
        Assert.Contains("highs", solved);
    }

    /// <summary>Coefficients of <c>+ 2 x - 1.5 y</c> token triples.</summary>
    private static List<double> Coefficients(string[] tokens)
    {
        var coefficients = new List<double>();
        for (var k = 0; k + 1 < tokens.Length; k += 3)
            coefficients.Add((tokens[k] == "-" ? -1 : 1) * Parse(tokens[k + 1]));
        return coefficients;
    }

    private static double Parse(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
