using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Logistics.Distributed.Tests;

/// <summary>The built worker (<c>dotnet Logistics.Worker.dll</c>) in distributed mode, as its own process.</summary>
public sealed class WorkerProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private WorkerProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get
        {
            lock (_output) return _output.ToString();
        }
    }

    /// <summary>Short timeouts so a killed worker's item moves on within seconds (docs/distributed.md, "Faults").</summary>
    public static WorkerProcess Start(string connectionString, string inputsFolder)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Logistics.Worker.dll");
        Assert.True(File.Exists(dll), $"the built worker is next to the tests: {dll}");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(dll);
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["Mode"] = "distributed";
        start.Environment["Distributed__ConnectionString"] = connectionString;
        start.Environment["Distributed__InvisibilityTimeoutSeconds"] = "3";
        start.Environment["Distributed__PollIntervalSeconds"] = "0.2";
        start.Environment["Distributed__MaxAttempts"] = "2";
        start.Environment["Distributed__RetryDelaySeconds"] = "0";
        start.Environment["Distributed__RecoveryIntervalSeconds"] = "1";
        start.Environment["Distributed__InputsFolder"] = inputsFolder;
        start.Environment["Distributed__FailUnits__0"] = StudyTests.PoisonUnit;
        var process = new Process { StartInfo = start };
        var worker = new WorkerProcess(process);
        process.OutputDataReceived += (_, e) => worker.Append(e.Data);
        process.ErrorDataReceived += (_, e) => worker.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return worker;
    }

    /// <summary>SIGKILL: no handler runs, the item it holds is simply abandoned.</summary>
    public void Kill()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>SIGTERM, what systemd sends on stop; returns the exit code.</summary>
    public async Task<int> TerminateAsync(TimeSpan timeout)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
            await kill.WaitForExitAsync();
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        return _process.ExitCode;
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }
}
