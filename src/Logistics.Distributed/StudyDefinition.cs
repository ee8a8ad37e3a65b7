using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

using Logistics.Analysis;
using Logistics.Optimisation;

namespace Logistics.Distributed;

/// <summary>Which analysis a study runs (docs/distributed.md, "Studies").</summary>
public enum StudyKind
{
    /// <summary>The base and scenarios side by side (<c>logistics compare</c>): one unit per variant.</summary>
    Compare,

    /// <summary>One field over a range (<c>logistics sweep</c>): the first point, then the other points, then one unit per switching point.</summary>
    Sweep,

    /// <summary>N-1 outages (<c>logistics resilience</c>): the base optimum, then one unit per outage answer.</summary>
    Resilience,

    /// <summary>Monte Carlo draws (<c>logistics uncertainty --no-tornado --no-regret</c>): the central plan, then one unit per draw.</summary>
    Uncertainty,
}

/// <summary>
/// Everything that decides a study's numbers except the input files themselves (those are stored with it, by content
/// hash). Two submissions with the same inputs and the same definition (item size aside, which never changes a
/// number) are the same study.
/// </summary>
/// <param name="NetworkFile">The network file's path relative to the stored inputs' root (its own file name).</param>
/// <param name="Scenarios">Compare: the scenarios, in the order wanted (the base is always first).</param>
/// <param name="Scenario">Sweep and resilience: the scenario applied first; null for the base.</param>
/// <param name="Sweep">Sweep: what to vary.</param>
/// <param name="ItemSize">Units (solves, roughly) per work item: more means less overhead, fewer means finer spreading.</param>
/// <param name="Draws">Uncertainty: the number of Latin hypercube draws.</param>
/// <param name="Seed">Uncertainty: the seed the sample is made from (by whoever plans or runs an item: the same seed, the same draws).</param>
public sealed record StudyDefinition(
    StudyKind Kind,
    string NetworkFile,
    ImmutableArray<string> Scenarios,
    string? Scenario,
    SweepRequest? Sweep,
    SolverBackend Backend = SolverBackend.Auto,
    double? TimeLimitSeconds = null,
    double? RelativeGap = null,
    double UnshippedPenaltyUsdPerTonne = AnalysisSettings.DefaultUnshippedPenaltyUsdPerTonne,
    int ItemSize = 1,
    int Draws = 0,
    int Seed = 0)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>
    /// The settings every unit solves with: one thread per solve and one solve at a time per unit, which is what a
    /// single-machine analysis with <c>--parallel</c> above 1 uses too, so the answers are the same.
    /// </summary>
    public AnalysisSettings AnalysisSettings() =>
        new(new SolverSettings(Backend, TimeLimitSeconds is { } s ? TimeSpan.FromSeconds(s) : null, RelativeGap, Threads: 1), 1, UnshippedPenaltyUsdPerTonne);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <exception cref="JsonException">Not a stored definition.</exception>
    public static StudyDefinition FromJson(string json) => JsonSerializer.Deserialize<StudyDefinition>(json, Json) ?? throw new JsonException("Expected a study definition, found null.");

    /// <summary>SHA-256 over the inputs' content hash and the definition without its item size: equal keys, equal results.</summary>
    public string Key(string inputHash)
    {
        var canonical = (this with { ItemSize = 1 }).ToJson();
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(inputHash + "\n" + canonical)));
    }
}
