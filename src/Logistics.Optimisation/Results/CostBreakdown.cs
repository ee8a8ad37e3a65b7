using System.Collections.Immutable;

namespace Logistics.Optimisation;

/// <summary>
/// The objective recomputed from the extracted solution, by category and by commodity. Capex and O&amp;M are in the
/// <c>shared</c> bucket. Every solve checks <see cref="Total"/> against the solver's objective.
/// </summary>
public sealed record CostBreakdown(ImmutableArray<CostLine> Lines, double Total)
{
    public const string SharedBucket = "shared";

    public static CostBreakdown Empty { get; } = new([], 0);

    public double Category(CostCategory category) => Lines.Where(l => l.Category == category).Sum(l => l.UsdPerYear);

    public double Bucket(string bucket) => Lines.Where(l => l.Bucket == bucket).Sum(l => l.UsdPerYear);
}
