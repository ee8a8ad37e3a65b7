using Logistics.Network.IO;
using Logistics.Network.Model;
using Logistics.Optimisation;

namespace Logistics.Reports.Content;

/// <summary>Names of enum values as a reader says them.</summary>
internal static class Words
{
    public static string Category(CostCategory category) => category switch
    {
        CostCategory.AnnualisedCapex => "Annualised capex",
        CostCategory.FixedOm => "Fixed O&M",
        CostCategory.Transport => "Transport",
        CostCategory.PortHandling => "Port handling",
        CostCategory.Transhipment => "Transhipment",
        CostCategory.InTransitCapital => "Capital in transit",
        CostCategory.Risk => "Risk surcharge",
        CostCategory.CapexOutlay => "Capex outlays",
        CostCategory.ResidualValue => "Residual value",
        _ => "Revenue",
    };

    /// <summary>The category as it reads inside a sentence ("fixed O&amp;M", "capital in transit").</summary>
    public static string CategoryInSentence(CostCategory category) => category == CostCategory.FixedOm ? "fixed O&M" : Category(category).ToLowerInvariant();

    public static string Status(SolveStatus status) => status switch
    {
        SolveStatus.Optimal => "optimal",
        SolveStatus.Feasible => "feasible (time limit: best found, not proven optimal)",
        SolveStatus.Infeasible => "infeasible (no plan meets every constraint)",
        SolveStatus.Unbounded => "unbounded",
        SolveStatus.NoSolution => "no solution (time limit before any was found)",
        _ => "solver error",
    };

    public static string Mode(TransportMode mode) => mode.ToString().ToLowerInvariant();

    public static string Decision(BuildDecision decision) => decision switch
    {
        BuildDecision.ForcedIn => "forced in",
        BuildDecision.ForcedOut => "forced out",
        _ => "free",
    };

    public static string Confidence(SeedConfidence confidence) => confidence switch
    {
        SeedConfidence.High => "H",
        SeedConfidence.Medium => "M",
        SeedConfidence.Low => "L",
        _ => "assumption",
    };
}
