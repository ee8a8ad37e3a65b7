using System.Collections.Immutable;

using Logistics.Network.IO.Format;
using Logistics.Network.Loading;
using Logistics.Network.Model;

namespace Logistics.Network.Tests;

/// <summary>
/// The field table's rows carry the getter and setter the binder and the writer use. A row whose getter and setter
/// name different properties would bind a figure into one field and write another's, so every row is checked on the
/// records of the shipped networks and the test corpus: setting a record's own value gives the record back, and
/// setting another record's value reads that value back.
/// </summary>
public class FieldTableTests
{
    private static readonly Lazy<List<object>> Samples = new(LoadSamples);

    public static TheoryData<string, string> Rows()
    {
        var data = new TheoryData<string, string>();
        foreach (var element in FormatTable.ElementsFrom(FormatTable.Network))
        {
            foreach (var field in element.Fields.Where(f => f.Access is { CanSet: true }))
                data.Add(element.Name, field.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Each_row_reads_back_what_it_sets_on_the_records_of_the_shipped_networks(string element, string field)
    {
        var access = FormatTable.ElementsFrom(FormatTable.Network).Single(e => e.Name == element).Field(field)!.Access!;
        var records = Samples.Value.Where(access.AppliesTo).ToList();
        Assert.NotEmpty(records);
        Assert.Empty(Problems(access, records));
    }

    [Fact]
    public void Every_row_that_binds_meets_two_different_values_so_the_check_can_fail()
    {
        var untested = FormatTable.ElementsFrom(FormatTable.Network)
            .SelectMany(e => e.Fields.Where(f => f.Access is { CanSet: true }).Select(f => (e, f)))
            .Where(t => Values(t.f.Access!, Samples.Value.Where(t.f.Access!.AppliesTo).ToList()).Distinct(SameValue.Instance).Count() < 2)
            .Select(t => $"{t.e.Name}.{t.f.Name}")
            .ToList();
        Assert.Empty(untested);
    }

    [Fact]
    public void A_row_whose_setter_writes_another_field_fails_the_check()
    {
        var wrong = FieldAccess.Of<Link, double>(l => l.TariffUsdPerTkm, (l, v) => l with { TariffUsdPerTonne = v }, FieldCodecs.Number);
        Assert.NotEmpty(Problems(wrong, Samples.Value.Where(wrong.AppliesTo).ToList()));
    }

    [Fact]
    public void A_row_whose_getter_reads_another_field_fails_the_check()
    {
        var wrong = FieldAccess.Of<Node, double>(n => n.Longitude, (n, v) => n with { Latitude = v }, FieldCodecs.Number);
        Assert.NotEmpty(Problems(wrong, Samples.Value.Where(wrong.AppliesTo).ToList()));
    }

    [Fact]
    public void Every_field_of_a_snapshot_record_is_a_row_or_bound_by_hand()
    {
        // A setter that forgets a property leaves it at the binder's blank value; the round-trip tests catch that per
        // file, this catches it per row: each field of the network's elements either has access or is one of these.
        var byHand = FormatTable.ElementsFrom(FormatTable.Network)
            .SelectMany(e => e.Fields.Where(f => f.Access is null).Select(f => $"{e.Name}.{f.Name}"))
            .ToList();
        Assert.Equal(
            [
                "metadata.seeds", "metadata.circuity", "metadata.source", "circuity.rail", "circuity.road", "circuity.sea", "circuity.pipeline",
                "commodity.source", "node.source", "supply.source", "port.source", "demand.source", "link.source", "option.source",
                "capacityAdd.source", "scenario.file",
            ],
            byHand);
    }

    /// <summary>What is wrong with a row on these records: empty when it reads back what it sets.</summary>
    private static List<string> Problems(FieldAccess access, List<object> records)
    {
        var problems = new List<string>();
        var values = Values(access, records).Distinct(SameValue.Instance).ToList();
        foreach (var record in records)
        {
            if (!Equals(access.Set(record, access.Get(record)), record))
                problems.Add($"setting {record}'s own value changes it");
            foreach (var value in values.Where(v => !SameValue.Instance.Equals(v, access.Get(record))))
            {
                // A change's operations exclude each other: "not this operation" (null) leaves the change as it is.
                if (value is null && access.RecordType == typeof(ScenarioChange) && access.ValueType == typeof(double?)) continue;
                var read = access.Get(access.Set(record, value));
                if (!SameValue.Instance.Equals(read, value)) problems.Add($"set {value ?? "null"} on {record}, read {read ?? "null"}");
            }
        }

        return problems;
    }

    /// <summary>The values the records hold, and for plain values a few more, so a record is set to something it does not hold.</summary>
    private static IEnumerable<object?> Values(FieldAccess access, List<object> records)
    {
        foreach (var record in records.Take(20))
        {
            var value = access.Get(record);
            yield return value;
            var type = Nullable.GetUnderlyingType(access.ValueType) ?? access.ValueType;
            if (Nullable.GetUnderlyingType(access.ValueType) is not null || access.ValueType == typeof(string)) yield return null;
            if (type == typeof(double)) yield return ((double?)value ?? 0) + 1.25;
            else if (type == typeof(int)) yield return ((int?)value ?? 0) + 1;
            else if (type == typeof(bool)) yield return !(bool)value!;
            else if (type == typeof(string)) yield return value + "-other";
            else if (type.IsEnum) foreach (var e in Enum.GetValues(type)) yield return e;
            else if (type.IsValueType && type.GetConstructor([typeof(string)]) is { } id) yield return id.Invoke(["other-id"]);
            else if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ImmutableArray<>))
            {
                var item = type.GetGenericArguments()[0];
                yield return type.GetField(nameof(ImmutableArray<int>.Empty))!.GetValue(null);
                if (item.GetConstructor([typeof(string)]) is { } itemId)
                {
                    var create = typeof(ImmutableArray).GetMethods().First(m => m.Name == nameof(ImmutableArray.Create) && m.GetParameters() is [{ ParameterType.IsGenericParameter: true }]);
                    yield return create.MakeGenericMethod(item).Invoke(null, [itemId.Invoke(["other-id"])]);
                }
            }
        }
    }

    private static List<object> LoadSamples()
    {
        var files = new[] { "chagai.network.json", "chagai-timeline.network.json" }.Select(f => Path.Combine(CorpusPaths.RepositoryRoot, "networks", f))
            .Append(CorpusPaths.Valid("tiny.network.json"));
        var records = new List<object>();
        foreach (var file in files)
        {
            var network = NetworkLoader.Load(file).Network!;
            records.Add(network.Metadata);
            records.AddRange(network.Commodities);
            foreach (var node in network.Nodes)
            {
                records.Add(node);
                records.AddRange(node.Supplies);
                records.AddRange(node.Demands);
                if (node.Port is { } port) records.Add(port);
            }

            records.AddRange(network.Links);
            foreach (var option in network.Options)
            {
                records.Add(option);
                records.AddRange(option.CapacityAdds);
            }

            records.AddRange(network.Rules);
            foreach (var scenario in network.Scenarios)
            {
                records.Add(scenario);
                records.AddRange(scenario.Changes);
            }

            foreach (var period in network.Periods)
            {
                records.Add(period);
                records.AddRange(period.Changes);
            }
        }

        return records;
    }

    /// <summary>Values equal as the file sees them: lists by their items (an immutable array compares its reference).</summary>
    private sealed class SameValue : IEqualityComparer<object?>
    {
        public static readonly SameValue Instance = new();

        public new bool Equals(object? x, object? y) =>
            Items(x) is { } a && Items(y) is { } b ? a == b : object.Equals(x, y);

        public int GetHashCode(object? obj) => 0;

        // Arrays of value-type ids are not IEnumerable<object>: compare their items' text.
        private static string? Items(object? value) =>
            value is System.Collections.IEnumerable e and not string ? string.Join(",", e.Cast<object>()) : null;
    }
}
