using Logistics.Network.IO.Json;

namespace Logistics.Network.Diagnostics;

/// <summary>A documented diagnostic: its stable code, default severity, what it means and how to fix it.</summary>
public sealed record DiagnosticCode(string Code, Severity Severity, string Title, string Fix)
{
    /// <summary>Makes a diagnostic at a position read from a file (or from code when the position is unknown).</summary>
    public Diagnostic At(SourcePosition? position, string path, string message, string? hint = null) =>
        new(Code, Severity, path,
            position?.File,
            position is { Line: > 0 } ? position.Line : null,
            position is { Line: > 0 } ? position.Column : null,
            message, hint ?? Fix);

    /// <summary>Like <see cref="At(SourcePosition?, string, string, string?)"/>, with the message composed only when it is read.</summary>
    public Diagnostic At(SourcePosition? position, string path, Func<string> message, string? hint = null) =>
        At(position, path, (object)message, static m => ((Func<string>)m)(), hint);

    /// <summary>Like <see cref="At(SourcePosition?, string, Func{string}, string?)"/>, composed by a shared <paramref name="message"/> (a static lambda) from <paramref name="state"/>.</summary>
    internal Diagnostic At(SourcePosition? position, string path, object state, Func<object, string> message, string? hint = null) =>
        Diagnostic.Composed(Code, Severity, path,
            position?.File,
            position is { Line: > 0 } ? position.Line : null,
            position is { Line: > 0 } ? position.Column : null,
            state, message, hint ?? Fix);

    /// <summary>Makes a diagnostic about a whole file.</summary>
    public Diagnostic InFile(string? file, string message, string? hint = null) =>
        new(Code, Severity, "", file, null, null, message, hint ?? Fix);
}
