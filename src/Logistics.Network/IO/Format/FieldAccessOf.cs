namespace Logistics.Network.IO.Format;

/// <summary>The typed row access behind <see cref="FieldAccess.Of"/>.</summary>
internal sealed class FieldAccess<TRecord, TValue>(Func<TRecord, TValue> get, Func<TRecord, TValue, TRecord>? set, FieldCodec<TValue> codec) : FieldAccess
    where TRecord : class
{
    public override Type RecordType => typeof(TRecord);

    public override Type ValueType => typeof(TValue);

    public override bool CanSet => set is not null;

    public override object? Get(object record) => get((TRecord)record);

    public override object Set(object record, object? value) =>
        (set ?? throw new InvalidOperationException("This row is only written."))((TRecord)record, (TValue)value!);

    internal override object Bind(object record, IFieldSource source, FieldSpec field) =>
        set is null ? record : set((TRecord)record, codec.Read(source, field));

    internal override void Write(object record, IFieldSink sink, FieldSpec field) => codec.Write(sink, field, get((TRecord)record));
}
