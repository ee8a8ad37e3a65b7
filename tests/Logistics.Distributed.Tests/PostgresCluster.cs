using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Logistics.Distributed.Tests;

/// <summary>
/// A real PostgreSQL server in a temporary folder: Debian's initdb and pg_ctl, trust authentication on 127.0.0.1 and
/// a free port. PostgreSQL refuses to run as root, so as root the folder is given to the 'postgres' user (which
/// Debian's package creates) and the binaries run as that user. Without the binaries the tests fail, saying how to
/// install them: the distributed tests never pass without a database.
/// </summary>
public sealed class PostgresCluster : IDisposable
{
    private readonly string _bin;
    private readonly bool _asPostgres;

    private PostgresCluster(string bin, string folder, int port, bool asPostgres)
    {
        _bin = bin;
        Folder = folder;
        Port = port;
        _asPostgres = asPostgres;
    }

    public string Folder { get; }

    public int Port { get; }

    public string ConnectionString(string database = "postgres") => $"Host=127.0.0.1;Port={Port.ToString(CultureInfo.InvariantCulture)};Username=logistics;Database={database};Timeout=5;Command Timeout=30";

    public static PostgresCluster Start()
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderBy(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0).LastOrDefault()
            : null;
        if (bin is null)
        {
            throw new InvalidOperationException(
                "The distributed tests need a real PostgreSQL server, and none is installed (no /usr/lib/postgresql/<version>/bin/initdb). " +
                "Install Debian's package: apt-get install -y postgresql (.ci/run does this when it is missing).");
        }

        var asPostgres = Environment.UserName == "root";
        var folder = Path.Combine(Path.GetTempPath(), "logistics-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        if (asPostgres)
            Run("chown", ["postgres", folder], false);
        var cluster = new PostgresCluster(bin, folder, FreePort(), asPostgres);
        cluster.Pg("initdb", ["-D", cluster.Data, "-U", "logistics", "-A", "trust", "--no-sync", "-E", "UTF8"]);
        cluster.StartServer();
        return cluster;
    }

    private string Data => Path.Combine(Folder, "data");

    public void StartServer() => Pg("pg_ctl", ["-D", Data, "-l", Path.Combine(Folder, "server.log"), "-w", "-t", "60",
        "-o", $"-p {Port.ToString(CultureInfo.InvariantCulture)} -k {Folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200", "start"]);

    public void StopServer() => Pg("pg_ctl", ["-D", Data, "-m", "fast", "-w", "-t", "60", "stop"]);

    /// <summary>Creates an empty database for one test, so tests do not see each other's studies.</summary>
    public string CreateDatabase(string name)
    {
        using var connection = new Npgsql.NpgsqlConnection(ConnectionString());
        connection.Open();
        using var command = new Npgsql.NpgsqlCommand($"create database {name}", connection);
        command.ExecuteNonQuery();
        return ConnectionString(name);
    }

    public void Dispose()
    {
        try
        {
            StopServer();
        }
        catch (InvalidOperationException)
        {
            // Already stopped; the folder goes anyway.
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private void Pg(string program, IReadOnlyList<string> arguments)
    {
        var path = Path.Combine(_bin, program);
        if (_asPostgres)
            Run("runuser", ["-u", "postgres", "--", path, .. arguments], true);
        else
            Run(path, arguments, true);
    }

    private static void Run(string program, IReadOnlyList<string> arguments, bool fromFolderRoot)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (fromFolderRoot) start.WorkingDirectory = "/";
        foreach (var a in arguments) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {error}{output.Result}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
