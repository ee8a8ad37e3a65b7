namespace Logistics.Worker.Tests;

public sealed class NetworkPathResolverTests
{
    [Theory]
    [InlineData("../../etc/passwd", "outside the networks folder")]
    [InlineData("sub/../../outside.network.json", "outside the networks folder")]
    [InlineData("/etc/passwd", "absolute path")]
    [InlineData("", "names no network")]
    [InlineData("missing.network.json", "does not exist")]
    [InlineData("chagai.suez.scenario.json", "not a network file")]
    public void Paths_that_do_not_name_a_network_inside_the_root_are_refused_with_a_reason(string requested, string reason)
    {
        using var folder = new TestFolder();
        folder.WriteNetwork("chagai");
        folder.Write(Path.Combine(folder.Networks, "chagai.suez.scenario.json"), "{}");
        folder.Write(Path.Combine(folder.Root, "outside.network.json"), "{}");

        (string? path, string? error) = NetworkPathResolver.Resolve(folder.Networks, requested);

        Assert.Null(path);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_network_in_a_subfolder_or_behind_a_link_that_stays_inside_is_accepted()
    {
        using var folder = new TestFolder();
        string nested = folder.Write(Path.Combine(folder.Networks, "archive", "old.network.json"), "{}");
        File.CreateSymbolicLink(Path.Combine(folder.Networks, "alias.network.json"), "archive/old.network.json");

        Assert.Equal((nested, null), NetworkPathResolver.Resolve(folder.Networks, "archive/old.network.json"));
        Assert.Equal((nested, null), NetworkPathResolver.Resolve(folder.Networks, "./archive/../archive/old.network.json"));
        Assert.Equal((nested, null), NetworkPathResolver.Resolve(folder.Networks, "alias.network.json"));
    }

    [Fact]
    public void A_link_chain_that_ends_outside_is_refused_even_when_each_step_looks_local()
    {
        using var folder = new TestFolder();
        string outside = folder.Write(Path.Combine(folder.Root, "private", "secret.network.json"), "{}");
        Directory.CreateSymbolicLink(Path.Combine(folder.Networks, "up"), "..");
        File.CreateSymbolicLink(Path.Combine(folder.Networks, "hop.network.json"), "up/private/secret.network.json");

        (string? path, string? error) = NetworkPathResolver.Resolve(folder.Networks, "hop.network.json");

        Assert.Null(path);
        Assert.Contains("symbolic link", error, StringComparison.Ordinal);
        Assert.Equal(outside, NetworkPathResolver.RealPath(Path.Combine(folder.Networks, "hop.network.json")));
    }
}
