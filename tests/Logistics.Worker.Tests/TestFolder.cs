using System.Text;

namespace Logistics.Worker.Tests;

/// <summary>A fresh folder tree (networks/, seeds/, reports/) under the system temp folder, deleted afterwards.</summary>
internal sealed class TestFolder : IDisposable
{
    public TestFolder()
    {
        Root = Path.Combine(Path.GetTempPath(), "logistics-worker-tests", Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Networks);
        Directory.CreateDirectory(Seeds);
    }

    public string Root { get; }

    public string Networks => Path.Combine(Root, "networks");

    public string Seeds => Path.Combine(Root, "seeds");

    public string Reports => Path.Combine(Root, "reports");

    public string Jobs => Path.Combine(Reports, "jobs");

    public string Inbox => Path.Combine(Jobs, "inbox");

    /// <summary>A small network file with comments and trailing commas, as planners write them.</summary>
    public static string NetworkJson(string name, params string[] overlayFiles) =>
        $$"""
        {
          // written by a test
          "formatVersion": 1,
          "metadata": { "name": "{{name}}", "discountRate": 0.08, "horizonYears": 25, },
          "nodes": [],
          "scenarios": [{{string.Join(", ", overlayFiles.Select(f => $"{{ \"file\": \"{f}\" }}"))}}],
        }
        """;

    public string WriteNetwork(string name, string? content = null) =>
        Write(Path.Combine(Networks, name + ".network.json"), content ?? NetworkJson(name));

    public string Write(string path, string content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content, Encoding.UTF8);
        return path;
    }

    /// <summary>Drops a job the way a planner should: written under a hidden name, then renamed into the inbox.</summary>
    public string DropJob(string name, string json)
    {
        Directory.CreateDirectory(Inbox);
        string hidden = Path.Combine(Inbox, "." + name + ".json");
        File.WriteAllText(hidden, json, Encoding.UTF8);
        string path = Path.Combine(Inbox, name + ".json");
        File.Move(hidden, path);
        return path;
    }

    public IReadOnlyList<string> Bundles(params string[] series) => ReportLedger.Bundles(Path.Combine([Reports, .. series]));

    /// <summary>
    /// Every temporary entry under the reports folder (none once the worker is idle), except the status file's own:
    /// a running worker rewrites status.json at any moment, so its temporary sibling may exist while one looks.
    /// </summary>
    public IReadOnlyList<string> TemporaryEntries(bool includeStatusFile = false) =>
        Directory.Exists(Reports)
            ? [.. Directory.EnumerateFileSystemEntries(Reports, "*", SearchOption.AllDirectories)
                .Where(p => Path.GetFileName(p).Contains(".tmp-", StringComparison.Ordinal))
                .Where(p => includeStatusFile || !Path.GetFileName(p).StartsWith("status.json.tmp-", StringComparison.Ordinal))]
            : [];

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A process the test killed may still hold a handle for a moment; the temp folder is cleaned by the OS.
        }
    }
}
