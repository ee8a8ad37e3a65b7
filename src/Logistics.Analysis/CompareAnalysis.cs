using System.Collections.Immutable;

using Logistics.Network.IO;

namespace Logistics.Analysis;

/// <summary>Solves the base and each scenario and sets them side by side (docs/analyses.md, "compare").</summary>
public static class CompareAnalysis
{
    /// <summary>Binds the base and each scenario from <paramref name="source"/> (no file re-reads) and solves them concurrently.</summary>
    /// <param name="scenarios">Scenario ids in the order wanted; the base is always added first.</param>
    public static ComparisonReport Run(NetworkSource source, IReadOnlyList<string> scenarios, AnalysisSettings settings, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException("Lands in the next commit.");
}
