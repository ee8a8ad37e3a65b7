using Logistics.Network.Model;

namespace Logistics.Optimisation;

/// <summary>The marginal value of one constraint, USD per year per unit of its right-hand side.</summary>
public sealed record ShadowPrice(string Constraint, double UsdPerUnit);
