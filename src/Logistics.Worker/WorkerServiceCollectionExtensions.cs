using Logistics.Reports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Logistics.Worker;

/// <summary>The one place the worker's services are registered, shared by Program.cs and the integration tests.</summary>
public static class WorkerServiceCollectionExtensions
{
    /// <summary>
    /// Adds the report worker: options from the <c>Worker</c> section (validated at start), the report builder,
    /// the scheduler and its three parts (network-change feed, inbox feed, consumer) with the scheduler as a hosted service, systemd integration (inactive outside systemd) and the shutdown timeout.
    /// Register your own <see cref="IReportBuilder"/> or <see cref="TimeProvider"/> first to replace the defaults.
    /// </summary>
    public static IServiceCollection AddLogisticsWorker(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<WorkerOptions>()
            .Bind(configuration.GetSection(WorkerOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IPostConfigureOptions<WorkerOptions>, WorkerOptionsSetup>();
        services.AddSingleton<IValidateOptions<WorkerOptions>, WorkerOptionsValidator>();

        // Read without validation: the host reads HostOptions while it is built, and a bad setting must surface
        // through ValidateOnStart with the full list of problems rather than as a crash in Build().
        services.AddOptions<HostOptions>().Configure(host =>
        {
            var worker = new WorkerOptions();
            configuration.GetSection(WorkerOptions.SectionName).Bind(worker);
            if (worker.ShutdownTimeoutSeconds > 0)
            {
                host.ShutdownTimeout = TimeSpan.FromSeconds(worker.ShutdownTimeoutSeconds);
            }
        });

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IReportBuilder>(sp => new ReportBundleBuilder(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<BundlePublisher>();
        services.AddSingleton<WorkerStatus>();
        services.AddSingleton<StatusWriter>();
        services.AddSingleton<ReportRunner>();
        services.AddSingleton<NetworkChangeFeed>();
        services.AddSingleton<InboxFeed>();
        services.AddSingleton<WorkConsumer>();
        services.AddHostedService<ReportScheduler>();

        // Type=notify readiness, journald-friendly logs and SIGTERM handling when run under systemd; no-op elsewhere.
        services.AddSystemd();
        return services;
    }
}
