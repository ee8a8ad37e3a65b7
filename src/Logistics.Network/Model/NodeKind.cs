namespace Logistics.Network.Model;

/// <summary>What a node is. Mines supply, markets buy, ports hand cargo between land and sea.</summary>
public enum NodeKind
{
    Mine,
    Junction,
    Port,
    Market,
}
