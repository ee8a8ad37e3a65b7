using Logistics.Network.Model;

namespace Logistics.Optimisation;

/// <summary>
/// USD per tonne of one route, by cost category. <see cref="CapexShare"/> spreads each built option's annualised
/// capex and O&amp;M over the tonnes that use any element it builds or expands (docs/model.md). It is an accounting
/// allocation, not a cost of moving the tonne: a route that leaves a built line stops carrying a share while the
/// capex is still paid, so compare routes by <see cref="Operating"/> and read the share beside it.
/// </summary>
public sealed record PerTonneCost(double Transport, double Handling, double Transhipment, double InTransitCapital, double Risk, double CapexShare)
{
    /// <summary>What moving one tonne on this route costs: transport, handling, transhipment, capital in transit and risk.</summary>
    public double Operating => Transport + Handling + Transhipment + InTransitCapital + Risk;

    /// <summary><see cref="Operating"/> plus <see cref="CapexShare"/>.</summary>
    public double Total => Operating + CapexShare;
}
