namespace Logistics.Network.IO.Format;

/// <summary>
/// How one row of the field table reaches the snapshot: a getter from the record the element binds to, a setter
/// through <c>with</c>, and the codec of the value's type. The binder and <see cref="NetworkWriter"/> iterate the rows
/// instead of naming the fields again; a row without access (ids of overlay files, the seeds folder, circuity) is
/// read or written by hand.
/// </summary>
public abstract class FieldAccess
{
    private protected FieldAccess()
    {
    }

    /// <summary>The record the row belongs to; a row of a subtype (an avoidThrough rule's markets) applies to it alone.</summary>
    public abstract Type RecordType { get; }

    public abstract Type ValueType { get; }

    /// <summary>False for a row that is written from the record but bound by hand (a rule's kind chooses the record type).</summary>
    public abstract bool CanSet { get; }

    public abstract bool AppliesTo(object record);

    public abstract object? Get(object record);

    public abstract object Set(object record, object? value);

    internal abstract object Bind(object record, IFieldSource source, FieldSpec field);

    internal abstract void Write(object record, IFieldSink sink, FieldSpec field);

    /// <summary>A row that is read and written.</summary>
    public static FieldAccess Of<TRecord, TValue>(Func<TRecord, TValue> get, Func<TRecord, TValue, TRecord> set, FieldCodec<TValue> codec)
        where TRecord : class => new FieldAccess<TRecord, TValue>(get, set, codec);

    /// <summary>A row that is only written (bound by hand, or a constant such as the schema path).</summary>
    public static FieldAccess Written<TRecord, TValue>(Func<TRecord, TValue> get, FieldCodec<TValue> codec)
        where TRecord : class => new FieldAccess<TRecord, TValue>(get, null, codec);
}
