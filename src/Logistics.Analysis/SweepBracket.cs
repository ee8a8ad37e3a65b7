using System.Globalization;

using Logistics.Network.IO;
using Logistics.Network.Loading;
using Logistics.Network.Model;
using Logistics.Optimisation;

namespace Logistics.Analysis;

/// <summary>Two neighbouring grid points whose builds differ.</summary>
public sealed record SweepBracket(SweepPoint Lower, SweepPoint Upper);
