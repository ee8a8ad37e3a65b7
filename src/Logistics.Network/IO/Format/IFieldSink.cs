namespace Logistics.Network.IO.Format;

/// <summary>What the writer hands a codec: one element's JSON object, with the figures' sources at hand.</summary>
internal interface IFieldSink
{
    void Text(FieldSpec field, string value);

    /// <summary>A number; <paramref name="isDefault"/> lets the sink leave it out unless the snapshot records it as a figure.</summary>
    void Number(FieldSpec field, double value, bool isDefault);

    void Boolean(FieldSpec field, bool value);

    void Ids(FieldSpec field, IReadOnlyList<string> ids);

    /// <summary>A nested element (an object, or one item of a list of objects) written through its own rows under <paramref name="key"/>.</summary>
    void Element(FieldSpec field, object item, string key, bool inList);

    void StartList(FieldSpec field);

    void EndList();
}
