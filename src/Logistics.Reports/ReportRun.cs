using System.Globalization;
using System.Text;

using Logistics.Analysis;
using Logistics.Network.Diagnostics;
using Logistics.Network.IO;
using Logistics.Network.Loading;
using Logistics.Network.Model;
using Logistics.Optimisation;
using Logistics.Reports.Content;
using Logistics.Reports.Document;
using Logistics.Reports.Export;

namespace Logistics.Reports;

/// <summary>What <see cref="ReportBundleBuilder.RunAsync"/> or <see cref="ReportBundleWriter.Write"/> did: the outcome, the model rendered (null for invalid input), and whether any solve ended without a solution.</summary>
public sealed record ReportRun(ReportOutcome Outcome, ReportModel? Model, bool AnySolveWithoutSolution);
