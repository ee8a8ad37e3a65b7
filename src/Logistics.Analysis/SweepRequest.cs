using System.Text.Json.Serialization;

using Logistics.Network.Model;
using Logistics.Optimisation;

namespace Logistics.Analysis;

/// <summary>What to sweep: one numeric field, set to each of <see cref="Steps"/> evenly spaced values from <see cref="From"/> to <see cref="To"/>.</summary>
/// <param name="Path">A scenario-change path, e.g. <c>options[pasni-package].capexUsd</c> (docs/format.md, "Scenarios").</param>
/// <param name="Steps">Number of grid points, at least 2 (both ends included).</param>
/// <param name="Scenario">Scenario applied before the swept value; null for the base.</param>
/// <param name="Tolerance">Width to which each switching point is bracketed by bisection; null for (To − From) / (Steps − 1) / 1000.</param>
public sealed record SweepRequest(string Path, double From, double To, int Steps, string? Scenario = null, double? Tolerance = null);
