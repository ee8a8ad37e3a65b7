using Logistics.Network.IO;
using Logistics.Network.Model;

namespace Logistics.Benchmarks.StandardSets;

/// <summary>
/// An OR-Library CFLP file converted to a network file the CLI accepts: <see cref="CflpReader"/>'s network plus a hub
/// port on a free link from the plant (the loader requires every mine to reach a port; the in-memory benchmark skips
/// that check), written by <see cref="NetworkWriter"/>. The free link adds no cost, so the optimum is unchanged.
/// </summary>
public static class CflpNetworkFile
{
    /// <summary>Writes <c>NAME.network.json</c> into <paramref name="folder"/> and returns its path and the network.</summary>
    public static (string Path, NetworkSnapshot Network) Write(string cflpPath, string folder, CflpCommodities commodities)
    {
        var network = WithHubPort(CflpReader.Read(cflpPath, commodities));
        var path = System.IO.Path.Combine(folder, System.IO.Path.GetFileNameWithoutExtension(cflpPath) + ".network.json");
        File.WriteAllText(path, NetworkWriter.Write(network));
        return (path, network);
    }

    private static NetworkSnapshot WithHubPort(NetworkSnapshot network) =>
        NetworkBuilder.From(network)
            .Add(StandardNetworks.Place("hub", NodeKind.Port) with { Port = new PortFacility(null, 0) })
            .Add(StandardNetworks.Arc("plant-hub", "plant", "hub", 0, null, null))
            .Build();
}
