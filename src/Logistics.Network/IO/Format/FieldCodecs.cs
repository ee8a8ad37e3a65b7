using System.Collections.Immutable;
using System.Globalization;

namespace Logistics.Network.IO.Format;

/// <summary>The codecs of the field table's value types.</summary>
public static class FieldCodecs
{
    /// <summary>A string; absent reads as the default, or "" without one.</summary>
    public static readonly FieldCodec<string> Text = new TextCodec();

    /// <summary>A string whose absence means something other than a value (a name that defaults to the id).</summary>
    public static readonly FieldCodec<string?> OptionalText = new OptionalTextCodec();

    public static readonly FieldCodec<double> Number = new NumberCodec(0);

    public static readonly FieldCodec<double?> OptionalNumber = new OptionalNumberCodec();

    public static readonly FieldCodec<bool> Boolean = new BooleanCodec();

    /// <summary>A whole number; <paramref name="absent"/> is used when the field is absent and has no default.</summary>
    public static FieldCodec<int> Integer(int absent = 0) => new IntegerCodec(absent);

    public static FieldCodec<TId> Id<TId>(Func<string, TId> make, Func<TId, string> text) where TId : struct => new IdCodec<TId>(make, text);

    public static FieldCodec<TId?> OptionalId<TId>(Func<string, TId> make, Func<TId, string> text) where TId : struct => new OptionalIdCodec<TId>(make, text);

    public static FieldCodec<ImmutableArray<TId>> IdList<TId>(Func<string, TId> make, Func<TId, string> text) => new IdListCodec<TId>(make, text);

    /// <summary>One of the field's allowed texts, each standing for one value.</summary>
    public static FieldCodec<T> Choice<T>(params (string Text, T Value)[] choices) where T : struct, Enum => new ChoiceCodec<T>(choices);

    /// <summary>A nested object, written through its element's rows; bound by hand (its checks span fields).</summary>
    public static FieldCodec<T?> Element<T>() where T : class => new ElementCodec<T>();

    /// <summary>A list of nested objects; <paramref name="key"/> names an item in figure paths (its id, commodity or target).</summary>
    public static FieldCodec<ImmutableArray<T>> Elements<T>(Func<T, int, string> key) where T : class => new ElementsCodec<T>(key);

    private static bool Skips(FieldSpec field, bool isDefault) => isDefault && !field.AlwaysWritten;

    private static double? DefaultNumber(FieldSpec field) =>
        field.Default is { } d ? Convert.ToDouble(d, CultureInfo.InvariantCulture) : null;

    private sealed class TextCodec : FieldCodec<string>
    {
        internal override string Read(IFieldSource source, FieldSpec field) => source.Text(field) ?? "";

        internal override void Write(IFieldSink sink, FieldSpec field, string value)
        {
            if (!Skips(field, field.Default is string d && string.Equals(d, value, StringComparison.Ordinal))) sink.Text(field, value);
        }
    }

    private sealed class OptionalTextCodec : FieldCodec<string?>
    {
        internal override string? Read(IFieldSource source, FieldSpec field) => source.Text(field);

        internal override void Write(IFieldSink sink, FieldSpec field, string? value)
        {
            if (value is not null) Text.Write(sink, field, value);
        }
    }

    private sealed class NumberCodec(double absent) : FieldCodec<double>
    {
        internal override double Read(IFieldSource source, FieldSpec field) => source.Number(field) ?? absent;

        internal override void Write(IFieldSink sink, FieldSpec field, double value) =>
            sink.Number(field, value, !field.AlwaysWritten && DefaultNumber(field) is { } d && value.Equals(d));
    }

    private sealed class OptionalNumberCodec : FieldCodec<double?>
    {
        internal override double? Read(IFieldSource source, FieldSpec field) => source.Number(field);

        internal override void Write(IFieldSink sink, FieldSpec field, double? value)
        {
            if (value is { } v) sink.Number(field, v, isDefault: false);
        }
    }

    private sealed class IntegerCodec(int absent) : FieldCodec<int>
    {
        internal override int Read(IFieldSource source, FieldSpec field) => source.Number(field) is { } d ? (int)d : absent;

        internal override void Write(IFieldSink sink, FieldSpec field, int value) =>
            sink.Number(field, value, !field.AlwaysWritten && DefaultNumber(field) is { } d && value == d);
    }

    private sealed class BooleanCodec : FieldCodec<bool>
    {
        internal override bool Read(IFieldSource source, FieldSpec field) => source.Boolean(field);

        internal override void Write(IFieldSink sink, FieldSpec field, bool value)
        {
            if (!Skips(field, field.Default is bool d && d == value)) sink.Boolean(field, value);
        }
    }

    private sealed class IdCodec<TId>(Func<string, TId> make, Func<TId, string> text) : FieldCodec<TId>
        where TId : struct
    {
        internal override TId Read(IFieldSource source, FieldSpec field) => source.Text(field) is { } t ? make(t) : default;

        internal override void Write(IFieldSink sink, FieldSpec field, TId value) => sink.Text(field, text(value));
    }

    private sealed class OptionalIdCodec<TId>(Func<string, TId> make, Func<TId, string> text) : FieldCodec<TId?>
        where TId : struct
    {
        internal override TId? Read(IFieldSource source, FieldSpec field) => source.Text(field) is { } t ? make(t) : null;

        internal override void Write(IFieldSink sink, FieldSpec field, TId? value)
        {
            if (value is { } v) sink.Text(field, text(v));
        }
    }

    private sealed class IdListCodec<TId>(Func<string, TId> make, Func<TId, string> text) : FieldCodec<ImmutableArray<TId>>
    {
        internal override ImmutableArray<TId> Read(IFieldSource source, FieldSpec field)
        {
            var ids = source.Ids(field);
            if (ids.IsEmpty) return [];
            var builder = ImmutableArray.CreateBuilder<TId>(ids.Length);
            foreach (var id in ids) builder.Add(make(id));
            return builder.MoveToImmutable();
        }

        internal override void Write(IFieldSink sink, FieldSpec field, ImmutableArray<TId> value)
        {
            var ids = value.IsDefault ? [] : value.Select(text).ToList();
            if (!Skips(field, ids.Count == 0)) sink.Ids(field, ids);
        }
    }

    private sealed class ChoiceCodec<T>((string Text, T Value)[] choices) : FieldCodec<T>
        where T : struct, Enum
    {
        internal override T Read(IFieldSource source, FieldSpec field)
        {
            var text = source.Text(field);
            foreach (var c in choices)
            {
                if (string.Equals(c.Text, text, StringComparison.Ordinal)) return c.Value;
            }

            return default;
        }

        internal override void Write(IFieldSink sink, FieldSpec field, T value)
        {
            foreach (var c in choices)
            {
                if (EqualityComparer<T>.Default.Equals(c.Value, value))
                {
                    Text.Write(sink, field, c.Text);
                    return;
                }
            }

            throw new InvalidOperationException($"{value} has no text in '{field.Name}'.");
        }
    }

    private sealed class ElementCodec<T> : FieldCodec<T?>
        where T : class
    {
        internal override T? Read(IFieldSource source, FieldSpec field) => throw new NotSupportedException($"'{field.Name}' is bound by hand.");

        internal override void Write(IFieldSink sink, FieldSpec field, T? value)
        {
            if (value is not null) sink.Element(field, value, field.Name, inList: false);
        }
    }

    private sealed class ElementsCodec<T>(Func<T, int, string> key) : FieldCodec<ImmutableArray<T>>
        where T : class
    {
        internal override ImmutableArray<T> Read(IFieldSource source, FieldSpec field) => throw new NotSupportedException($"'{field.Name}' is bound by hand.");

        internal override void Write(IFieldSink sink, FieldSpec field, ImmutableArray<T> value)
        {
            if (Skips(field, value.IsDefaultOrEmpty)) return;
            sink.StartList(field);
            if (!value.IsDefault)
            {
                for (var i = 0; i < value.Length; i++) sink.Element(field, value[i], key(value[i], i), inList: true);
            }

            sink.EndList();
        }
    }
}
