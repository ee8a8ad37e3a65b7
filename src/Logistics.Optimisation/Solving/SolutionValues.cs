using Logistics.Network.Model;
using Logistics.Optimisation.Model;

namespace Logistics.Optimisation.Solving;

/// <summary>
/// The solved values, read once from the solver and cleaned: |x| &lt; 1e-6 becomes 0 and build variables are
/// rounded to 0/1, so every number downstream is the same on every run.
/// </summary>
internal sealed class SolutionValues
{
    /// <summary>The one zero tolerance of the optimiser: values, slacks and flows smaller than this are zero.</summary>
    public const double Tolerance = 1e-6;

    public SolutionValues(OptimisationModel model)
    {
        Model = model;
        Flow = new double[model.Layers.Length, model.Graph.Arcs.Length];
        foreach (var layer in model.Layers)
        {
            foreach (var arc in model.Graph.Arcs)
            {
                if (model.Flow[layer.Index, arc.Index] is { } x)
                    Flow[layer.Index, arc.Index] = Clean(x.SolutionValue());
            }
        }

        Injected = [.. model.Injections.Select(list => list.Select(i => Clean(i.Variable.SolutionValue())).ToArray())];
        Absorbed = [.. model.Absorptions.Select(list => list.Select(a => Clean(a.Variable.SolutionValue())).ToArray())];
        Delivered = [.. model.Delivered.Select(v => Clean(v.SolutionValue()))];
        Unshipped = model.Unshipped.ToDictionary(p => p.Key, p => Clean(p.Value.SolutionValue()));
        Built = model.Build.ToDictionary(p => p.Key, p => p.Value.SolutionValue() > 0.5);
    }

    public OptimisationModel Model { get; }

    /// <summary>Flow by layer and arc.</summary>
    public double[,] Flow { get; }

    /// <summary>Injections by layer, in the order of <see cref="OptimisationModel.Injections"/>.</summary>
    public double[][] Injected { get; }

    /// <summary>Absorptions by class.</summary>

    public double[][] Absorbed { get; }

    public double[] Delivered { get; }

    public Dictionary<(NodeId Mine, CommodityId Commodity), double> Unshipped { get; }

    public Dictionary<OptionId, bool> Built { get; }

    public bool IsBuilt(OptionId option) => Built.GetValueOrDefault(option);

    /// <summary>True when the link exists in this solution (it exists today, or its option is built).</summary>
    public bool LinkExists(Link link) => link.BuiltBy is not { } option || IsBuilt(option);

    public static double Clean(double value) => Math.Abs(value) < Tolerance ? 0 : value;

    /// <summary>Total tonnes of all layers on an arc.</summary>
    public double ArcTotal(Arc arc)
    {
        var total = 0.0;
        for (var k = 0; k < Model.Layers.Length; k++)
            total += Flow[k, arc.Index];
        return total;
    }
}
