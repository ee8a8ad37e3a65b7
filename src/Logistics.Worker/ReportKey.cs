using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Logistics.Reports;

namespace Logistics.Worker;

/// <summary>
/// The hash a bundle is filed under: the input fingerprint plus what was asked (the scenario reported on, scenarios compared, analyses, limits), so a
/// job asking for other analyses of the same files gets its own report while the same question is never solved twice.
/// </summary>
public static class ReportKey
{
    public static string Compute(InputFingerprint inputs, ReportRequest request)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(request);
        var text = new StringBuilder();
        text.Append("inputs=").Append(inputs.Hash).Append('\n');
        text.Append("scenarios=").AppendJoin(',', request.Scenarios.IsDefault ? [] : request.Scenarios).Append('\n');
        text.Append("analyses=").AppendJoin(',', request.Analyses.IsDefault ? [] : request.Analyses).Append('\n');
        text.Append("limit=").Append(request.SolveTimeLimit?.TotalSeconds.ToString("R", CultureInfo.InvariantCulture) ?? "").Append('\n');
        text.Append("gap=").Append(request.RelativeGap?.ToString("R", CultureInfo.InvariantCulture) ?? "").Append('\n');
        // Only when set, so the keys (and the bundles they file) of requests without a scenario stay what they were.
        if (request.Scenario is { } scenario)
            text.Append("scenario=").Append(scenario).Append('\n');
        // Only when asked, so the keys of plain reports filed before stay what they were.
        if (request.Uncertainty is { } u)
            text.Append(CultureInfo.InvariantCulture, $"uncertainty={u.Draws},{u.Seed},{u.TwoStageDraws},{u.MaxCandidatePlans}\n");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
