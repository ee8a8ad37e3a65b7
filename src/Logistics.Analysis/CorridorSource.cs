namespace Logistics.Analysis;

/// <summary>How a corridor was found.</summary>
public enum CorridorSource
{
    /// <summary>A maximal chain of links of one mode through nodes of degree 2.</summary>
    Chain,

    /// <summary>The links an investment option builds or expands (a named group).</summary>
    Option,
}
