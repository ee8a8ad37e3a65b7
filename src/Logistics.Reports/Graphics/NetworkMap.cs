using System.Globalization;
using System.Net;
using System.Text;

using Logistics.Network.Model;
using Logistics.Optimisation;

namespace Logistics.Reports.Graphics;

/// <summary>
/// Draws the network and its solved flows as one SVG, by hand rather than with the chart library: a map needs exact
/// control over geometry (one path per link, carrying its id, for tests and for people who edit the SVG), and the
/// projection, arrows and labels are less code than bending a plotting library into a map.
/// Line width shows tonnes, colour shows utilisation, dash shows the mode, a gold halo marks what the plan builds,
/// and an arrow in the middle of each used link shows the direction of the larger flow.
/// </summary>
internal static class NetworkMap
{
    public const int Width = 960;
    public const int Height = 640;
    // The map area; the legend sits to its right so it never hides a node.
    private const double FrameLeft = 10;
    private const double FrameTop = 10;
    private const double FrameWidth = 700;
    private const double FrameHeight = Height - 20;

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Utilisation bands: colour and legend text. Unlimited links with flow use <see cref="UnlimitedColour"/>.</summary>
    private static readonly (double Below, string Colour, string Label)[] Bands =
    [
        (0.5, "#2e9e4f", "under 50% used"),
        (0.8, "#d9a400", "50\u201380%"),
        (0.999, "#e06d00", "80\u201399.9%"),
        (double.PositiveInfinity, "#c62828", "full (bottleneck)"),
    ];

    private const string UnlimitedColour = "#3b6ea8";
    private const string IdleColour = "#9aa5b1";
    private const string HaloColour = "#f2c230";

    /// <param name="idPrefix">Put before every element id (title, arrow markers), so several maps can share one HTML page (one per period).</param>
    public static string Render(NetworkSnapshot network, OptimisationResult? result, string title, string idPrefix = "")
    {
        var regionNodes = MapProjection.RegionNodes(network);
        var projection = new MapProjection([.. regionNodes.Select(n => (n.Latitude, n.Longitude))], FrameLeft + 20, FrameTop + 36, FrameWidth - 40, FrameHeight - 50);
        var onMap = network.Nodes.Where(n => projection.Contains(n.Latitude, n.Longitude)).Select(n => n.Id).ToHashSet();
        var solved = result is { HasSolution: true } ? result : null;
        var built = solved?.Builds.Where(b => b.Built).Select(b => b.Id).ToHashSet() ?? [];
        var builtLinks = network.Links.Where(l => l.BuiltBy is { } o && built.Contains(o)).Select(l => l.Id).ToHashSet();
        var expandedLinks = solved?.Builds.Where(b => b.Built).SelectMany(b => b.CapacityAdds).Where(c => c.Link is not null).Select(c => c.Link!.Value).ToHashSet() ?? [];
        var expandedPorts = solved?.Builds.Where(b => b.Built).SelectMany(b => b.CapacityAdds).Where(c => c.Port is not null).Select(c => c.Port!.Value).ToHashSet() ?? [];
        var flows = solved?.LinkFlows.GroupBy(f => f.Link).ToDictionary(g => g.Key, g => g.ToList()) ?? [];
        var maxTonnes = flows.Count == 0 ? 0 : flows.Values.Max(fs => fs.Sum(f => f.TotalTpy));

        var svg = new StringBuilder();
        svg.Append(Inv, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"network-map\" viewBox=\"0 0 {Width} {Height}\" width=\"{Width}\" height=\"{Height}\" role=\"img\" aria-labelledby=\"{idPrefix}map-title\" font-family=\"DejaVu Sans, Liberation Sans, Arial, sans-serif\">\n");
        svg.Append("<title id=\"").Append(idPrefix).Append("map-title\">").Append(E(title)).Append("</title>\n");
        svg.Append("<defs>\n");
        foreach (var colour in Bands.Select(b => b.Colour).Append(UnlimitedColour))
        {
            svg.Append(Inv, $"<marker id=\"{idPrefix}arrow-{colour[1..]}\" viewBox=\"0 0 10 10\" refX=\"5\" refY=\"5\" markerUnits=\"userSpaceOnUse\" markerWidth=\"13\" markerHeight=\"13\" orient=\"auto\">");
            svg.Append(Inv, $"<path d=\"M0,1 L10,5 L0,9 z\" fill=\"{colour}\" stroke=\"#fff\" stroke-width=\"0.8\"/></marker>\n");
        }

        svg.Append("</defs>\n");
        svg.Append(Inv, $"<rect x=\"{FrameLeft}\" y=\"{FrameTop}\" width=\"{FrameWidth}\" height=\"{FrameHeight}\" fill=\"#f4f7fa\" stroke=\"#c8d1db\"/>\n");
        svg.Append(Inv, $"<text x=\"{FrameLeft + 10}\" y=\"{FrameTop + 20}\" font-size=\"15\" font-weight=\"bold\" fill=\"#1d2733\">{E(title)}</text>\n");

        var position = network.Nodes.ToDictionary(n => n.Id, n => projection.Project(n.Latitude, n.Longitude));
        var labels = new LabelPlacer();
        var exits = new Dictionary<NodeId, List<(double X, double Y)>>();

        // Halos first (under every link), then links from thin to thick so big flows stay on top.
        var drawn = new List<(Link Link, string Path, double Tonnes, string Colour, string Dash, double WidthPx, bool Idle, double? Utilisation)>();
        var pairIndex = new Dictionary<(NodeId, NodeId), int>();
        foreach (var link in network.Links)
        {
            var linkFlows = flows.GetValueOrDefault(link.Id) ?? [];
            var tonnes = linkFlows.Sum(f => f.TotalTpy);
            var dominant = linkFlows.OrderByDescending(f => f.TotalTpy).FirstOrDefault();
            var reverse = dominant is { Direction: LinkTravel.Reverse, TotalTpy: > 0 };
            var (fromId, toId) = reverse ? (link.To, link.From) : (link.From, link.To);
            var a = position[fromId];
            var b = position[toId];
            var key = string.CompareOrdinal(link.From.Value, link.To.Value) <= 0 ? (link.From, link.To) : (link.To, link.From);
            var index = pairIndex.GetValueOrDefault(key);
            pairIndex[key] = index + 1;
            var fromOn = onMap.Contains(fromId);
            var toOn = onMap.Contains(toId);
            if (!fromOn || !toOn)
            {
                // A leg to a far market: draw it from the on-map end to the frame edge, towards the market.
                var (inner, outer) = fromOn ? (fromId, toId) : (toId, fromId);
                var innerNode = network.Node(inner);
                var outerNode = network.Node(outer);
                var edge = projection.EdgeTowards(position[inner], outerNode.Latitude, outerNode.Longitude, innerNode.Latitude, innerNode.Longitude);
                if (!exits.TryGetValue(outer, out var list)) exits[outer] = list = [];
                list.Add(edge);
                (a, b) = fromOn ? (position[inner], edge) : (edge, position[inner]);
            }

            // Parallel links between the same two places (Suez and Cape legs, road and rail) bend apart.
            var bend = index == 0 ? 0 : (index % 2 == 1 ? 1 : -1) * ((index + 1) / 2) * 14.0;
            var length = Math.Max(1e-9, Math.Sqrt(((b.X - a.X) * (b.X - a.X)) + ((b.Y - a.Y) * (b.Y - a.Y))));
            var mid = (X: ((a.X + b.X) / 2) + (-(b.Y - a.Y) / length * bend), Y: ((a.Y + b.Y) / 2) + ((b.X - a.X) / length * bend));
            var path = string.Create(Inv, $"M{a.X:0.#},{a.Y:0.#} L{mid.X:0.#},{mid.Y:0.#} L{b.X:0.#},{b.Y:0.#}");
            var utilisation = linkFlows.Where(f => f.Utilisation is not null).Select(f => f.Utilisation).Max();
            var idle = tonnes <= 0;
            var colour = idle ? IdleColour : utilisation is { } u ? Bands.First(band => u < band.Below).Colour : UnlimitedColour;
            var width = idle ? 1.2 : 2 + ((link.Mode == TransportMode.Sea ? 5 : 10) * Math.Sqrt(tonnes / Math.Max(1, maxTonnes)));
            var dash = link.Mode switch
            {
                TransportMode.Road => "9 5",
                TransportMode.Sea => string.Create(Inv, $"{0.1:0.#} {Math.Max(3, width * 1.7):0.#}"), // round dots, spaced by width
                TransportMode.Pipeline => "14 4 3 4",
                _ => "",
            };
            if (link.BuiltBy is not null && !builtLinks.Contains(link.Id))
                dash = "2 4"; // an option's link that the plan does not build
            drawn.Add((link, path, tonnes, colour, dash, width, idle, utilisation));
            if (builtLinks.Contains(link.Id) || expandedLinks.Contains(link.Id))
                svg.Append(Inv, $"<path class=\"halo\" d=\"{path}\" fill=\"none\" stroke=\"{HaloColour}\" stroke-opacity=\"0.6\" stroke-width=\"{width + 9:0.#}\" stroke-linecap=\"round\" stroke-linejoin=\"round\"/>\n");
        }

        foreach (var d in drawn.OrderBy(d => d.Tonnes).ThenBy(d => d.Link.Id))
        {
            var tip = string.Create(Inv, $"{d.Link.Name} ({d.Link.Mode.ToString().ToLowerInvariant()}): {d.Tonnes:#,0} t/yr") +
                (d.Utilisation is { } u ? string.Create(Inv, $", {u * 100:0.#}% of capacity") : d.Idle ? "" : ", unlimited capacity");
            svg.Append(Inv, $"<path class=\"link link-{d.Link.Mode.ToString().ToLowerInvariant()}\" data-link=\"{E(d.Link.Id.Value)}\" data-tonnes=\"{d.Tonnes:0.###}\" d=\"{d.Path}\" fill=\"none\" stroke=\"{d.Colour}\" stroke-width=\"{d.WidthPx:0.##}\"");
            if (d.Dash.Length > 0) svg.Append(Inv, $" stroke-dasharray=\"{d.Dash}\"");
            if (d.Link.Mode == TransportMode.Sea) svg.Append(" stroke-linecap=\"round\"");
            if (d.Idle) svg.Append(" stroke-opacity=\"0.7\"");
            else svg.Append(Inv, $" marker-mid=\"url(#{idPrefix}arrow-{d.Colour[1..]})\"");
            svg.Append(" stroke-linejoin=\"round\"><title>").Append(E(tip)).Append("</title></path>\n");
        }

        // Node symbols are obstacles for every label; far-market labels go first, next to where their legs leave the map.
        foreach (var node in network.Nodes.Where(n => onMap.Contains(n.Id)))
            labels.Reserve(position[node.Id].X - 6, position[node.Id].Y - 6, 12, 12);
        foreach (var (market, points) in exits.OrderBy(e => e.Key))
        {
            var node = network.Node(market);
            var text = $"to {node.Name}";
            var exit = points.OrderBy(p => p.Y).First();
            var (x, y, anchor, _) = labels.Place(exit.X, exit.Y, text.Length * 13 * 0.6, 13, 8, allowFar: true)!.Value;
            svg.Append(Inv, $"<text class=\"far-market\" x=\"{x:0.#}\" y=\"{y:0.#}\" text-anchor=\"{anchor}\" font-size=\"13\" font-weight=\"bold\" fill=\"#1b5e20\" stroke=\"#f4f7fa\" stroke-width=\"3\" paint-order=\"stroke\">{E(text)}</text>\n");
        }

        // Nodes: junctions small, then mines, ports and markets on top with their names.
        foreach (var node in network.Nodes.Where(n => onMap.Contains(n.Id)).OrderBy(n => n.Kind == NodeKind.Junction ? 0 : 1).ThenBy(n => n.Id))
        {
            var (x, y) = position[node.Id];
            var ring = expandedPorts.Contains(node.Id) ? string.Create(Inv, $"<circle cx=\"{x:0.#}\" cy=\"{y:0.#}\" r=\"12\" fill=\"{HaloColour}\" fill-opacity=\"0.7\"/>") : "";
            svg.Append(ring);
            svg.Append(node.Kind switch
            {
                NodeKind.Mine => string.Create(Inv, $"<rect class=\"node node-mine\" data-node=\"{E(node.Id.Value)}\" x=\"{x - 6:0.#}\" y=\"{y - 6:0.#}\" width=\"12\" height=\"12\" fill=\"#8d5524\" stroke=\"#fff\" stroke-width=\"1.5\"/>"),
                NodeKind.Port => string.Create(Inv, $"<circle class=\"node node-port\" data-node=\"{E(node.Id.Value)}\" cx=\"{x:0.#}\" cy=\"{y:0.#}\" r=\"7\" fill=\"#0d47a1\" stroke=\"#fff\" stroke-width=\"1.5\"/>"),
                NodeKind.Market => string.Create(Inv, $"<path class=\"node node-market\" data-node=\"{E(node.Id.Value)}\" d=\"M{x:0.#},{y - 8:0.#} L{x + 8:0.#},{y:0.#} L{x:0.#},{y + 8:0.#} L{x - 8:0.#},{y:0.#} z\" fill=\"#1b5e20\" stroke=\"#fff\" stroke-width=\"1.5\"/>"),
                _ => string.Create(Inv, $"<circle class=\"node node-junction\" data-node=\"{E(node.Id.Value)}\" cx=\"{x:0.#}\" cy=\"{y:0.#}\" r=\"3.5\" fill=\"#52606d\" stroke=\"#fff\" stroke-width=\"1\"/>"),
            });
            svg.Append('\n');
        }

        foreach (var node in network.Nodes.Where(n => onMap.Contains(n.Id)).OrderBy(n => n.Kind == NodeKind.Junction ? 1 : 0).ThenBy(n => n.Id))
        {
            var (x, y) = position[node.Id];
            var major = node.Kind != NodeKind.Junction;
            var size = major ? 12.5 : 10.5;
            var text = ShortName(node.Name);
            // A junction's name is left out rather than put where it would seem to name something else.
            if (labels.Place(x, y, text.Length * size * 0.58, size, major ? 10 : 6, allowFar: major) is not { } placed)
                continue;
            var (lx, ly, anchor, far) = placed;
            // A label pushed away from its point gets a leader line, so it cannot be read as naming a neighbour.
            if (far)
                svg.Append(Inv, $"<line class=\"leader\" x1=\"{x:0.#}\" y1=\"{y:0.#}\" x2=\"{lx:0.#}\" y2=\"{ly - (size / 3):0.#}\" stroke=\"#52606d\" stroke-width=\"0.8\"/>\n");
            svg.Append(Inv, $"<text class=\"label\" x=\"{lx:0.#}\" y=\"{ly:0.#}\" text-anchor=\"{anchor}\" font-size=\"{size}\"{(major ? " font-weight=\"bold\"" : "")} fill=\"{(major ? "#1d2733" : "#52606d")}\" stroke=\"#f4f7fa\" stroke-width=\"3\" paint-order=\"stroke\">{E(text)}</text>\n");
        }

        Legend(svg, maxTonnes, built.Count > 0);
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    /// <summary>"Port Qasim (PIBT)" stays; "Karachi (ML-1 terminus and road hub)" becomes "Karachi": the long part is in the tables.</summary>
    private static string ShortName(string name)
    {
        var paren = name.IndexOf(" (", StringComparison.Ordinal);
        return paren > 0 && name.Length > 22 ? name[..paren] : name;
    }

    private static void Legend(StringBuilder svg, double maxTonnes, bool anyBuilt)
    {
        const double x = FrameLeft + FrameWidth + 12;
        const double y = FrameTop;
        svg.Append(Inv, $"<g class=\"legend\" font-size=\"11.5\" fill=\"#1d2733\"><rect x=\"{x}\" y=\"{y}\" width=\"226\" height=\"204\" fill=\"#fff\" fill-opacity=\"0.92\" stroke=\"#c8d1db\"/>\n");
        var row = y + 18;
        svg.Append(Inv, $"<text x=\"{x + 8}\" y=\"{row}\" font-weight=\"bold\">Link use (colour)</text>\n");
        foreach (var (colour, label) in Bands.Select(b => (b.Colour, b.Label)).Append((UnlimitedColour, "used, no capacity limit")).Append((IdleColour, "not used")))
        {
            row += 15;
            svg.Append(Inv, $"<line x1=\"{x + 10}\" y1=\"{row - 4}\" x2=\"{x + 40}\" y2=\"{row - 4}\" stroke=\"{colour}\" stroke-width=\"5\"/><text x=\"{x + 48}\" y=\"{row}\">{E(label)}</text>\n");
        }

        row += 19;
        svg.Append(Inv, $"<text x=\"{x + 8}\" y=\"{row}\" font-weight=\"bold\">Mode (dash)</text>\n");
        row += 15;
        svg.Append(Inv, $"<line x1=\"{x + 10}\" y1=\"{row - 4}\" x2=\"{x + 40}\" y2=\"{row - 4}\" stroke=\"#52606d\" stroke-width=\"3\"/><text x=\"{x + 44}\" y=\"{row}\">rail</text>");
        svg.Append(Inv, $"<line x1=\"{x + 80}\" y1=\"{row - 4}\" x2=\"{x + 110}\" y2=\"{row - 4}\" stroke=\"#52606d\" stroke-width=\"3\" stroke-dasharray=\"9 5\"/><text x=\"{x + 114}\" y=\"{row}\">road</text>");
        svg.Append(Inv, $"<line x1=\"{x + 150}\" y1=\"{row - 4}\" x2=\"{x + 180}\" y2=\"{row - 4}\" stroke=\"#52606d\" stroke-width=\"3\" stroke-dasharray=\"0.1 5\" stroke-linecap=\"round\"/><text x=\"{x + 184}\" y=\"{row}\">sea</text>\n");
        row += 17;
        svg.Append(Inv, $"<line x1=\"{x + 10}\" y1=\"{row - 4}\" x2=\"{x + 40}\" y2=\"{row - 4}\" stroke=\"{HaloColour}\" stroke-opacity=\"0.6\" stroke-width=\"10\"/><text x=\"{x + 48}\" y=\"{row}\">{(anyBuilt ? "built or expanded by the plan" : "would be built (none chosen)")}</text>\n");
        row += 15;
        svg.Append(Inv, $"<line x1=\"{x + 10}\" y1=\"{row - 4}\" x2=\"{x + 40}\" y2=\"{row - 4}\" stroke=\"{IdleColour}\" stroke-width=\"2\" stroke-dasharray=\"2 4\"/><text x=\"{x + 48}\" y=\"{row}\">option not built</text>\n");
        row += 15;
        svg.Append(Inv, $"<text x=\"{x + 8}\" y=\"{row}\">Width: tonnes/yr (widest {maxTonnes:#,0})</text>\n");
        svg.Append("</g>\n");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    /// <summary>Puts each label at the first of eight spots around its point that does not overlap one already placed.</summary>
    private sealed class LabelPlacer
    {
        private readonly List<(double X, double Y, double W, double H)> _taken = [];

        public void Reserve(double x, double y, double w, double h) => _taken.Add((x, y, w, h));

        /// <summary>
        /// The first free spot next to the point; with <paramref name="allowFar"/> also spots 2.2 times as far (marked
        /// Far, for a leader line) and, as a last resort, the first spot even if it overlaps; otherwise null.
        /// </summary>
        public (double X, double Y, string Anchor, bool Far)? Place(double x, double y, double width, double height, double gap, bool allowFar)
        {
            var candidates = new (double Dx, double Dy, string Anchor)[]
            {
                (gap, height / 3, "start"), (-gap, height / 3, "end"), (0, -gap, "middle"), (0, gap + height, "middle"),
                (gap, -gap, "start"), (-gap, -gap, "end"), (gap, gap + (height / 2), "start"), (-gap, gap + (height / 2), "end"),
            };
            var far = allowFar ? candidates.Select(c => (Dx: c.Dx * 2.2, Dy: c.Dy * 2.2, c.Anchor)) : [];
            foreach (var (dx, dy, anchor) in candidates.Concat(far))
            {
                var box = Box(x + dx, y + dy, width, height, anchor);
                if (box.X < FrameLeft || box.X + box.W > FrameLeft + FrameWidth || box.Y < FrameTop + 26 || box.Y + box.H > FrameTop + FrameHeight)
                    continue;
                if (_taken.Any(t => Overlaps(t, box)))
                    continue;
                _taken.Add(box);
                return (x + dx, y + dy, anchor, Math.Abs(dx) > gap * 1.5 || Math.Abs(dy) > gap + height);
            }

            if (!allowFar)
                return null;
            _taken.Add(Box(x + gap, y + (height / 3), width, height, "start"));
            return (x + gap, y + (height / 3), "start", false);
        }

        private static (double X, double Y, double W, double H) Box(double x, double baseline, double w, double h, string anchor) =>
            (anchor switch { "end" => x - w, "middle" => x - (w / 2), _ => x }, baseline - h, w, h + 2);

        private static bool Overlaps((double X, double Y, double W, double H) a, (double X, double Y, double W, double H) b) =>
            a.X < b.X + b.W && b.X < a.X + a.W && a.Y < b.Y + b.H && b.Y < a.Y + a.H;
    }
}
