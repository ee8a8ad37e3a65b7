using Logistics.Network.IO;

namespace Logistics.Analysis;

/// <summary>Varies one numeric field over a range and finds where the builds switch (docs/analyses.md, "sweep").</summary>
public static class SweepAnalysis
{
    /// <summary>Binds each value from <paramref name="source"/> with <see cref="LoadOptions.ExtraChanges"/> and solves it.</summary>
    /// <exception cref="AnalysisInputException">The path matches nothing or makes the network invalid.</exception>
    public static SweepReport Run(NetworkSource source, SweepRequest request, AnalysisSettings settings, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException("Lands in the next commit.");
}
