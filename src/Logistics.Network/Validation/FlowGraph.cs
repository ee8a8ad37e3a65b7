namespace Logistics.Network.Validation;

/// <summary>
/// A capacitated directed graph on integer vertices with a maximum flow (Dinic's algorithm), for the supply-capacity
/// check. It replaces QuikGraph's Edmonds–Karp over string vertices, whose vertex and edge dictionaries and reversed
/// edges (added and removed per flow) made the check the largest part of loading (issue 15). The maximum flow's value
/// is unique, so the check's findings do not depend on which algorithm finds it.
/// </summary>
internal sealed class FlowGraph
{
    /// <summary>Residual capacities at or below this are treated as saturated (tonnes per year: far below any figure).</summary>
    private const double Epsilon = 1e-9;

    private readonly List<(int From, int To, double Capacity)> _edges = [];

    public FlowGraph(int vertices) => Vertices = vertices;

    public int Vertices { get; }

    public void AddEdge(int from, int to, double capacity) => _edges.Add((from, to, capacity));

    /// <summary>The maximum flow to <paramref name="sink"/> from the <paramref name="sources"/>, each limited to its capacity (a super-source edge).</summary>
    public double MaxFlow(IEnumerable<(int Vertex, double Capacity)> sources, int sink)
    {
        var source = Vertices; // the super-source, one past the graph's own vertices
        // The graph's edges, then the super-source's: read in place, not copied into a new list per flow.
        var sourceArcs = sources.Select(s => (source, s.Vertex, s.Capacity)).ToList();
        var arcs = new ArcList(_edges, sourceArcs);
        var n = Vertices + 1;

        // Arcs in pairs (2k forward, 2k+1 its reverse), grouped by tail (compressed rows).
        var start = new int[n + 1];
        foreach (var (from, to, _) in arcs)
        {
            start[from + 1]++;
            start[to + 1]++;
        }

        for (var v = 0; v < n; v++) start[v + 1] += start[v];
        var fill = (int[])start.Clone();
        var head = new int[arcs.Count * 2];
        var residual = new double[arcs.Count * 2];
        var partner = new int[arcs.Count * 2];
        foreach (var (from, to, capacity) in arcs)
        {
            var (f, r) = (fill[from]++, fill[to]++);
            (head[f], residual[f], partner[f]) = (to, capacity, r);
            (head[r], residual[r], partner[r]) = (from, 0, f);
        }

        var level = new int[n];
        var next = new int[n];
        var queue = new int[n];
        var total = 0.0;
        while (Levels(source, sink, start, head, residual, level, queue))
        {
            Array.Copy(start, next, n);
            double pushed;
            while ((pushed = Push(source, sink, double.PositiveInfinity, start, head, residual, partner, level, next)) > Epsilon)
                total += pushed;
        }

        return total;
    }

    /// <summary>Two lists read as one, in order (the graph's edges and one flow's super-source arcs).</summary>
    private readonly struct ArcList(List<(int From, int To, double Capacity)> first, List<(int From, int To, double Capacity)> second)
    {
        public int Count => first.Count + second.Count;

        public Enumerator GetEnumerator() => new(first, second);

        public struct Enumerator(List<(int From, int To, double Capacity)> first, List<(int From, int To, double Capacity)> second)
        {
            private int _index = -1;

            public readonly (int From, int To, double Capacity) Current => _index < first.Count ? first[_index] : second[_index - first.Count];

            public bool MoveNext() => ++_index < first.Count + second.Count;
        }
    }

    private static bool Levels(int source, int sink, int[] start, int[] head, double[] residual, int[] level, int[] queue)
    {
        Array.Fill(level, -1);
        level[source] = 0;
        var (read, write) = (0, 0);
        queue[write++] = source;
        while (read < write)
        {
            var v = queue[read++];
            for (var a = start[v]; a < start[v + 1]; a++)
            {
                if (residual[a] <= Epsilon || level[head[a]] >= 0) continue;
                level[head[a]] = level[v] + 1;
                queue[write++] = head[a];
            }
        }

        return level[sink] >= 0;
    }

    private static double Push(int v, int sink, double limit, int[] start, int[] head, double[] residual, int[] partner, int[] level, int[] next)
    {
        if (v == sink) return limit;
        for (; next[v] < start[v + 1]; next[v]++)
        {
            var a = next[v];
            var w = head[a];
            if (residual[a] <= Epsilon || level[w] != level[v] + 1) continue;
            var pushed = Push(w, sink, Math.Min(limit, residual[a]), start, head, residual, partner, level, next);
            if (pushed <= Epsilon) continue;
            residual[a] -= pushed;
            residual[partner[a]] += pushed;
            return pushed;
        }

        return 0;
    }
}
