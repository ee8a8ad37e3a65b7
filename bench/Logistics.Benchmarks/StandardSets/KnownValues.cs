using System.Collections.Immutable;

namespace Logistics.Benchmarks.StandardSets;

/// <summary>
/// Published optimal or best-known objective values, with their source (docs/benchmarks.md, "Standard sets"). Only
/// values found and checked here are listed; an instance without one is reported without a difference rather than
/// against a guessed figure.
/// </summary>
public static class KnownValues
{
    private const string Mcnd = "the optimum issue 13 quotes from the literature for the Canad C set (Crainic, Frangioni and Gendron); the paper itself was not opened here";

    private const string Cflp = "OR-Library capopt (J. E. Beasley, J. Oper. Res. Soc. 41 (1990) 1069-1072), as tabulated in public CFLP solver code; each one matched here by a proven-optimal solve";

    /// <summary>MCND C set: only c33's optimum was found (the rest of the literature's table was not available here).</summary>
    public static ImmutableDictionary<string, KnownValue> McndC { get; } = new Dictionary<string, KnownValue>(StringComparer.Ordinal)
    {
        ["c33"] = new(423_848, true, Mcnd),
    }.ToImmutableDictionary(StringComparer.Ordinal);

    /// <summary>OR-Library capacitated warehouse location, multi-source (split demand) optima.</summary>
    public static ImmutableDictionary<string, KnownValue> Cap { get; } = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["cap41"] = 1_040_444.375, ["cap42"] = 1_098_000.450, ["cap43"] = 1_153_000.450, ["cap44"] = 1_235_500.450,
        ["cap51"] = 1_025_208.225,
        ["cap61"] = 932_615.750, ["cap62"] = 977_799.400, ["cap63"] = 1_014_062.050, ["cap64"] = 1_045_650.250,
        ["cap71"] = 932_615.750, ["cap72"] = 977_799.400, ["cap73"] = 1_010_641.450, ["cap74"] = 1_034_976.975,
        ["cap81"] = 838_499.288, ["cap82"] = 910_889.563, ["cap83"] = 975_889.563, ["cap84"] = 1_069_369.525,
        ["cap91"] = 796_648.438, ["cap92"] = 855_733.500, ["cap93"] = 896_617.538, ["cap94"] = 946_051.325,
        ["cap101"] = 796_648.437, ["cap102"] = 854_704.200, ["cap103"] = 893_782.112, ["cap104"] = 928_941.750,
        ["cap111"] = 826_124.713, ["cap112"] = 901_377.213, ["cap113"] = 970_567.750, ["cap114"] = 1_063_356.488,
        ["cap121"] = 793_439.563, ["cap122"] = 852_524.625, ["cap123"] = 895_302.325, ["cap124"] = 946_051.325,
        ["cap131"] = 793_439.562, ["cap132"] = 851_495.325, ["cap133"] = 893_076.712, ["cap134"] = 928_941.750,
    }.ToImmutableDictionary(p => p.Key, p => new KnownValue(p.Value, true, Cflp), StringComparer.Ordinal);
}
