namespace Logistics.Network.IO.Format;

/// <summary>
/// Reads a value of one type from a checked element and writes it back, leaving out what the file may leave out
/// (absent, or at the table's default unless <see cref="FieldSpec.AlwaysWritten"/>). The instances are in
/// <see cref="FieldCodecs"/>.
/// </summary>
public abstract class FieldCodec<T>
{
    private protected FieldCodec()
    {
    }

    internal abstract T Read(IFieldSource source, FieldSpec field);

    internal abstract void Write(IFieldSink sink, FieldSpec field, T value);
}
