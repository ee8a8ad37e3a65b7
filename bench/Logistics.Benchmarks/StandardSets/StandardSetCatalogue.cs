using Logistics.TestKit;

namespace Logistics.Benchmarks.StandardSets;

/// <summary>Finds an instance of a standard set by name in the benchmark folder and reads it.</summary>
public static class StandardSetCatalogue
{
    public static readonly string[] Sets = ["mcnd", "cflp", "dimacs", "synthetic"];

    /// <param name="set">mcnd (name like c33), cflp (name like cap41) or dimacs (a path to a .min file, or a path under mincost/ such as netgen/netgen_8_08a).</param>
    public static StandardInstance Load(string set, string name, string folder)
    {
        switch (set)
        {
            case "mcnd":
            {
                var path = Existing(Path.Combine(folder, "mcnd", "C", name + ".dow"), "an MCND C instance name such as c33 (c34 does not exist)");
                return new StandardInstance(set, name, McndReader.Read(path), KnownValues.McndC.GetValueOrDefault(name));
            }

            case "cflp":
            {
                var path = Existing(Path.Combine(folder, "cflp", name + ".txt"), "an OR-Library file name such as cap41 or capa8000");
                return new StandardInstance(set, name, CflpReader.Read(path), KnownValues.Cap.GetValueOrDefault(name));
            }

            case "dimacs":
            {
                var candidates = new[] { name, name + ".min", Path.Combine(folder, "mincost", name), Path.Combine(folder, "mincost", name + ".min") };
                var path = candidates.FirstOrDefault(File.Exists)
                    ?? throw new FileNotFoundException($"No DIMACS file '{name}': give a path to a .min file or one under mincost/ such as netgen/netgen_8_08a.");
                var (network, negative) = DimacsReader.Read(path);
                var optimum = DimacsReader.ReadSolution(Path.ChangeExtension(path, ".sol"));
                var known = optimum is { } v ? new KnownValue(v, true, "the instance's .sol file (pdegenhardt/MinCostFlow; a second party's solver result, not a literature table)") : null;
                return new StandardInstance(set, Path.GetFileNameWithoutExtension(path), network, known, negative);
            }

            case "synthetic":
                // Not a standard set: the seeded generator's instances (names as the instance verb takes them), so the
                // per-step verbs (heuristics, root) can look inside the synthetic design instances too. No known value.
                return new StandardInstance(set, name, SyntheticNetworks.Generate(InstanceSize.Parse(name)), null);

            default:
                throw new ArgumentException($"Unknown standard set '{set}'; use one of {string.Join(", ", Sets)}.", nameof(set));
        }
    }

    private static string Existing(string path, string hint) =>
        File.Exists(path) ? path : throw new FileNotFoundException($"No benchmark file '{path}'; give {hint}.");
}
