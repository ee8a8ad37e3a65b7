namespace Logistics.Analysis;

/// <summary>Takes each link, corridor and port out in turn (N-1) and ranks the failures (docs/analyses.md, "resilience").</summary>
public static class ResilienceAnalysis
{
    public static ResilienceReport Run(Network.Model.Network network, AnalysisSettings settings, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException("Lands in the next commit.");
}
