namespace Logistics.Network.IO.Json;

/// <summary>The kind of a scalar.</summary>
public enum JValueKind
{
    String,
    Number,
    Boolean,
    Null,
}
