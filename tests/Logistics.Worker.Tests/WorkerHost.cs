using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Logistics.Worker.Tests;

/// <summary>
/// The real host (Host.CreateApplicationBuilder + AddLogisticsWorker) on a test folder with a fast debounce. Unless a
/// test asks for the worker's default analyses, it runs only <c>solve</c> (set through the real Worker:Analyses option):
/// most tests check the worker's mechanics, and a full report (compare, value, resilience) multiplies the solves.
/// </summary>
internal sealed class WorkerHost : IAsyncDisposable
{
    private WorkerHost(IHost host, LogCapture logs)
    {
        Host = host;
        Logs = logs;
    }

    public IHost Host { get; }

    public LogCapture Logs { get; }

    /// <summary>The analyses the tests configure unless they ask for the defaults.</summary>
    public const string CheapAnalyses = "solve";

    public static IHost Build(
        TestFolder folder,
        LogCapture logs,
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null,
        bool defaultAnalyses = false)
    {
        HostApplicationBuilder builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = folder.Root,
            EnvironmentName = Environments.Development,
        });
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Worker:NetworksRoot"] = "networks",
            ["Worker:ReportsRoot"] = "reports",
            ["Worker:DebounceMilliseconds"] = "50",
            ["Worker:InboxPollMilliseconds"] = "50",
            ["Worker:MaxConcurrentJobs"] = "2",
            ["Worker:ShutdownTimeoutSeconds"] = "5",
        };
        if (!defaultAnalyses)
        {
            values["Worker:Analyses:0"] = CheapAnalyses;
        }

        foreach ((string key, string? value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(values);
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.Logging.AddProvider(logs);
        services?.Invoke(builder.Services);
        builder.Services.AddLogisticsWorker(builder.Configuration);
        return builder.Build();
    }

    public static async Task<WorkerHost> StartAsync(
        TestFolder folder,
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null,
        bool defaultAnalyses = false)
    {
        var logs = new LogCapture();
        IHost host = Build(folder, logs, settings, services, defaultAnalyses);
        await host.StartAsync();
        return new WorkerHost(host, logs);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
    }
}
