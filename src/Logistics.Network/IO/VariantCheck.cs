using Logistics.Network.IO.Format;
using Logistics.Network.Model;

namespace Logistics.Network.IO;

/// <summary>
/// The checks a variant made on a snapshot needs: the changed figures only, each as the binder checks a written number,
/// and the structural checks only when a change reaches a figure they read. Everything else is the snapshot's own,
/// already checked when it was bound.
/// </summary>
internal static class VariantCheck
{
    /// <summary>
    /// True when every figure <paramref name="changes"/> changes on <paramref name="snapshot"/> ends finite, whole where
    /// the format wants a whole number, and inside its field's range, and no market's minimum ends above its maximum.
    /// Values are taken before the set rounds whole numbers, so 27.5 years fails here as it fails binding.
    /// </summary>
    public static bool FiguresHold(NetworkSnapshot snapshot, FigureChangeSet changes)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        Dictionary<string, double>? written = null;
        foreach (var change in changes.Changes)
        {
            var v = change.Value;
            if (change.Operation != ChangeOperation.Set)
            {
                written ??= snapshot.Figures.ToDictionary(f => f.Path, f => f.Value, StringComparer.Ordinal);
                var current = values.TryGetValue(change.Path, out var earlier) ? earlier : written.GetValueOrDefault(change.Path);
                v = change.Operation == ChangeOperation.Multiply ? current * v : current + v;
            }

            values[change.Path] = v;
        }

        foreach (var (path, value) in values)
        {
            if (FormatTable.FieldAt(path) is not { } field || !double.IsFinite(value)) return false;
            if (field.Type == FieldType.Integer && value != Math.Floor(value)) return false;
            if ((field.EffectiveMinimum is { } lo && value < lo) || (field.EffectiveMaximum is { } hi && value > hi)) return false;
        }

        return values.Keys.All(path => DemandBoundsHold(snapshot, path, values));
    }

    /// <summary>True when some change reaches a figure a structural check reads (anything but a cost figure, <see cref="FieldSpec.IsCostFigure"/>).</summary>
    public static bool ReachesStructure(FigureChangeSet changes) =>
        changes.Changes.Any(c => FormatTable.FieldAt(c.Path)?.IsCostFigure != true);

    /// <summary>A demand's minimum may not exceed its maximum (the binder's one check across two figures).</summary>
    private static bool DemandBoundsHold(NetworkSnapshot snapshot, string path, Dictionary<string, double> values)
    {
        const string Prefix = "nodes[";
        var demand = path.IndexOf("].demand[", StringComparison.Ordinal);
        if (!path.StartsWith(Prefix, StringComparison.Ordinal) || demand < 0) return true;
        var close = path.IndexOf(']', demand + "].demand[".Length);
        if (close < 0) return true;
        var node = new NodeId(path[Prefix.Length..demand]);
        var commodity = path[(demand + "].demand[".Length)..close];
        var element = $"{path[..(close + 1)]}.";
        if (!snapshot.TryGetNode(node, out var market)) return true;
        var own = market.Demands.FirstOrDefault(d => d.Commodity.Value == commodity);
        if (own is null) return true;
        var min = values.TryGetValue(element + "minTpy", out var newMin) ? newMin : own.MinTpy;
        var max = values.TryGetValue(element + "maxTpy", out var newMax) ? newMax : own.MaxTpy;
        return max is not { } m || min <= m;
    }
}
