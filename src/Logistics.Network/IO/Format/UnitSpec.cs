using System.Collections.Immutable;
using System.Globalization;

namespace Logistics.Network.IO.Format;

/// <summary>
/// A unit that appears in field names (…Km, …Tpy, …Usd): what it means and the range a sane value lies in.
/// Values outside the range are "impossible numbers" (negative tonnages, lengths longer than twice round the Earth).
/// </summary>
public sealed record UnitSpec(string Name, string Meaning, double Minimum, double Maximum);
