namespace Logistics.Network.IO.Json;

/// <summary>A JSON syntax error with its 1-based position; <paramref name="Encoding"/> when the text is not valid UTF-8 (or a \\u escape leaves half a surrogate pair).</summary>
public sealed record JsonSyntaxError(string Message, int Line, int Column, bool Encoding = false);
