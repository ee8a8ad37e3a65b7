using Logistics.Distributed;
using Logistics.Worker;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

// The report worker: watches the networks folder and the job inbox, writes report bundles. Exit codes: see WorkerExitCodes.
HostApplicationBuilder builder = Host.CreateApplicationBuilder(args);

// The appsettings.json shipped next to the program is the lowest layer, so the defaults and an operator's edits there
// apply whatever the working directory; appsettings.json in the content root, environment and command line override it.
builder.Configuration.Sources.Insert(0, new JsonConfigurationSource
{
    Path = "appsettings.json",
    Optional = true,
    FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory),
});
// Opt-in distributed mode (Mode=distributed, docs/distributed.md): run study items from PostgreSQL instead of watching folders.
bool distributed = string.Equals(builder.Configuration["Mode"], "distributed", StringComparison.OrdinalIgnoreCase);
try
{
    if (distributed)
    {
        builder.Services.AddSystemd();
        builder.Services.AddLogisticsStudyWorker(builder.Configuration);
    }
    else
    {
        builder.Services.AddLogisticsWorker(builder.Configuration);
    }

    using IHost host = builder.Build();
    if (distributed)
    {
        await host.RunAsync();
        return Environment.ExitCode;
    }

    // Validate before starting, so a bad setting is reported once, plainly, instead of as a host start-up failure.
    _ = host.Services.GetRequiredService<IOptions<WorkerOptions>>().Value;
    await host.RunAsync();
    return Environment.ExitCode;
}
catch (InvalidOperationException e) when (distributed && e.Message.StartsWith("Distributed mode", StringComparison.Ordinal))
{
    await Console.Error.WriteLineAsync("logistics-worker: " + e.Message);
    return WorkerExitCodes.InvalidSettings;
}
catch (OptionsValidationException e)
{
    await Console.Error.WriteLineAsync("logistics-worker: invalid settings (appsettings.json or Worker__* environment variables):");
    foreach (string failure in e.Failures)
    {
        await Console.Error.WriteLineAsync("  " + failure);
    }

    return WorkerExitCodes.InvalidSettings;
}
