using Logistics.Network.Diagnostics;
using Logistics.Network.IO.Format;
using Logistics.Network.IO.Json;

namespace Logistics.Network.IO;

/// <summary>One JSON input file read and parsed: its bytes (for the content hash) and its positioned tree.</summary>
public sealed record ParsedFile(string Path, byte[] Bytes, JNode Root);

/// <summary>
/// Reads one input file with every failure turned into a diagnostic: missing, a directory, empty, over the
/// size limit, unreadable, not JSON. Nothing here throws for a user's mistake.
/// </summary>
public static class FileInput
{
    public static (ParsedFile? File, Diagnostic? Problem) Read(string path, string displayPath)
    {
        if (Directory.Exists(path)) return (null, DiagnosticCodes.IsDirectory.InFile(displayPath, $"'{displayPath}' is a directory, not a file."));
        if (!File.Exists(path)) return (null, DiagnosticCodes.FileNotFound.InFile(displayPath, $"File '{displayPath}' does not exist."));
        byte[] bytes;
        try
        {
            var length = new FileInfo(path).Length;
            if (length > FormatTable.MaxFileBytes)
            {
                return (null, DiagnosticCodes.FileTooLarge.InFile(displayPath,
                    $"'{displayPath}' is {length / (1024.0 * 1024.0):F1} MiB; the limit is {FormatTable.MaxFileBytes / (1024 * 1024)} MiB."));
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (null, DiagnosticCodes.Unreadable.InFile(displayPath, $"Cannot read '{displayPath}': {ex.Message}"));
        }

        return Parse(path, displayPath, bytes);
    }

    public static (ParsedFile? File, Diagnostic? Problem) Parse(string path, string displayPath, byte[] bytes)
    {
        ReadOnlySpan<byte> body = bytes;
        if (body.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) body = body[3..];
        if (body.Trim(" \t\r\n"u8).IsEmpty)
            return (null, DiagnosticCodes.EmptyFile.InFile(displayPath, $"'{displayPath}' is empty."));
        var (root, error) = PositionedJsonReader.Parse(bytes, displayPath);
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
