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
    // A message may be composed only when read: a file without seeds yields a warning per figure (thousands), and
    // most hosts count them or show the first few, so formatting every one of them cost a large part of loading. The
    // composer is shared (a static lambda) and composes from its state, so such a warning carries no closure of its own.
    private string? _message = Message;
    private Func<object, string>? _compose;
    private object? _state;

    public string Message
    {
        get => _message ??= _compose!(_state!);
        init => (_message, _compose, _state) = (value, null, null);
    }

    /// <summary>A diagnostic whose message <paramref name="compose"/> writes from <paramref name="state"/> when first read; equal to one made with the same text.</summary>
    internal static Diagnostic Composed(string code, Severity severity, string path, string? file, int? line, int? column, object state, Func<object, string> compose, string? hint) =>
        new(code, severity, path, file, line, column, null!, hint) { _compose = compose, _state = state, _message = null };

    public bool Equals(Diagnostic? other) =>
        other is not null && Code == other.Code && Severity == other.Severity && Path == other.Path && File == other.File
        && Line == other.Line && Column == other.Column && Hint == other.Hint && Message == other.Message;

    public override int GetHashCode() => HashCode.Combine(Code, Severity, Path, File, Line, Column, Message, Hint);

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
