namespace Logistics.Network.Tests;

/// <summary>A throw-away folder with networks/ and seeds/ for tests that need their own files.</summary>
internal sealed class TempNetwork : IDisposable
{
    public TempNetwork()
    {
        Root = Path.Combine(Path.GetTempPath(), "logistics-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(Root, "networks"));
        Directory.CreateDirectory(Path.Combine(Root, "seeds"));
    }

    public string Root { get; }

    public string Write(string relativePath, string text)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
