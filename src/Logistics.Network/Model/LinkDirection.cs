namespace Logistics.Network.Model;

/// <summary>Whether cargo may travel a link in one direction (from → to) or both.</summary>
public enum LinkDirection
{
    OneWay,
    BothWays,
}
