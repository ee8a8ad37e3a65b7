using System.Text.Json;

namespace Logistics.Network.IO.Json;

/// <summary>A JSON syntax error with its 1-based position.</summary>
public sealed record JsonSyntaxError(string Message, int Line, int Column);

/// <summary>
/// Reads JSON with comments and trailing commas into a <see cref="JNode"/> tree whose nodes carry 1-based
/// line and column. Utf8JsonReader reports byte offsets; a table of line starts turns them into positions.
/// </summary>
public static class PositionedJsonReader
{
    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = 64,
    };

    public static (JNode? Root, JsonSyntaxError? Error) Parse(ReadOnlySpan<byte> utf8, string? file)
    {
        if (utf8.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) utf8 = utf8[3..];
        var lines = new LineMap(utf8);
        var reader = new Utf8JsonReader(utf8, ReaderOptions);
        try
        {
            if (!reader.Read()) return (null, new JsonSyntaxError("The file holds no JSON value.", 1, 1));
            var root = ReadValue(ref reader, lines, file);
            if (reader.Read())
            {
                var (line, column) = lines.Position((int)reader.TokenStartIndex);
                return (null, new JsonSyntaxError("Unexpected content after the end of the JSON value.", line, column));
            }

            return (root, null);
        }
        catch (JsonException ex)
        {
            var message = ex.Message;
            var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            if (cut > 0) message = message[..cut].TrimEnd();
            return (null, new JsonSyntaxError(message, (int)(ex.LineNumber ?? 0) + 1, (int)(ex.BytePositionInLine ?? 0) + 1));
        }
    }

    private static JNode ReadValue(ref Utf8JsonReader reader, LineMap lines, string? file)
    {
        var (line, column) = lines.Position((int)reader.TokenStartIndex);
        var position = new SourcePosition(file, line, column);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var obj = new JObject(position);
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var (nl, nc) = lines.Position((int)reader.TokenStartIndex);
                    var name = reader.GetString()!;
                    reader.Read();
                    obj.Properties.Add(new JProperty(name, new SourcePosition(file, nl, nc), ReadValue(ref reader, lines, file)));
                }

                return obj;
            case JsonTokenType.StartArray:
                var array = new JArray(position);
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    array.Items.Add(ReadValue(ref reader, lines, file));
                return array;
            case JsonTokenType.String:
                return new JValue(position, JValueKind.String, reader.GetString());
            case JsonTokenType.Number:
                return new JValue(position, JValueKind.Number, System.Text.Encoding.UTF8.GetString(reader.ValueSpan));
            case JsonTokenType.True:
                return new JValue(position, JValueKind.Boolean, "true");
            case JsonTokenType.False:
                return new JValue(position, JValueKind.Boolean, "false");
            default:
                return new JValue(position, JValueKind.Null, null);
        }
    }

    /// <summary>Byte offset → 1-based line and column (columns count characters, not bytes).</summary>
    private sealed class LineMap
    {
        private readonly List<int> _starts = [0];
        private readonly byte[] _bytes;

        public LineMap(ReadOnlySpan<byte> utf8)
        {
            _bytes = utf8.ToArray();
            for (var i = 0; i < _bytes.Length; i++)
                if (_bytes[i] == (byte)'\n') _starts.Add(i + 1);
        }

        public (int Line, int Column) Position(int offset)
        {
            var index = _starts.BinarySearch(offset);
            if (index < 0) index = ~index - 1;
            var column = 1;
            for (var i = _starts[index]; i < offset && i < _bytes.Length; i++)
                if ((_bytes[i] & 0xC0) != 0x80) column++;
            return (index + 1, column);
        }
    }
}
