using System.Text.RegularExpressions;

using Logistics.Reports.Export;
using Logistics.Reports.Graphics;

namespace Logistics.Reports.Tests;

/// <summary>The map's encoding and the CSV quoting, checked on their own.</summary>
[Collection(DefaultBundleCollection.Name)]
public sealed partial class MapAndCsvTests(DefaultBundle bundle)
{
    [Fact]
    public void The_map_marks_what_the_plan_builds_and_sends_far_markets_to_the_frame_edge()
    {
        var model = bundle.Run.Model!;
        var svg = NetworkMap.Render(model.Network, model.Base, "test");
        var built = model.Base.Builds.Where(b => b.Built).SelectMany(b => b.CapacityAdds).Select(c => c.Link).OfType<Logistics.Network.Model.LinkId>().ToList();
        Assert.NotEmpty(built);
        Assert.Equal(built.Count, Halo().Matches(svg).Count);

        // Shanghai and Houston are far outside the region: no node symbol, one label each, at the edge.
        Assert.DoesNotContain("data-node=\"shanghai\"", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("data-node=\"houston\"", svg, StringComparison.Ordinal);
        Assert.Contains(">to Shanghai (China buyers)</text>", svg, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(svg, ">to Houston"));
        Assert.Contains("data-node=\"port-qasim\"", svg, StringComparison.Ordinal);

        // The busiest link is drawn widest.
        var widths = LinkWidth().Matches(svg).ToDictionary(m => m.Groups[1].Value, m => double.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
        var busiest = model.Base.LinkFlows.Where(f => f.Mode != Logistics.Network.Model.TransportMode.Sea).MaxBy(f => f.TotalTpy)!.Link.Value;
        Assert.Equal(widths.Where(w => !w.Key.Contains("shanghai", StringComparison.Ordinal) && !w.Key.Contains("houston", StringComparison.Ordinal)).Max(w => w.Value), widths[busiest]);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("", "")]
    public void Csv_fields_are_quoted_as_RFC_4180_says(string field, string written) =>
        Assert.Equal(written, CsvTable.Quote(field));

    [Fact]
    public void A_csv_row_with_the_wrong_number_of_fields_is_a_bug_said_loudly()
    {
        var csv = new CsvTable("a", "b");
        Assert.Throws<ArgumentException>(() => csv.Row("only one"));
    }

    [GeneratedRegex("<path class=\"halo\"")]
    private static partial Regex Halo();

    [GeneratedRegex("data-link=\"([^\"]+)\"[^>]*stroke-width=\"([0-9.]+)\"")]
    private static partial Regex LinkWidth();
}
