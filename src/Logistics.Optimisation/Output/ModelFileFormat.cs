namespace Logistics.Optimisation;

/// <summary>The text formats <see cref="NetworkOptimiser.ExportModel"/> writes a model in.</summary>
public enum ModelFileFormat
{
    /// <summary>CPLEX LP text (<c>.lp</c>).</summary>
    Lp,

    /// <summary>Free MPS (<c>.mps</c>).</summary>
    Mps,
}
