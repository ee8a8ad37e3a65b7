namespace Logistics.Benchmarks.EndToEnd;

/// <summary>One instance of the side-by-side run: the pipelines' outcomes and the published optimum they must all reach.</summary>
public sealed record EndToEndRow(string Name, int Links, double Published, PipelineOutcome Logistics, PipelineOutcome Cbc, PipelineOutcome Pulp)
{
    /// <summary>Relative agreement demanded with the published optimum (the published figures have three decimals).</summary>
    public const double Tolerance = 1e-6;

    /// <summary>The further logistics executables (<c>--also-cli</c>), in the order given.</summary>
    public IReadOnlyList<PipelineOutcome> AlsoClis { get; init; } = [];

    public IEnumerable<PipelineOutcome> Outcomes => [Logistics, .. AlsoClis, Cbc, Pulp];

    /// <summary>The largest relative difference of the objectives from the published optimum (infinite when one has none).</summary>
    public double WorstDifference =>
        Outcomes.Max(o => o.Objective is { } v ? Math.Abs(v - Published) / Math.Max(1, Math.Abs(Published)) : double.PositiveInfinity);

    public bool Agrees => Outcomes.All(o => o.Optimal) && WorstDifference <= Tolerance;
}
