using Logistics.Network.Model;

namespace Logistics.Application;

/// <summary>How a study runs <c>value</c>.</summary>
/// <param name="Only">Value only this option (and its bundle); null for every free option.</param>
public sealed record ValueOptions(OptionId? Only = null);
