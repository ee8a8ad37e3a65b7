using System.Collections.Immutable;
using System.Text;
using System.Text.Json;

using Logistics.Reports;

namespace Logistics.Distributed;

/// <summary>
/// A report study's assembled result as stored in <c>logistics_study.result</c>: the bundle's files and what
/// <c>logistics report</c> would print and exit with. The planner's machine writes the files where it is told
/// (<c>logistics study status ID --out DIR</c>).
/// </summary>
public sealed record StoredBundle(ReportStatus Status, string Summary, bool AnySolveWithoutSolution, ImmutableArray<BundleFile> Files)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <exception cref="JsonException">Not a stored bundle.</exception>
    public static StoredBundle FromJson(string json) => JsonSerializer.Deserialize<StoredBundle>(json, Json) ?? throw new JsonException("Expected a report bundle, found null.");

    /// <summary>The files a bundle run wrote into <paramref name="folder"/>, read back in name order.</summary>
    public static StoredBundle Read(ReportRun run, string folder)
    {
        ArgumentNullException.ThrowIfNull(run);
        var files = run.Outcome.Files.Select(name => new BundleFile(name, File.ReadAllText(Path.Combine(folder, name.Replace('/', Path.DirectorySeparatorChar)), Encoding.UTF8)));
        return new StoredBundle(run.Outcome.Status, run.Outcome.Summary, run.AnySolveWithoutSolution, [.. files]);
    }

    /// <summary>Writes every file under <paramref name="folder"/> with the bytes the single-machine builder writes (UTF-8, no byte order mark).</summary>
    public void WriteTo(string folder)
    {
        foreach (var file in Files)
        {
            var path = Path.GetFullPath(Path.Combine(folder, file.Name.Replace('/', Path.DirectorySeparatorChar)));
            if (!path.StartsWith(Path.GetFullPath(folder) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                throw new InvalidDataException($"Stored bundle file '{file.Name}' would be written outside the bundle folder.");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, file.Text, new UTF8Encoding(false));
        }
    }
}
