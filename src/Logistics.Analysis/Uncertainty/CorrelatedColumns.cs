using System.Collections.Immutable;

using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Random;
using MathNet.Numerics.Statistics;

namespace Logistics.Analysis.Uncertainty;

/// <summary>Columns of a sample that must have one rank correlation between every pair.</summary>
public sealed record CorrelatedColumns(string Id, ImmutableArray<int> Columns, double RankCorrelation);
