using System.Collections.Immutable;
using System.Text.Json.Serialization;

using Logistics.Network.Model;

namespace Logistics.Analysis;

/// <summary>The base network and a set of scenarios solved side by side (<c>logistics compare</c>).</summary>
/// <param name="NetworkName">The network's metadata name.</param>
/// <param name="Outcomes">The base first, then the scenarios in the order asked for.</param>
/// <param name="Commodities">Every commodity of the network, sorted by id (columns of the cost-per-tonne table).</param>
/// <param name="Ports">Every port of the network, sorted by id (columns of the port table).</param>
/// <param name="Options">Every investment option of the base network, sorted by id.</param>
public sealed record ComparisonReport(
    string NetworkName,
    ImmutableArray<ScenarioOutcome> Outcomes,
    ImmutableArray<CommodityId> Commodities,
    ImmutableArray<NodeId> Ports,
    ImmutableArray<OptionId> Options) : IAnalysisReport
{
    /// <summary>How many solves ran and how many stopped before proving optimality (time or gap limit).</summary>
    public SolveTally Tally { get; init; } = SolveTally.None;

    /// <summary>
    /// For a plan over time (a file with periods), the year its present values are in: every cost figure of the
    /// report is then a present value in that year's real USD over the whole horizon, not USD/yr. Null, and absent
    /// from JSON, for a one-period network.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? PresentValueBaseYear { get; init; }

    /// <summary>For a plan over time, its first period ("2028–2029"): the routes, cost per tonne and port tonnes are that period's. Null otherwise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? FirstPeriod { get; init; }

    /// <summary>The base network's outcome (always the first; not repeated in JSON).</summary>
    [JsonIgnore]
    public ScenarioOutcome Base => Outcomes[0];
}
