using Logistics.Benchmarks.StandardSets;

namespace Logistics.Benchmarks.Tests;

/// <summary>Malformed benchmark files are reported with file, line and column, never with a stack trace.</summary>
public sealed class ReaderErrorTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("logistics-reader-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void A_dow_file_with_a_word_where_a_capacity_belongs_names_its_line_and_column()
    {
        var path = Write("bad.dow", "MULTIGEN.DAT:\n 2 1 1\n 1 2 5 lots 9 1 1\n 1 2 3\n");
        var error = Assert.Throws<BenchmarkFileException>(() => McndReader.Read(path));
        Assert.StartsWith("bad.dow:3:8: expected a number for the capacity of arc 1, found 'lots'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dow_file_cut_short_says_what_was_expected()
    {
        var path = Write("short.dow", "MULTIGEN.DAT:\n 2 1 2\n 1 2 5 10 9 1 1\n 1 2 3\n");
        var error = Assert.Throws<BenchmarkFileException>(() => McndReader.Read(path));
        Assert.Contains("the file ends where the origin of commodity 2 was expected", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_original_OR_Library_file_with_the_word_capacity_is_refused_with_a_message()
    {
        var path = Write("capx.txt", "2 1\ncapacity 100\ncapacity 200\n5\n1 2\n");
        var error = Assert.Throws<BenchmarkFileException>(() => CflpReader.Read(path));
        Assert.StartsWith("capx.txt:2:1: expected a number for the capacity of warehouse 1, found 'capacity'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_DIMACS_arc_with_a_lower_bound_is_refused_with_its_line()
    {
        var path = Write("low.min", "p min 2 1\nn 1 5\nn 2 -5\na 1 2 1 10 3\n");
        var error = Assert.Throws<BenchmarkFileException>(() => DimacsReader.Read(path));
        Assert.StartsWith("low.min:4:1: the arc has a lower bound of 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_small_dow_file_becomes_one_link_and_option_per_arc_and_one_commodity_per_demand()
    {
        var path = Write("tiny.dow", "MULTIGEN.DAT:\n 3 2 1\n 1 2 5 10 9 1 1\n 2 3 1 10 4 1 1\n 1 3 7\n");
        var network = McndReader.Read(path);
        Assert.Equal(2, network.Options.Length);
        Assert.Single(network.Commodities);
        Assert.Equal(2 + 2, network.Links.Length); // Two arcs, the origin's attachment and the destination's.
    }
}
