namespace Logistics.Application.Tests;

/// <summary>The tiny network written as planners keep it (<c>networks/</c> and <c>seeds/</c> side by side) in a temporary folder, deleted on dispose.</summary>
internal sealed class TinyFolder : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "logistics-application-tests-" + Guid.NewGuid().ToString("N"));

    public TinyFolder()
    {
        Directory.CreateDirectory(Path.Combine(_root, "networks"));
        Directory.CreateDirectory(Path.Combine(_root, "seeds"));
        File.WriteAllText(Path.Combine(_root, "seeds", TinyNetwork.SeedsFileName), TinyNetwork.SeedsJson);
        NetworkPath = Path.Combine(_root, "networks", "tiny.network.json");
        File.WriteAllText(NetworkPath, TinyNetwork.Json("Tiny"));
    }

    public string NetworkPath { get; }

    public void Dispose()
    {
        if (Directory.Exists(_root))
            Directory.Delete(_root, recursive: true);
    }
}
