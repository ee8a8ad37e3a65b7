using Logistics.Network.Diagnostics;
using Logistics.Network.IO.Json;

namespace Logistics.Network.IO;

/// <summary>
/// Reads one input file (through <see cref="InputFileReader"/>) with every failure turned into a diagnostic: missing,
/// a directory or special file, empty, over the size limit, unreadable, not UTF-8, not JSON. Nothing here throws for a user's mistake.
/// </summary>
public static class FileInput
{
    public static (ParsedFile? File, Diagnostic? Problem) Read(string path, string displayPath)
    {
        var read = InputFileReader.Read(path, displayPath);
        return read.Bytes is { } bytes ? Parse(path, displayPath, bytes) : (null, read.Problem);
    }

    public static (ParsedFile? File, Diagnostic? Problem) Parse(string path, string displayPath, byte[] bytes)
    {
        ReadOnlySpan<byte> body = bytes;
        if (body.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) body = body[3..];
        if (body.Trim(" \t\r\n"u8).IsEmpty)
            return (null, DiagnosticCodes.EmptyFile.InFile(displayPath, $"'{displayPath}' is empty."));
        var (root, error) = PositionedJsonReader.Parse(bytes, displayPath);
        if (error is { Encoding: true })
            return (null, DiagnosticCodes.NotUtf8.At(new SourcePosition(displayPath, error.Line, error.Column), "", error.Message));
        if (error is not null)
        {
            return (null, DiagnosticCodes.Syntax.At(new SourcePosition(displayPath, error.Line, error.Column), "",
                $"Not valid JSON: {error.Message}"));
        }

        if (root is not JObject)
            return (null, DiagnosticCodes.NotAnObject.At(root!.Position, "", $"The top level is {root.TypeName}, not an object."));
        return (new ParsedFile(path, bytes, root), null);
    }
}
