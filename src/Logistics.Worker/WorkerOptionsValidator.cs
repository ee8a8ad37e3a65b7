using System.Globalization;
using Microsoft.Extensions.Options;

using Logistics.Analysis;

namespace Logistics.Worker;

/// <summary>Checks every setting at start and says which one is wrong and how to fix it.</summary>
internal sealed class WorkerOptionsValidator : IValidateOptions<WorkerOptions>
{
    public ValidateOptionsResult Validate(string? name, WorkerOptions options)
    {
        var errors = new List<string>();
        const string S = WorkerOptions.SectionName;
        if (string.IsNullOrWhiteSpace(options.NetworksRoot))
        {
            errors.Add($"{S}:NetworksRoot is empty; set it to the folder of *.network.json files (default \"networks\").");
        }
        else if (!Directory.Exists(options.NetworksRoot))
        {
            errors.Add($"{S}:NetworksRoot \"{options.NetworksRoot}\" does not exist; create it or point the setting at the folder of network files.");
        }

        if (string.IsNullOrWhiteSpace(options.ReportsRoot))
        {
            errors.Add($"{S}:ReportsRoot is empty; set it to the folder reports are written to (default \"reports\").");
        }

        // The networks watcher sees every *.json below its root: reports or jobs written there would wake it forever.
        if (!string.IsNullOrWhiteSpace(options.NetworksRoot))
        {
            foreach ((string setting, string path) in new[] { ("ReportsRoot", options.ReportsRoot), ("InboxRoot", options.EffectiveInboxRoot) })
            {
                if (!string.IsNullOrWhiteSpace(path) && IsSameOrInside(options.NetworksRoot, path))
                {
                    errors.Add($"{S}:{setting} \"{path}\" is inside {S}:NetworksRoot; put reports and jobs in a folder of their own (default \"reports\" next to \"networks\").");
                }
            }
        }

        Range(errors, "DebounceMilliseconds", options.DebounceMilliseconds, 10, 600_000);
        Range(errors, "InboxPollMilliseconds", options.InboxPollMilliseconds, 10, 600_000);
        Range(errors, "MaxConcurrentJobs", options.MaxConcurrentJobs, 1, 64);
        Range(errors, "SolveTimeLimitSeconds", options.SolveTimeLimitSeconds, 1, 86_400);
        Range(errors, "ShutdownTimeoutSeconds", options.ShutdownTimeoutSeconds, 1, 3_600);
        Range(errors, "RescanIntervalSeconds", options.RescanIntervalSeconds, 0, 86_400);
        Range(errors, "DiskFullRetryMilliseconds", options.DiskFullRetryMilliseconds, 10, 3_600_000);
        Range(errors, "DiskFullRetryMaxMilliseconds", options.DiskFullRetryMaxMilliseconds, Math.Max(10, options.DiskFullRetryMilliseconds), 86_400_000);

        foreach (string analysis in options.Analyses)
        {
            if (!AnalysisKinds.IsKnown(analysis))
            {
                errors.Add($"{S}:Analyses contains \"{analysis}\", which is not an analysis; use any of {string.Join(", ", AnalysisKinds.Names)}.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static bool IsSameOrInside(string root, string path)
    {
        string r = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        string p = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        return p == r || p.StartsWith(r + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }

    private static void Range(List<string> errors, string setting, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            errors.Add(string.Format(
                CultureInfo.InvariantCulture,
                "{0}:{1} is {2}; it must be between {3} and {4}.",
                WorkerOptions.SectionName,
                setting,
                value,
                min,
                max));
        }
    }
}
