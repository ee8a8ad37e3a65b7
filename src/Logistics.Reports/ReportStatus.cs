namespace Logistics.Reports;

/// <summary>How a bundle came out.</summary>
public enum ReportStatus
{
    /// <summary>Every requested solve finished (optimal, or with a stated gap).</summary>
    Complete,

    /// <summary>The network file is invalid; the bundle holds the validator's diagnostics instead of results.</summary>
    InvalidInput,

    /// <summary>At least one solve hit its time limit; the bundle states the best solution and its gap, or that none was found.</summary>
    TimedOut,
}
