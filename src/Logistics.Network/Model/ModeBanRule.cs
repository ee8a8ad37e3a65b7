namespace Logistics.Network.Model;

/// <summary>The commodity may not travel by the mode.</summary>
public sealed record ModeBanRule(
    RuleId Id,
    string Description,
    bool Enabled,
    CommodityId Commodity,
    TransportMode Mode) : PolicyRule(Id, Description, Enabled);
