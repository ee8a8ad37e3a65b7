using System.Text;

namespace Logistics.Worker.Tests;

/// <summary>
/// A fresh folder tree (networks/, seeds/, reports/) under the system temp folder, deleted afterwards. The seeds folder
/// holds the register <see cref="TinyNetwork"/> cites, so every network written with <see cref="WriteNetwork(string, string?)"/> is valid.
/// </summary>
internal sealed class TestFolder : IDisposable
{
    /// <param name="withTinySeeds">False for a folder that gets another register (see <see cref="CopyDefaultNetwork"/>).</param>
    public TestFolder(bool withTinySeeds = true)
    {
        Root = Path.Combine(Path.GetTempPath(), "logistics-worker-tests", Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Networks);
        Directory.CreateDirectory(Seeds);
        if (withTinySeeds)
        {
            Write(TinySeedsFile, TinyNetwork.SeedsJson);
        }
    }

    public string Root { get; }

    public string Networks => Path.Combine(Root, "networks");

    public string Seeds => Path.Combine(Root, "seeds");

    public string Reports => Path.Combine(Root, "reports");

    public string Jobs => Path.Combine(Reports, "jobs");

    public string Inbox => Path.Combine(Jobs, "inbox");

    /// <summary>The register the tiny network cites.</summary>
    public string TinySeedsFile => Path.Combine(Seeds, TinyNetwork.SeedsFileName);

    /// <summary>A small valid network file (<see cref="TinyNetwork"/>) with comments and trailing commas, as planners write them.</summary>
    public static string NetworkJson(string name, params string[] overlayFiles) => TinyNetwork.Json(name, overlayFiles);

    public string WriteNetwork(string name, string? content = null) =>
        Write(Path.Combine(Networks, name + ".network.json"), content ?? NetworkJson(name));

    public string WriteNetwork(string name, byte[] content)
    {
        string path = Path.Combine(Networks, name + ".network.json");
        File.WriteAllBytes(path, content);
        return path;
    }

    /// <summary>
    /// Copies the shipped default network (networks/chagai.network.json, its overlay and the seeds register, copied
    /// next to the tests at build time) into this folder; its full report takes seconds of real solving.
    /// </summary>
    public string CopyDefaultNetwork()
    {
        string shipped = Path.Combine(AppContext.BaseDirectory, "DefaultNetwork");
        foreach (string file in Directory.GetFiles(Path.Combine(shipped, "networks"), "*.json"))
        {
            File.Copy(file, Path.Combine(Networks, Path.GetFileName(file)));
        }

        foreach (string file in Directory.GetFiles(Path.Combine(shipped, "seeds"), "*.json"))
        {
            File.Copy(file, Path.Combine(Seeds, Path.GetFileName(file)));
        }

        return Path.Combine(Networks, "chagai.network.json");
    }

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
