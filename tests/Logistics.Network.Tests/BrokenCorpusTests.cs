using Logistics.Network.IO;
using Logistics.Network.Loading;

namespace Logistics.Network.Tests;

/// <summary>Every file in Corpus/broken is named for the code it must produce: LGxxxx-what-is-wrong.network.json.</summary>
public class BrokenCorpusTests
{
    public static TheoryData<string> BrokenFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(CorpusPaths.Broken, "*.network.json").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(file));
        return data;
    }

    [Fact]
    public void The_broken_corpus_has_at_least_thirty_different_files_each_refused_with_the_documented_code_it_is_named_for()
    {
        var documented = Diagnostics.DiagnosticCodes.All.Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        var files = Directory.GetFiles(CorpusPaths.Broken, "*.network.json").Order(StringComparer.Ordinal).ToList();
        var refused = files.Where(file =>
        {
            var code = Path.GetFileName(file)[..6];
            var result = NetworkLoader.Load(file, new LoadOptions { Strict = true });
            return documented.Contains(code) && !result.Succeeded && result.Diagnostics.Any(d => d.Code == code);
        }).ToList();

        Assert.True(refused.Count >= 30, $"only {refused.Count} of {files.Count} files are refused with their code");
        // Copies would pad the count without testing anything more.
        Assert.Equal(files.Count, files.Select(File.ReadAllText).Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [MemberData(nameof(BrokenFiles))]
    public void Each_broken_file_produces_the_code_it_is_named_for_and_never_throws(string fileName)
    {
        var expected = fileName[..6];
        var result = NetworkLoader.Load(Path.Combine(CorpusPaths.Broken, fileName));
        Assert.Contains(result.Diagnostics, d => d.Code == expected);
        var diagnostic = result.Diagnostics.First(d => d.Code == expected);
        Assert.False(string.IsNullOrWhiteSpace(diagnostic.Message));
        Assert.False(string.IsNullOrWhiteSpace(diagnostic.Hint));
        Assert.NotNull(diagnostic.File);
    }

    [Theory]
    [MemberData(nameof(BrokenFiles))]
    public void Each_broken_file_fails_strict_validation(string fileName)
    {
        var result = NetworkLoader.Load(Path.Combine(CorpusPaths.Broken, fileName), new LoadOptions { Strict = true });
        Assert.False(result.Succeeded);
    }

    [Fact]
    public void Every_documented_code_that_a_file_can_produce_has_a_corpus_file()
    {
        // Codes that need no file of their own: missing path, directory, size limit, unreadable, special file, unknown --scenario (tested in code).
        string[] testedInCode = ["LG0001", "LG0002", "LG0004", "LG0005", "LG0006", "LG0401"];
        var covered = Directory.GetFiles(CorpusPaths.Broken).Select(f => Path.GetFileName(f)[..6]).ToHashSet(StringComparer.Ordinal);
        var missing = Diagnostics.DiagnosticCodes.All.Select(c => c.Code).Where(c => !covered.Contains(c) && !testedInCode.Contains(c)).ToList();
        Assert.Empty(missing);
    }
}
