using System.Collections.Immutable;

namespace Logistics.Network.Model;

/// <summary>A rail, road, sea or pipeline connection between two nodes.</summary>
/// <param name="CapacityTpy">Tonnes per year per direction (or shared, see <see cref="Sharing"/>); null means unlimited.</param>
/// <param name="AllowedCommodities">Empty means every commodity may use the link.</param>
/// <param name="BuiltBy">The option that builds this link; null for a link that exists today.</param>
public sealed record Link(
    LinkId Id,
    string Name,
    NodeId From,
    NodeId To,
    TransportMode Mode,
    double LengthKm,
    LengthBasis LengthBasis,
    double TariffUsdPerTkm,
    double TariffUsdPerTonne,
    double? CapacityTpy,
    double TransitDays,
    LinkDirection Direction,
    CapacitySharing Sharing,
    ImmutableArray<CommodityId> AllowedCommodities,
    double RiskUsdPerTonne,
    OptionId? BuiltBy)
{
    public bool Allows(CommodityId commodity) => AllowedCommodities.IsDefaultOrEmpty || AllowedCommodities.Contains(commodity);

    /// <summary>Cost per tonne of one traversal: tonne-km tariff times length, plus the per-tonne tariff (no risk, no handling).</summary>
    public double TransportUsdPerTonne => TariffUsdPerTkm * LengthKm + TariffUsdPerTonne;
}
