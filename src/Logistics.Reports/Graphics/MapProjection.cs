using Logistics.Network.Model;

namespace Logistics.Reports.Graphics;

/// <summary>
/// An equirectangular projection of the land network's region (longitudes scaled by the cosine of the middle
/// latitude, so a small region keeps its shape) fitted into a frame. Markets far outside the region (Shanghai,
/// Houston) are left off the map: their sea legs run to the frame edge.
/// </summary>
internal sealed class MapProjection
{
    private readonly double _minLon;
    private readonly double _maxLat;
    private readonly double _cosLat;
    private readonly double _scale;
    private readonly double _offsetX;
    private readonly double _offsetY;

    public MapProjection(IReadOnlyCollection<(double Lat, double Lon)> region, double left, double top, double width, double height)
    {
        Left = left;
        Top = top;
        Right = left + width;
        Bottom = top + height;
        var minLat = region.Count == 0 ? 0 : region.Min(p => p.Lat);
        var maxLat = region.Count == 0 ? 1 : region.Max(p => p.Lat);
        var minLon = region.Count == 0 ? 0 : region.Min(p => p.Lon);
        var maxLon = region.Count == 0 ? 1 : region.Max(p => p.Lon);
        // Pad so labels and the nodes on the edge stay inside; a single point gets a one-degree box.
        var padLat = Math.Max(0.5, (maxLat - minLat) * 0.08);
        var padLon = Math.Max(0.5, (maxLon - minLon) * 0.08);
        minLat -= padLat;
        maxLat += padLat;
        minLon -= padLon;
        maxLon += padLon;
        _cosLat = Math.Cos((minLat + maxLat) / 2 * Math.PI / 180);
        _minLon = minLon;
        _maxLat = maxLat;
        var spanX = (maxLon - minLon) * _cosLat;
        var spanY = maxLat - minLat;
        _scale = Math.Min(width / spanX, height / spanY);
        _offsetX = left + ((width - (spanX * _scale)) / 2);
        _offsetY = top + ((height - (spanY * _scale)) / 2);
        MinLat = minLat;
        MaxLat = maxLat;
        MinLon = minLon;
        MaxLon = maxLon;
    }

    public double Left { get; }
    public double Top { get; }
    public double Right { get; }
    public double Bottom { get; }
    public double MinLat { get; }
    public double MaxLat { get; }
    public double MinLon { get; }
    public double MaxLon { get; }

    /// <summary>The region: nodes on at least one land link (road, rail, pipeline), or any node when there is none.</summary>
    public static List<Node> RegionNodes(NetworkSnapshot network)
    {
        var land = network.Links.Where(l => l.Mode != TransportMode.Sea).SelectMany(l => new[] { l.From, l.To }).ToHashSet();
        var nodes = network.Nodes.Where(n => land.Contains(n.Id)).ToList();
        return nodes.Count > 0 ? nodes : [.. network.Nodes];
    }

    public (double X, double Y) Project(double lat, double lon) =>
        (_offsetX + ((lon - _minLon) * _cosLat * _scale), _offsetY + ((_maxLat - lat) * _scale));

    public bool Contains(double lat, double lon) => lat >= MinLat && lat <= MaxLat && lon >= MinLon && lon <= MaxLon;

    /// <summary>Where a ray from <paramref name="from"/> towards a far-away point leaves the frame.</summary>
    public (double X, double Y) EdgeTowards((double X, double Y) from, double lat, double lon, double fromLat, double fromLon)
    {
        var dLon = lon - fromLon;
        dLon -= 360 * Math.Round(dLon / 360); // the short way round
        var dx = dLon * _cosLat;
        var dy = -(lat - fromLat);
        var length = Math.Sqrt((dx * dx) + (dy * dy));
        if (length < 1e-12)
            return from;
        dx /= length;
        dy /= length;
        var t = double.PositiveInfinity;
        if (dx > 1e-12) t = Math.Min(t, (Right - from.X) / dx);
        if (dx < -1e-12) t = Math.Min(t, (Left - from.X) / dx);
        if (dy > 1e-12) t = Math.Min(t, (Bottom - from.Y) / dy);
        if (dy < -1e-12) t = Math.Min(t, (Top - from.Y) / dy);
        return (from.X + (dx * t), from.Y + (dy * t));
    }
}
