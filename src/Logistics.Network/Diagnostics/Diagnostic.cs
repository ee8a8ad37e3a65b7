namespace Logistics.Network.Diagnostics;

/// <summary>
/// One problem found in a network file: a stable code (documented in docs/diagnostics.md), where it is
/// (element path such as <c>links[12].capacityTpy</c>, file, 1-based line and column) and what to do about it.
/// </summary>
public sealed record Diagnostic(
    string Code,
    Severity Severity,
    string Path,
    string? File,
    int? Line,
    int? Column,
    string Message,
    string? Hint)
{
    /// <summary>Formats as <c>file:line:col: error LG0101 at links[3].capacityTpy: message (hint: ...)</c>.</summary>
    public override string ToString()
    {
        var where = File is null ? "" : Line is null ? $"{File}: " : $"{File}:{Line}:{Column ?? 1}: ";
        var severity = Severity.ToString().ToLowerInvariant();
        var at = string.IsNullOrEmpty(Path) ? "" : $" at {Path}";
        var hint = string.IsNullOrEmpty(Hint) ? "" : $" Hint: {Hint}";
        return $"{where}{severity} {Code}{at}: {Message}{hint}";
    }
}
