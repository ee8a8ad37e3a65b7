using System.Globalization;
using System.Text.Json;

namespace Logistics.Network.IO.Json;

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
        if (FirstInvalidUtf8(utf8) is { } bad)
        {
            var (line, column) = lines.Position(bad);
            return (null, new JsonSyntaxError($"The byte 0x{utf8[bad]:X2} is not valid UTF-8 here.", line, column, Encoding: true));
        }

        var reader = new Utf8JsonReader(utf8, ReaderOptions);
        try
        {
            if (!reader.Read()) return (null, new JsonSyntaxError("The file holds no JSON value.", 1, 1));
            var root = ReadValue(ref reader, ref lines, file, new Scratch(), 0);
            if (reader.Read())
            {
                var (line, column) = lines.Position((int)reader.TokenStartIndex);
                return (null, new JsonSyntaxError("Unexpected content after the end of the JSON value.", line, column));
            }

            return (root, null);
        }
        catch (TextDecodingException ex)
        {
            var (line, column) = lines.Position(ex.Offset);
            return (null, new JsonSyntaxError(ex.Message, line, column, Encoding: true));
        }
        catch (JsonException ex)
        {
            var message = ex.Message;
            var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            if (cut > 0) message = message[..cut].TrimEnd();
            return (null, new JsonSyntaxError(message, (int)(ex.LineNumber ?? 0) + 1, (int)(ex.BytePositionInLine ?? 0) + 1));
        }
    }

    private static JNode ReadValue(ref Utf8JsonReader reader, ref LineMap lines, string? file, Scratch scratch, int depth)
    {
        var (line, column) = lines.Position((int)reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var properties = scratch.Properties(depth);
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var (nl, nc) = lines.Position((int)reader.TokenStartIndex);
                    var name = scratch.Text(ref reader);
                    reader.Read();
                    properties.Add(new JProperty(name, file, nl, nc, ReadValue(ref reader, ref lines, file, scratch, depth + 1)));
                }

                return new JObject(file, line, column, [.. properties]);
            case JsonTokenType.StartArray:
                var items = scratch.Items(depth);
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    items.Add(ReadValue(ref reader, ref lines, file, scratch, depth + 1));
                return new JArray(file, line, column, [.. items]);
            case JsonTokenType.String:
                return new JValue(file, line, column, JValueKind.String, scratch.Text(ref reader));
            case JsonTokenType.Number:
                var (number, literal) = Number(reader.ValueSpan);
                return new JValue(file, line, column, number, literal);
            case JsonTokenType.True:
                return new JValue(file, line, column, JValueKind.Boolean, "true");
            case JsonTokenType.False:
                return new JValue(file, line, column, JValueKind.Boolean, "false");
            default:
                return new JValue(file, line, column, JValueKind.Null, null);
        }
    }

    /// <summary>
    /// A number literal's value, parsed once from its bytes, and its text only when the value's round-trip form differs
    /// from it (1.0, 1e999): the node then gives back the literal as written without a string per number of the file.
    /// </summary>
    private static (double Value, string? Literal) Number(ReadOnlySpan<byte> literal)
    {
        var value = double.Parse(literal, NumberStyles.Float, CultureInfo.InvariantCulture);
        Span<byte> shortest = stackalloc byte[32];
        return value.TryFormat(shortest, out var written, "R", CultureInfo.InvariantCulture) && shortest[..written].SequenceEqual(literal)
            ? (value, null)
            : (value, System.Text.Encoding.UTF8.GetString(literal));
    }

    /// <summary>
    /// One reusable list per nesting depth: children are gathered there and copied once into a list of the exact size,
    /// instead of each of thousands of small objects growing its own list 4 → 8 → 16 (most of the reader's garbage).
    /// </summary>
    private sealed class Scratch
    {
        // Names and ids repeat through a file (every link's "from", its nodes' ids, "road"): one string each per parse.
        private const int SharedMaxBytes = 64;
        private readonly List<List<JProperty>> _properties = [];
        private readonly List<List<JNode>> _items = [];
        private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);

        /// <summary>A string or property name, the same instance for the same short unescaped text within one file.</summary>
        public string Text(ref Utf8JsonReader reader)
        {
            if (reader.ValueIsEscaped || reader.ValueSpan.Length > SharedMaxBytes) return PositionedJsonReader.Text(ref reader);
            Span<char> chars = stackalloc char[SharedMaxBytes];
            var length = System.Text.Encoding.UTF8.GetChars(reader.ValueSpan, chars);
            var lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
            if (lookup.TryGetValue(chars[..length], out var shared)) return shared;
            var text = new string(chars[..length]);
            _strings.Add(text, text);
            return text;
        }

        public List<JProperty> Properties(int depth) => Cleared(_properties, depth);

        public List<JNode> Items(int depth) => Cleared(_items, depth);

        private static List<T> Cleared<T>(List<List<T>> lists, int depth)
        {
            while (lists.Count <= depth) lists.Add([]);
            lists[depth].Clear();
            return lists[depth];
        }
    }

    /// <summary>A string or property name; an escape that leaves half a surrogate pair (<c>"\\ud800"</c>) is an encoding error, not a crash.</summary>
    private static string Text(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw new TextDecodingException("A \\u escape in this string leaves half a surrogate pair (write both halves, e.g. \\ud83d\\ude00, or the character itself).", (int)reader.TokenStartIndex);
        }
    }

    /// <summary>The offset of the first byte that is not valid UTF-8, or null when the whole text is.</summary>
    private static int? FirstInvalidUtf8(ReadOnlySpan<byte> utf8)
    {
        if (System.Text.Unicode.Utf8.IsValid(utf8)) return null;
        var offset = 0;
        while (offset < utf8.Length)
        {
            var status = System.Text.Rune.DecodeFromUtf8(utf8[offset..], out _, out var consumed);
            if (status != System.Buffers.OperationStatus.Done) return offset;
            offset += consumed;
        }

        return null;
    }

    private sealed class TextDecodingException(string message, int offset) : Exception(message)
    {
        public int Offset { get; } = offset;
    }

    /// <summary>
    /// Byte offset → 1-based line and column (columns count characters, not bytes). A line-start index finds the
    /// line by binary search; the column is counted on from the previous token when it is on the same line, so a
    /// file written on one line costs O(1) per token instead of a scan from the line's start (tokens come in order).
    /// </summary>
    private ref struct LineMap
    {
        private readonly List<int> _starts = [0];
        private readonly ReadOnlySpan<byte> _bytes; // the text itself, not a copy of it
        private int _lastOffset;
        private int _lastLine = -1;
        private int _lastColumn;

        public LineMap(ReadOnlySpan<byte> utf8)
        {
            _bytes = utf8;
            var span = _bytes;
            for (var i = span.IndexOf((byte)'\n'); i >= 0;)
            {
                _starts.Add(i + 1);
                var next = span[(i + 1)..].IndexOf((byte)'\n');
                i = next < 0 ? -1 : i + 1 + next;
            }
        }

        public (int Line, int Column) Position(int offset)
        {
            var index = LineOf(offset);
            int from, column;
            if (index == _lastLine && offset >= _lastOffset)
                (from, column) = (_lastOffset, _lastColumn);
            else
                (from, column) = (_starts[index], 1);
            var end = Math.Min(offset, _bytes.Length);
            for (var i = from; i < end; i++)
                if ((_bytes[i] & 0xC0) != 0x80) column++;
            (_lastOffset, _lastLine, _lastColumn) = (Math.Max(from, end), index, column);
            return (index + 1, column);
        }

        /// <summary>The 0-based line of <paramref name="offset"/>: tokens come in order, so step on from the last token's line; search only when going back.</summary>
        private readonly int LineOf(int offset)
        {
            if (_lastLine >= 0 && offset >= _starts[_lastLine])
            {
                var line = _lastLine;
                while (line + 1 < _starts.Count && _starts[line + 1] <= offset) line++;
                return line;
            }

            var index = _starts.BinarySearch(offset);
            return index < 0 ? ~index - 1 : index;
        }
    }
}
