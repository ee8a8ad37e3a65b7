using Logistics.Network.IO;
using Logistics.Network.Loading;

namespace Logistics.Network.Tests;

public class RoundTripTests
{
    public static TheoryData<string> NetworkFiles()
    {
        var data = new TheoryData<string>();
        var root = CorpusPaths.RepositoryRoot;
        foreach (var folder in new[] { Path.Combine(root, "networks"), Path.Combine(CorpusPaths.Corpus, "valid") }.Where(Directory.Exists))
        {
            foreach (var file in Directory.GetFiles(folder, "*.network.json").Order(StringComparer.Ordinal))
                data.Add(Path.GetRelativePath(root, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(NetworkFiles))]
    public void Load_write_load_gives_an_equal_snapshot(string file)
    {
        var path = Path.Combine(CorpusPaths.RepositoryRoot, file);
        var first = NetworkLoader.Load(path);
        Assert.NotNull(first.Network);
        var written = NetworkWriter.Write(first.Network);

        // Read the written text as if it sat where the original is, so the seeds folder resolves the same way.
        var (source, _) = NetworkSource.FromText(written, path);
        var second = source!.Bind();
        Assert.NotNull(second.Network);
        Assert.Equal(SnapshotText.Of(first.Network), SnapshotText.Of(second.Network));
        Assert.Equal(written, NetworkWriter.Write(second.Network));
    }

    [Fact]
    public void The_writer_keeps_sources_and_leaves_out_great_circle_lengths_and_defaults()
    {
        var network = NetworkLoader.Load(CorpusPaths.Valid("tiny.network.json")).Network!;
        var text = NetworkWriter.Write(network);
        Assert.Contains("\"source\": \"rail-km\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"id\": \"alpha-junction\",\n      \"from\": \"alpha\",\n      \"to\": \"junction\",\n      \"mode\": \"road\",\n      \"lengthKm\"", text, StringComparison.Ordinal);
        Assert.Contains("\"$schema\": \"../schema/network.schema.json\"", text, StringComparison.Ordinal);
        Assert.Contains("\"id\": \"old-port-closed\"", text, StringComparison.Ordinal); // overlay scenarios are written inline
        Assert.Contains("\"set\": 2000000,\n          \"source\": \"alpha-output-ph2\"", text, StringComparison.Ordinal); // a change keeps its source
    }
}
