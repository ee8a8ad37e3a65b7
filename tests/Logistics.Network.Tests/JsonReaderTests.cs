using System.Text;

using Logistics.Network.IO.Json;

namespace Logistics.Network.Tests;

/// <summary>
/// The positioned reader parses each number once and shares repeated strings (issue 15); what a node gives back must
/// still be the file as written: literals in messages, values, positions.
/// </summary>
public class JsonReaderTests
{
    [Theory]
    [InlineData("58268", 58268.0)]
    [InlineData("1.0", 1.0)]
    [InlineData("1e999", double.PositiveInfinity)]
    [InlineData("-0", -0.0)]
    [InlineData("12.50", 12.5)]
    [InlineData("1E-05", 1e-5)]
    [InlineData("9.012500000000001", 9.012500000000001)]
    [InlineData("0.1", 0.1)]
    public void A_number_keeps_its_literal_as_written_and_its_value(string literal, double value)
    {
        var (root, error) = PositionedJsonReader.Parse(Encoding.UTF8.GetBytes($"{{ \"x\": {literal} }}"), "n.json");

        Assert.Null(error);
        var number = (JValue)((JObject)root!)["x"]!;
        Assert.Equal(literal, number.Text);
        Assert.Equal(value, number.Number);
        Assert.Equal(double.IsNegative(value), double.IsNegative(number.Number));
    }

    [Fact]
    public void Repeated_names_and_values_read_equal_with_their_own_positions()
    {
        var json = "{ \"a\": [ { \"id\": \"road\" },\n  { \"id\": \"road\", \"t\": \"h\\u00e9\" } ] }";

        var (root, error) = PositionedJsonReader.Parse(Encoding.UTF8.GetBytes(json), "s.json");

        Assert.Null(error);
        var items = ((JArray)((JObject)root!)["a"]!).Items.Cast<JObject>().ToList();
        Assert.Equal(["road", "road"], items.Select(i => ((JValue)i["id"]!).Text));
        Assert.Equal("hé", ((JValue)items[1]["t"]!).Text);
        Assert.Equal(new SourcePosition("s.json", 1, 18), items[0].Property("id")!.Value.Position);
        Assert.Equal(new SourcePosition("s.json", 2, 5), items[1].Property("id")!.NamePosition);
    }
}
