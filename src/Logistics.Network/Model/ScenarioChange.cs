namespace Logistics.Network.Model;

/// <summary>One numeric change of a scenario: <c>path</c> names a field, for example <c>links[bolan].capacityTpy</c>.</summary>
/// <param name="Source">The seed the changed figure cites; null keeps the figure's own source.</param>
public sealed record ScenarioChange(string Path, ChangeOperation Operation, double Value, SeedId? Source = null)
{
    /// <summary>A scenario change in a file with periods may act from one period on; null: every period.</summary>
    public PeriodId? Period { get; init; }
}
