using Logistics.Network.Model;

namespace Logistics.Optimisation;

/// <summary>The marginal cost of one more tonne of a mine's output.</summary>
/// <param name="UsdPerTonne">Dual of <c>supply[MINE][COMMODITY]</c>: USD/yr the objective rises per extra t/yr of output (negative when the tonne earns more than it costs to ship; 0 when the mine leaves some output unshipped).</param>
public sealed record MineGatePrice(NodeId Mine, CommodityId Commodity, double UsdPerTonne);
