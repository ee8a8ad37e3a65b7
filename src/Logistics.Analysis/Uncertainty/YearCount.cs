using System.Text.Json.Serialization;

using Logistics.Network.IO;
using Logistics.Network.Model;
using Logistics.Optimisation;
using Logistics.Optimisation.Stochastic;

namespace Logistics.Analysis.Uncertainty;

/// <summary>How many solved draws build an option to enter service in a year.</summary>
public sealed record YearCount(int Year, int Count, double Share);
