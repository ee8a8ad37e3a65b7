using System.Collections.Immutable;

namespace Logistics.Network.IO.Format;

/// <summary>What the binder hands a codec: one element's checked values, the table's defaults applied, figures recorded.</summary>
internal interface IFieldSource
{
    string? Text(FieldSpec field);

    double? Number(FieldSpec field);

    bool Boolean(FieldSpec field);

    ImmutableArray<string> Ids(FieldSpec field);
}
