namespace Logistics.Network.Model;

/// <summary>How a link carries cargo. A change of mode at a node costs its transhipment charge.</summary>
public enum TransportMode
{
    Road,
    Rail,
    Sea,
    Pipeline,
}
