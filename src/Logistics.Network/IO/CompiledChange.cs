using System.Collections.Immutable;

using Logistics.Network.IO.Binding;
using Logistics.Network.IO.Json;
using Logistics.Network.Model;

namespace Logistics.Network.IO;

/// <summary>
/// A change written in the file's path syntax (ids, <c>[*]</c>, <c>[index]</c>, <c>[field=value]</c>; docs/format.md)
/// resolved once against the file into the snapshot figures it reaches: <see cref="Figures"/>, one
/// <see cref="FigureChange"/> per figure, citing what binding the change would make them cite. A sweep compiles its path
/// once and makes every point with <see cref="At"/>; periods compile each of their changes once. When the change cannot
/// be made on a snapshot (<see cref="NotOnSnapshot"/> says why: it would give a field the file does not write, or it
/// reaches a figure derived at binding time), the caller binds through the tree as before.
/// </summary>
public sealed record CompiledChange(ScenarioChange Change, ImmutableArray<FigureChange> Figures, string? NotOnSnapshot)
{
    public bool OnSnapshot => NotOnSnapshot is null;

    /// <summary>The same change with another operand (a sweep's value), as figure changes.</summary>
    public IEnumerable<FigureChange> At(double value) => Figures.Select(f => f with { Value = value });

    /// <summary>Compiles from the overlay's resolution of the path (null when the path does not resolve: binding reports why).</summary>
    internal static CompiledChange From(ScenarioChange change, TreeOverlay.ResolvedPath? resolved)
    {
        if (resolved is null) return NotOn(change, "its path does not resolve (binding reports why)");
        if (resolved.Created) return NotOn(change, "it would create an object the file does not write");
        var figures = ImmutableArray.CreateBuilder<FigureChange>(resolved.Targets.Count);
        for (var i = 0; i < resolved.Targets.Count; i++)
        {
            var path = resolved.FigurePaths[i];
            if (path is null) return NotOn(change, "an element on its way has no id");
            if (!FigureChangeSet.IsSettable(path)) return NotOn(change, $"{path} is derived at binding time or not held by a snapshot");
            var written = resolved.Targets[i][resolved.Field.Name];
            var number = written is JObject o ? o["value"] : written;
            if (number is not JValue { Kind: JValueKind.Number }) return NotOn(change, $"{path} is not written as a number in the file");

            // What binding cites after the change (TreeOverlay.ApplyTo): the change's own source, else the figure's own.
            figures.Add(new FigureChange(path, change.Value) { Operation = change.Operation, CitesSource = change.Source is not null, Source = change.Source });
        }

        return new CompiledChange(change, figures.ToImmutable(), null);
    }

    private static CompiledChange NotOn(ScenarioChange change, string why) => new(change, [], why);
}
