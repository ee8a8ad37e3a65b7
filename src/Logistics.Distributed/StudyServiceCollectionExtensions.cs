using Hangfire;
using Hangfire.PostgreSql;

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

using Npgsql;

namespace Logistics.Distributed;

/// <summary>Registers the distributed worker: a Hangfire server on the studies queue, the study store and the recovery loop.</summary>
public static class StudyServiceCollectionExtensions
{
    private const int DatabaseRetries = 10;

    /// <exception cref="InvalidOperationException">No connection string in configuration or environment.</exception>
    public static IServiceCollection AddLogisticsStudyWorker(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new DistributedOptions();
        configuration.GetSection(DistributedOptions.Section).Bind(options);
        var connectionString = options.ResolveConnectionString() ?? throw new InvalidOperationException(
            $"Distributed mode needs a PostgreSQL connection string: set {DistributedOptions.Section}__ConnectionString or {DistributedOptions.ConnectionVariable} in the environment (never in a committed file).");

        services.AddSingleton(options);
        services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        services.AddSingleton<StudyStore>();
        services.AddSingleton<StudyContexts>();
        services.AddSingleton<StudyCoordinator>();
        services.AddTransient<StudyItemJob>();
        services.AddHangfire(c => Configure(c, connectionString, options));
        services.AddHangfireServer(server =>
        {
            server.WorkerCount = Math.Max(1, options.WorkerCount);
            server.Queues = [DistributedOptions.Queue];
            server.ServerName = Environment.MachineName + ":" + Environment.ProcessId;
            server.SchedulePollingInterval = TimeSpan.FromSeconds(1);
            server.HeartbeatInterval = TimeSpan.FromSeconds(5);
            server.ServerCheckInterval = TimeSpan.FromSeconds(30);
            server.ServerTimeout = TimeSpan.FromMinutes(1);
        });
        services.AddHostedService<StudyRecoveryService>();
        return services;
    }

    /// <summary>Hangfire on PostgreSQL as both the CLI (to enqueue) and workers (to run) use it.</summary>
    public static IGlobalConfiguration Configure(IGlobalConfiguration configuration, string connectionString, DistributedOptions options)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(options);
        return configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UsePostgreSqlStorage(o => o.UseNpgsqlConnection(connectionString), StorageOptions(options))
            .UseFilter(new AutomaticRetryAttribute
            {
                // The job itself reports an item as failed at its last attempt; Hangfire's retries beyond that cover
                // runs that failed on the database (a restart), which give their attempt back.
                Attempts = Math.Max(1, options.MaxAttempts) + DatabaseRetries,
                DelaysInSeconds = [.. Enumerable.Range(0, Math.Max(1, options.MaxAttempts) + DatabaseRetries).Select(i => (int)Math.Ceiling(Math.Max(0, options.RetryDelaySeconds)) + Math.Min(i, 10))],
                OnAttemptsExceeded = AttemptsExceededAction.Fail,
            });
    }

    public static PostgreSqlStorageOptions StorageOptions(DistributedOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new PostgreSqlStorageOptions
        {
            SchemaName = "hangfire",
            PrepareSchemaIfNecessary = true,
            QueuePollInterval = TimeSpan.FromSeconds(Math.Max(0.05, options.PollIntervalSeconds)),
            InvisibilityTimeout = TimeSpan.FromSeconds(Math.Max(1, options.InvisibilityTimeoutSeconds)),
            UseSlidingInvisibilityTimeout = true,
            DistributedLockTimeout = TimeSpan.FromSeconds(30),
            StartupConnectionMaxRetries = 30,
        };
    }
}
