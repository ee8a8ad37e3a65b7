using System.Collections.Immutable;

namespace Logistics.Network.Model;

/// <summary>Each option of <paramref name="In"/> forced in and of <paramref name="Out"/> forced out, in every period (the value analysis's cases).</summary>
public sealed record ForcedOptions(ImmutableArray<OptionId> In, ImmutableArray<OptionId> Out) : ElementChange
{
    internal override string? Problem(NetworkSnapshot network) =>
        In.Concat(Out).Where(o => !network.TryGetOption(o, out _)).Select(o => $"The network has no option {o}.").FirstOrDefault();

    internal override NetworkSnapshot ApplyTo(NetworkSnapshot network)
    {
        var builder = NetworkBuilder.From(network);
        foreach (var id in In)
            builder.SetDecision(id, BuildDecision.ForcedIn);
        foreach (var id in Out)
            builder.SetDecision(id, BuildDecision.ForcedOut);
        return builder.Build();
    }
}
