namespace Logistics.Network.IO.Json;

/// <summary>Where a JSON token starts: the file and its 1-based line and column. <see cref="File"/> is null for values made in code (sweeps).</summary>
public sealed record SourcePosition(string? File, int Line, int Column)
{
    public static readonly SourcePosition None = new(null, 0, 0);
    public bool IsKnown => File is not null && Line > 0;
}
