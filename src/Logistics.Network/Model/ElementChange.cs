namespace Logistics.Network.Model;

/// <summary>
/// The second kind of change a <see cref="FigureChangeSet"/> holds: one that changes what the network is rather than a
/// figure of it (an option forced in or out, links taken out, a port closed). A figure change keeps the snapshot's
/// shape, so a kept model can be refitted for it; an element change does not, so it is applied after the figures, in
/// order, each through <see cref="NetworkBuilder"/>, and a model is built again for it.
/// </summary>
public abstract record ElementChange
{
    /// <summary>A problem that would make the change act on nothing (an id the snapshot lacks); null when it applies.</summary>
    internal abstract string? Problem(NetworkSnapshot network);

    internal abstract NetworkSnapshot ApplyTo(NetworkSnapshot network);
}
