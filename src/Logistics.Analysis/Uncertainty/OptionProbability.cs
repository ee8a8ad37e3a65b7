using System.Collections.Immutable;

using Logistics.Network.IO;
using Logistics.Network.Model;
using Logistics.Optimisation.Stochastic;

namespace Logistics.Analysis.Uncertainty;

/// <summary>How often an option is built, with Wilson's 95% interval of the probability.</summary>
public sealed record OptionProbability(OptionId Option, int Built, int Of, double Probability, double Low, double High, bool BuiltAtCentre)
{
    /// <summary>For a plan over time: in how many draws the option enters service in each year (shares of all solved draws).</summary>
    public ImmutableArray<YearCount> ByYear { get; init; } = [];
}
