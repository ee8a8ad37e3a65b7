using Logistics.Network.Model;

namespace Logistics.Optimisation.Model;

/// <summary>
/// Every coefficient of the objective, in one place: the model builder puts them into the objective, and the cost
/// accountant multiplies them by the extracted solution, so the breakdown and the objective cannot drift apart silently.
/// </summary>
internal static class CostCoefficients
{
    /// <summary>Capital recovery factor (<see cref="CapitalRecovery.Factor"/>).</summary>
    public static double CapitalRecoveryFactor(double rate, int lifetimeYears) => CapitalRecovery.Factor(rate, lifetimeYears);

    public static double AnnualisedCapex(NetworkSnapshot network, InvestmentOption option) =>
        option.CapexUsd * CapitalRecoveryFactor(network.Metadata.DiscountRate, option.LifetimeYears);

    /// <summary>Capital tied up in transit, USD per tonne for one traversal: value × rate × days / 365.</summary>
    public static double InTransitCapital(NetworkSnapshot network, CommodityId commodity, double transitDays) =>
        network.Commodity(commodity).ValueUsdPerTonne * network.Metadata.DiscountRate * transitDays / 365.0;

    /// <summary>The per-tonne cost of a class's flow on an arc, split by category.</summary>
    public static ArcCost ArcCost(NetworkSnapshot network, Arc arc, CommodityId commodity) => new(
        arc.TransportPerTonne,
        arc.HandlingPerTonne,
        arc.TranshipmentPerTonne,
        arc.Kind == ArcKind.Link ? InTransitCapital(network, commodity, arc.TransitDays) : 0,
        arc.RiskPerTonne);
}

/// <summary>USD per tonne on one arc, by category.</summary>
internal readonly record struct ArcCost(double Transport, double Handling, double Transhipment, double InTransitCapital, double Risk)
{
    public double Total => Transport + Handling + Transhipment + InTransitCapital + Risk;
}
