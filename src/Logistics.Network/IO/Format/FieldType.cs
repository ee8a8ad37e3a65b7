namespace Logistics.Network.IO.Format;

/// <summary>The JSON shape of a field as the format describes it.</summary>
public enum FieldType
{
    String,
    Id,
    Number,
    Integer,
    Boolean,
    Object,
    IdList,
    ObjectList,
}
