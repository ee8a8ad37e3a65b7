using System.Collections.Immutable;

using Logistics.Network.Model;
using Logistics.Optimisation;

namespace Logistics.Analysis;

/// <summary>
/// Why a variant has no solution, in terms a planner can act on: the load errors, or (for an infeasible model) what
/// cannot be shipped when the variant is re-solved allowing unshipped output at a penalty.
/// </summary>
/// <param name="Problems">Plain-language lines: load errors, the solver's message.</param>
/// <param name="Unshipped">Output that could not ship in the penalised re-solve, by mine and commodity.</param>
/// <param name="UnshippedTonnes">Total of <see cref="Unshipped"/>; null when no re-solve was possible.</param>
public sealed record OutcomeDiagnosis(ImmutableArray<string> Problems, ImmutableArray<UnshippedResult> Unshipped, double? UnshippedTonnes);
