using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Logistics.Worker;

/// <summary>Resolves relative folders against the content root, so the worker does not depend on its working directory.</summary>
internal sealed class WorkerOptionsSetup(IHostEnvironment environment) : IPostConfigureOptions<WorkerOptions>
{
    public void PostConfigure(string? name, WorkerOptions options)
    {
        string root = environment.ContentRootPath;
        options.NetworksRoot = Resolve(root, options.NetworksRoot);
        options.ReportsRoot = Resolve(root, options.ReportsRoot);
        options.InboxRoot = string.IsNullOrWhiteSpace(options.InboxRoot) ? "" : Resolve(root, options.InboxRoot);
    }

    private static string Resolve(string root, string path) =>
        string.IsNullOrWhiteSpace(path) ? path : Path.TrimEndingDirectorySeparator(Path.GetFullPath(path, root));
}
