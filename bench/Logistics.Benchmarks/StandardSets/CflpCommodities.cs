namespace Logistics.Benchmarks.StandardSets;

/// <summary>How a CFLP file's customers map to commodities (see <see cref="CflpReader"/>).</summary>
public enum CflpCommodities
{
    /// <summary>A commodity per customer: the per-layer gates can express z_ij ≤ y_i (the standard-set runs).</summary>
    OnePerCustomer,

    /// <summary>One commodity for every customer: issue 15's conversion, and what the automatic backend choice reads as facility location.</summary>
    One,
}
