using Logistics.Network.Model;

namespace Logistics.Analysis;

/// <summary>Values investment options from pairs of forced solves (docs/analyses.md, "value").</summary>
public static class ValueAnalysis
{
    /// <summary>Values every option of <paramref name="network"/> (or only <paramref name="only"/>), with bundles for options that require others.</summary>
    public static ValueReport Run(Network.Model.Network network, AnalysisSettings settings, OptionId? only = null, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException("Lands in the next commit.");
}
