using System.Text.Json;

using Json.Schema;

using Logistics.Network.IO.Format;

namespace Logistics.Network.Tests;

/// <summary>The schemas and format docs are generated from the tables; these tests keep the committed copies in step and check them independently.</summary>
public class GeneratedFilesTests
{
    private static readonly JsonDocumentOptions Lenient = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    [Fact]
    public void The_committed_schemas_are_what_the_format_table_generates()
    {
        foreach (var (fileName, text) in SchemaGenerator.All())
        {
            var committed = File.ReadAllText(Path.Combine(CorpusPaths.RepositoryRoot, "schema", fileName)).ReplaceLineEndings("\n");
            Assert.True(committed == text, $"schema/{fileName} differs from the format table; run 'logistics schema --out schema'.");
        }
    }

    [Fact]
    public void The_committed_format_and_diagnostics_docs_are_what_the_tables_generate()
    {
        foreach (var (fileName, text) in FormatDocsGenerator.All())
        {
            var committed = File.ReadAllText(Path.Combine(CorpusPaths.RepositoryRoot, "docs", fileName)).ReplaceLineEndings("\n");
            Assert.True(committed == text, $"docs/{fileName} differs from the tables; run 'logistics docs --out docs'.");
        }
    }

    public static TheoryData<string, string> SampleFiles()
    {
        var data = new TheoryData<string, string>();
        var root = CorpusPaths.RepositoryRoot;
        static IEnumerable<string> Files(string folder, string pattern) =>
            Directory.Exists(folder) ? Directory.GetFiles(folder, pattern).Order(StringComparer.Ordinal) : [];
        foreach (var f in Files(Path.Combine(CorpusPaths.Corpus, "valid"), "*.network.json").Concat(Files(Path.Combine(root, "networks"), "*.network.json")))
            data.Add(Path.GetRelativePath(root, f), "network.schema.json");
        foreach (var f in Files(Path.Combine(CorpusPaths.Corpus, "valid"), "*.scenario.json").Concat(Files(Path.Combine(root, "networks"), "*.scenario.json")))
            data.Add(Path.GetRelativePath(root, f), "scenario.schema.json");
        foreach (var f in Files(Path.Combine(CorpusPaths.Corpus, "seeds"), "*.json").Concat(Files(Path.Combine(root, "seeds"), "*.json")))
            data.Add(Path.GetRelativePath(root, f), "seeds.schema.json");
        return data;
    }

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void Sample_files_are_valid_against_the_committed_schema_by_an_independent_validator(string file, string schemaName)
    {
        var results = Evaluate(file, schemaName);
        Assert.True(results.IsValid, $"{file} fails {schemaName}: {Describe(results)}");
    }

    [Theory]
    [InlineData("tests/Logistics.Network.Tests/Corpus/broken/LG0102-capacity-as-string.network.json")]
    [InlineData("tests/Logistics.Network.Tests/Corpus/broken/LG0103-unknown-node-kind.network.json")]
    [InlineData("tests/Logistics.Network.Tests/Corpus/broken/LG0202-negative-capacity.network.json")]
    [InlineData("tests/Logistics.Network.Tests/Corpus/broken/LG0101-link-without-to.network.json")]
    [InlineData("tests/Logistics.Network.Tests/Corpus/broken/LG0104-unknown-field-misspelt.network.json")]
    [InlineData("tests/Logistics.Network.Tests/Corpus/broken/LG0105-uppercase-id.network.json")]
    public void The_schema_rejects_files_the_loader_rejects_for_shape(string file)
    {
        Assert.False(Evaluate(file, "network.schema.json").IsValid);
    }

    private static EvaluationResults Evaluate(string file, string schemaName)
    {
        var schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(CorpusPaths.RepositoryRoot, "schema", schemaName)));
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(CorpusPaths.RepositoryRoot, file)), Lenient);
        return schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    private static string Describe(EvaluationResults results) =>
        string.Join("; ", (results.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")));
}
