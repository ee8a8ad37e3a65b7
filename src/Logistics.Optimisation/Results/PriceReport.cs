using System.Collections.Immutable;

namespace Logistics.Optimisation;

/// <summary>
/// Shadow prices from the linear programme left when every option is fixed at its chosen value (docs/model.md,
/// "Prices"). They are conditional on those builds: building something else changes them.
/// </summary>
/// <param name="Prices">The raw dual of every capacity, supply and delivery row with a non-zero dual, by constraint
/// name: USD/yr change of the objective per unit more of the row's right-hand side.</param>
public sealed record PriceReport(ImmutableArray<ShadowPrice> Prices)
{
    /// <summary>Says that the prices hold for the chosen builds only (printed with them).</summary>
    public string Note { get; init; } = "";

    /// <summary>Binding capacities (link directions, shared pools, ports), sorted by kind, element, direction.</summary>
    public ImmutableArray<CapacityPrice> Capacities { get; init; } = [];

    /// <summary>Every flow class (commodity × market), sorted by commodity then market.</summary>
    public ImmutableArray<MarketPrice> Markets { get; init; } = [];

    /// <summary>Every mine supply, sorted by mine then commodity.</summary>
    public ImmutableArray<MineGatePrice> MineGates { get; init; } = [];
}
