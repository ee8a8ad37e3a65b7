using System.Collections.Immutable;

using Logistics.Network.IO;
using Logistics.Network.Model;

namespace Logistics.Analysis.Tests;

/// <summary>
/// Small networks written in code for analysis tests. Money is simple: discount rate 0 unless given, no capital in
/// transit (commodity value 0), lifetimes of 1 year (so annualised capex = capex), every cost 0 unless given.
/// </summary>
internal static class Nets
{
    public static readonly CommodityId Ore = new("ore");

    public static Node Mine(string id, double tonnes, bool allowUnshipped = false) =>
        new(new NodeId(id), id, NodeKind.Mine, 0, 0, 0, [new MineSupply(Ore, tonnes, allowUnshipped)], null, []);

    public static Node Junction(string id) => new(new NodeId(id), id, NodeKind.Junction, 0, 0, 0, [], null, []);

    public static Node Port(string id, double? capacity = null) => new(new NodeId(id), id, NodeKind.Port, 0, 0, 0, [], new PortFacility(capacity, 0), []);

    public static Node Market(string id) => new(new NodeId(id), id, NodeKind.Market, 0, 0, 0, [], null, [new MarketDemand(Ore, 0, null, null)]);

    public static Link Link(string id, string from, string to, double perTonne, double? capacity = null, TransportMode mode = TransportMode.Rail, string? builtBy = null) =>
        new(new LinkId(id), id, new NodeId(from), new NodeId(to), mode, 0, LengthBasis.Given, 0, perTonne, capacity, 0,
            LinkDirection.OneWay, CapacitySharing.PerDirection, [], 0, builtBy is null ? null : new OptionId(builtBy));

    public static InvestmentOption Option(string id, double capex, int lifetime = 1, double om = 0, string[]? requires = null, ImmutableArray<CapacityIncrement> adds = default) =>
        new(new OptionId(id), id, "", capex, lifetime, om, adds.IsDefault ? [] : adds, requires is null ? [] : [.. requires.Select(r => new OptionId(r))], [], BuildDecision.Free);

    public static NetworkBuilder Builder(double discountRate = 0, int horizon = 25) =>
        new NetworkBuilder()
            .WithMetadata(new NetworkMetadata("test", "", "USD", 2025, discountRate, horizon, null))
            .Add(new Commodity(Ore, "ore", 0));

    /// <summary>
    /// 100 t/yr from mine to market. The existing route costs 10 USD/t (1,000 USD/yr); option <c>shortcut</c> builds a
    /// route at 2 USD/t, so it saves 800 USD/yr and breaks even at an annualised capex of 800 USD/yr.
    /// </summary>
    public static Network.Model.Network Shortcut(double capex, double discountRate = 0, int lifetime = 1) =>
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
    public static NetworkSource Source(Network.Model.Network network, Func<string, string>? edit = null)
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

    /// <summary>The repository's root (where Logistics.sln is).</summary>
    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Logistics.sln")))
            directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Logistics.sln not found above the test binaries.");
    }

    public static string DefaultNetworkPath() => Path.Combine(RepositoryRoot(), "networks", "chagai.network.json");
}
