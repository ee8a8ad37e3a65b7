namespace Logistics.Network.Model;

/// <summary>
/// One change to one figure of a snapshot, named by its provenance path (e.g. <c>links[bolan].tariffUsdPerTkm</c>):
/// by default it sets the figure to <see cref="Value"/>; <see cref="Operation"/> may multiply or add instead, acting on
/// the figure's value at that point of its change set (after the changes before it).
/// </summary>
public sealed record FigureChange(string Path, double Value)
{
    public ChangeOperation Operation { get; init; } = ChangeOperation.Set;

    /// <summary>
    /// True when the change decides the seed the figure cites afterwards (<see cref="Source"/>, null for none); false
    /// keeps the figure's own. A file's changes decide it as binding would (the change's source, or the element's when a
    /// set replaces a figure that cited its own), so a period or sweep made on the snapshot cites what its binding would.
    /// </summary>
    public bool CitesSource { get; init; }

    public SeedId? Source { get; init; }
}
