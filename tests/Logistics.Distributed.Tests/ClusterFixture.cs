using Logistics.Distributed;

namespace Logistics.Distributed.Tests;

/// <summary>
/// One PostgreSQL server and three worker processes for the whole class (starting them is most of the cost), plus a
/// folder with the tiny network and a copy of the default one. Tests tell their studies apart by id.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public const int WorkerCount = 3;

    private readonly List<WorkerProcess> _workers = [];

    public PostgresCluster Cluster { get; private set; } = null!;

    public string ConnectionString { get; private set; } = "";

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "logistics-dist-tests-" + Guid.NewGuid().ToString("N")[..12]);

    public string TinyNetwork => Path.Combine(Root, "networks", "tiny.network.json");

    public string DefaultNetwork => Path.Combine(AppContext.BaseDirectory, "DefaultNetwork", "networks", "chagai.network.json");

    public IReadOnlyList<WorkerProcess> Workers => _workers;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.Combine(Root, "networks"));
        Directory.CreateDirectory(Path.Combine(Root, "seeds"));
        await File.WriteAllTextAsync(TinyNetwork, Logistics.TestKit.TinyNetwork.Json("tiny"));
        await File.WriteAllTextAsync(Path.Combine(Root, "seeds", Logistics.TestKit.TinyNetwork.SeedsFileName), Logistics.TestKit.TinyNetwork.SeedsJson);
        Cluster = PostgresCluster.Start();
        ConnectionString = Cluster.CreateDatabase("studies");
        await using (var client = await StudyClient.ConnectAsync(ConnectionString, CancellationToken.None))
        {
            // Tables exist before the workers start polling them.
        }

        EnsureWorkers();
    }

    /// <summary>Starts workers until three are alive (a test may have killed one).</summary>
    public void EnsureWorkers()
    {
        foreach (var dead in _workers.Where(w => w.HasExited).ToList())
        {
            dead.Dispose();
            _workers.Remove(dead);
        }

        while (_workers.Count < WorkerCount)
            _workers.Add(WorkerProcess.Start(ConnectionString, Path.Combine(Root, "inputs")));
    }

    public string WorkerOutput() => string.Join("\n----\n", _workers.Select(w => w.Output));

    public Task DisposeAsync()
    {
        foreach (var worker in _workers)
            worker.Dispose();
        Cluster?.Dispose();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }

        return Task.CompletedTask;
    }
}
