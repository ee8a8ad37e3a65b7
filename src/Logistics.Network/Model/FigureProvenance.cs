namespace Logistics.Network.Model;

/// <summary>One figure the network uses, where it sits and which seed (if any) it cites. Reports print these as the assumptions appendix.</summary>
public sealed record FigureProvenance(string Path, double Value, string Unit, SeedId? Source);
