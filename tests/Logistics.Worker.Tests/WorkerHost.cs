using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Logistics.Worker.Tests;

/// <summary>The real host (Host.CreateApplicationBuilder + AddLogisticsWorker) on a test folder with a fast debounce.</summary>
internal sealed class WorkerHost : IAsyncDisposable
{
    private WorkerHost(IHost host, LogCapture logs)
    {
        Host = host;
        Logs = logs;
    }

    public IHost Host { get; }

    public LogCapture Logs { get; }

    public static IHost Build(TestFolder folder, LogCapture logs, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
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
            ["Worker:MaxConcurrentJobs"] = "2",
            ["Worker:ShutdownTimeoutSeconds"] = "5",
        };
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

    public static async Task<WorkerHost> StartAsync(TestFolder folder, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var logs = new LogCapture();
        IHost host = Build(folder, logs, settings, services);
        await host.StartAsync();
        return new WorkerHost(host, logs);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
    }
}
