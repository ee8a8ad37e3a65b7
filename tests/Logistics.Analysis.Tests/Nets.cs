using System.Collections.Immutable;

using Logistics.Network.IO;
using Logistics.Network.Loading;
using Logistics.Network.Model;

namespace Logistics.Analysis.Tests;

/// <summary>
/// Small networks written in code for analysis tests, from the test kit's <see cref="NetworkParts"/> with this project's
/// one commodity (ore) filled in. Money is simple: discount rate 0 unless given, no capital in
/// transit (commodity value 0), lifetimes of 1 year (so annualised capex = capex), every cost 0 unless given.
/// </summary>
internal static class Nets
{
    public static readonly CommodityId Ore = new("ore");

    public static Node Mine(string id, double tonnes, bool allowUnshipped = false) => NetworkParts.Mine(id, Ore.Value, tonnes, allowUnshipped);

    public static Node Junction(string id) => NetworkParts.Junction(id);

    public static Node Port(string id, double? capacity = null) => NetworkParts.Port(id, capacity);

    public static Node Market(string id) => NetworkParts.Market(id, Ore.Value);

    public static Link Link(string id, string from, string to, double perTonne, double? capacity = null, TransportMode mode = TransportMode.Rail, string? builtBy = null) =>
        NetworkParts.Link(id, from, to, mode, perTonne, capacity, builtBy: builtBy);

    public static InvestmentOption Option(string id, double capex, int lifetime = 1, double om = 0, string[]? requires = null, ImmutableArray<CapacityIncrement> adds = default) =>
        NetworkParts.Option(id, capex, lifetime, om, adds, requires);

    public static NetworkBuilder Builder(double discountRate = 0, int horizon = 25) =>
        new NetworkBuilder()
            .WithMetadata(NetworkParts.Metadata(discountRate, horizon))
            .Add(new Commodity(Ore, "ore", 0));

    /// <summary>
    /// 100 t/yr from mine to market. The existing route costs 10 USD/t (1,000 USD/yr); option <c>shortcut</c> builds a
    /// route at 2 USD/t, so it saves 800 USD/yr and breaks even at an annualised capex of 800 USD/yr.
    /// </summary>
    public static NetworkSnapshot Shortcut(double capex, double discountRate = 0, int lifetime = 1) =>
        Builder(discountRate)
            .Add(Mine("mine", 100)).Add(Port("port")).Add(Market("market"))
            .Add(Link("old", "mine", "port", 10))
            .Add(Link("new", "mine", "port", 2, builtBy: "shortcut"))
            .Add(Link("sea", "port", "market", 0, mode: TransportMode.Sea))
            .Add(Option("shortcut", capex, lifetime))
            .Build();

    /// <summary>
    /// A network file in a throw-away folder (networks/ and an empty seeds/), read back as a <see cref="NetworkSource"/>.
    /// <paramref name="json"/> may be edited (for example to add scenarios) before it is read.
    /// </summary>
    public static NetworkSource Source(NetworkSnapshot network, Func<string, string>? edit = null)
    {
        var root = Path.Combine(Path.GetTempPath(), "logistics-analysis-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(root, "networks"));
        Directory.CreateDirectory(Path.Combine(root, "seeds"));
        var text = NetworkWriter.Write(network);
        if (edit is not null) text = edit(text);
        var path = Path.Combine(root, "networks", "test.network.json");
        File.WriteAllText(path, text);
        var (source, diagnostics) = NetworkSource.Read(path);
        Assert.True(source is not null, string.Join("\n", diagnostics));
        return source!;
    }

    public static AnalysisSettings Settings(int parallel = 1) => new(Optimisation.SolverSettings.Default, parallel);

    public static string DefaultNetworkPath() => RepositoryPaths.DefaultNetwork;
}
