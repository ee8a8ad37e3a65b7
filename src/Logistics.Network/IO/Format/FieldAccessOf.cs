namespace Logistics.Network.IO.Format;

/// <summary>The typed row access behind <see cref="FieldAccess.Of"/>.</summary>
internal sealed class FieldAccess<TRecord, TValue>(Func<TRecord, TValue> get, Func<TRecord, TValue, TRecord>? set, FieldCodec<TValue> codec) : FieldAccess
    where TRecord : class
{
    public override Type RecordType => typeof(TRecord);

    public override Type ValueType => typeof(TValue);

    public override bool CanSet => set is not null;

    public override bool AppliesTo(object record) => record is TRecord;

    public override object? Get(object record) => get((TRecord)record);

    public override object Set(object record, object? value) =>
        (set ?? throw new InvalidOperationException("This row is only written."))((TRecord)record, (TValue)value!);

    /// <summary>
    /// Reads the row's value and sets it, unless the record already holds it (most fields of a file are at their
    /// defaults, the binder's starting values): a row reads back what it sets (FieldTableTests), so skipping that
    /// <c>with</c> gives the same record without a copy of it per field.
    /// </summary>
    internal override object Bind(object record, IFieldSource source, FieldSpec field)
    {
        if (set is null) return record;
        var typed = (TRecord)record;
        var value = codec.Read(source, field);
        return EqualityComparer<TValue>.Default.Equals(get(typed), value) ? typed : set(typed, value);
    }

    internal override void Write(object record, IFieldSink sink, FieldSpec field) => codec.Write(sink, field, get((TRecord)record));
}
