using Logistics.Network.IO.Format;
using Logistics.Network.IO.Json;

namespace Logistics.Network.IO;

/// <summary>One JSON input file read and parsed: its bytes (for the content hash) and its positioned tree.</summary>
public sealed record ParsedFile(string Path, byte[] Bytes, JNode Root);
