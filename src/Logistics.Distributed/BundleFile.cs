using System.Text;
using System.Text.Json;

using Logistics.Reports;

namespace Logistics.Distributed;

/// <summary>One file of a report bundle: its name inside the bundle ('/' separators) and its text (every bundle file is UTF-8 text).</summary>
public sealed record BundleFile(string Name, string Text);
