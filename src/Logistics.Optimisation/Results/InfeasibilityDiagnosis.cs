using System.Collections.Immutable;

namespace Logistics.Optimisation;

/// <summary>What makes an infeasible model infeasible (docs/model.md, "Infeasibility diagnosis").</summary>
/// <param name="Conflicts">One plain sentence per finding, in the order of <see cref="Findings"/>.</param>
public sealed record InfeasibilityDiagnosis(ImmutableArray<string> Conflicts)
{
    /// <summary>The findings: what cannot be done, the elements involved, the tonnes (or USD).</summary>
    public ImmutableArray<InfeasibilityFinding> Findings { get; init; } = [];

    /// <summary>How the diagnosis was made (the elastic re-solve and its penalties), for reports.</summary>
    public string Method { get; init; } = "";
}
