using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

using Logistics.Analysis;
using Logistics.Optimisation;

namespace Logistics.Distributed;

/// <summary>
/// Everything that decides a study's numbers except the input files themselves (those are stored with it, by content
/// hash). Two submissions with the same inputs and the same definition (item size aside, which never changes a
/// number) are the same study. Settings added after the first kinds are left out of the JSON when unset, so studies
/// stored before them keep their keys.
/// </summary>
/// <param name="NetworkFile">The network file's path relative to the stored inputs' root (its own file name).</param>
/// <param name="Scenarios">Compare: the scenarios, in the order wanted (the base is always first).</param>
/// <param name="Scenario">Sweep and resilience: the scenario applied first; null for the base.</param>
/// <param name="Sweep">Sweep: what to vary.</param>
/// <param name="ItemSize">Units (solves, roughly) per work item: more means less overhead, fewer means finer spreading.</param>
/// <param name="Draws">Uncertainty: the number of Latin hypercube draws.</param>
/// <param name="Seed">Uncertainty: the seed the sample is made from (by whoever plans or runs an item: the same seed, the same draws).</param>
/// <param name="Tornado">Uncertainty: also the tornado (two solves per seed and correlation group).</param>
/// <param name="Regret">Uncertainty: also the candidate plans' regret (one plan-fixed solve per plan and draw).</param>
/// <param name="MaxCandidatePlans">Uncertainty with regret: at most this many of the most frequent optimal plans (<c>--plans</c>).</param>
/// <param name="Report">Report: the analyses and sweeps; <see cref="Draws"/> and <see cref="Seed"/> are its uncertainty section's (0 draws for none).</param>
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
    int Seed = 0,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool Tornado = false,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool Regret = false,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] int MaxCandidatePlans = 0,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ReportStudySettings? Report = null)
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
