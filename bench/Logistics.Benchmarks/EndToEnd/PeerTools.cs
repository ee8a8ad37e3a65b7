using Logistics.TestKit;

namespace Logistics.Benchmarks.EndToEnd;

/// <summary>
/// The programs of the side-by-side benchmark, found before anything runs so a missing one fails at once with how to
/// install it: the <c>logistics</c> CLI (an apphost or a <c>.dll</c> run by <c>dotnet</c>), the <c>cbc</c> binary on
/// PATH, a Python that imports PuLP, and the peer script <c>bench/peers/cflp_pulp.py</c>; and any further executables
/// (<c>--also-cli</c>: the ReadyToRun publish, the Native AOT <c>logistics-solve</c>) timed beside the first.
/// </summary>
public sealed record PeerTools(string CliProgram, IReadOnlyList<string> CliPrefix, string Cbc, string Python, string PeerScript)
{
    /// <summary>The executables timed after the first on every instance, in the order given.</summary>
    public IReadOnlyList<string> AlsoClis { get; init; } = [];

    public const string DefaultCli = "src/Logistics.Cli/bin/Release/net10.0/logistics";

    public const string PeerScriptPath = "bench/peers/cflp_pulp.py";

    /// <summary>Debian's python3-pulp installs into the system Python, which a PATH python3 (pyenv, venv) may not be.</summary>
    private static readonly string[] PythonCandidates = ["python3", "/usr/bin/python3"];

    public static PeerTools Locate(string? cli, string? python, IReadOnlyList<string>? alsoClis = null)
    {
        var root = RepositoryPaths.FindAbove(Directory.GetCurrentDirectory()) ?? RepositoryPaths.FindAbove(AppContext.BaseDirectory)
            ?? throw new MissingToolException("Cannot find the repository root (Logistics.sln) above the current folder: run from inside the repository.");
        var cliPath = Path.GetFullPath(cli ?? Path.Combine(root, DefaultCli));
        if (!File.Exists(cliPath))
        {
            throw new MissingToolException(cli is null
                ? $"The CLI's Release build is not at '{DefaultCli}': run 'dotnet build src/Logistics.Cli -c Release', or name a build with --cli (for example a ReadyToRun publish: dotnet publish src/Logistics.Cli -c Release -r linux-x64 --self-contained false -o DIR)."
                : $"--cli '{cli}' does not exist: give the path of the logistics executable or logistics.dll.");
        }

        var dll = cliPath.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);
        var cbc = OnPath("cbc") ?? throw new MissingToolException("The CBC binary 'cbc' is not on PATH: install it with 'apt-get install -y coinor-cbc' (Debian/Ubuntu) or from https://github.com/coin-or/Cbc.");
        var script = Path.Combine(root, PeerScriptPath);
        if (!File.Exists(script))
            throw new MissingToolException($"The peer script '{PeerScriptPath}' is missing from the repository: restore it with git.");
        var withPulp = (python is null ? PythonCandidates : [python]).FirstOrDefault(ImportsPulp)
            ?? throw new MissingToolException(
                $"No Python that imports PuLP ({(python is null ? "tried " + string.Join(" and ", PythonCandidates) : "--python " + python)}): install it with 'apt-get install -y python3-pulp' (Debian/Ubuntu; then use --python /usr/bin/python3 if another python3 comes first on PATH) or 'pip install pulp'.");
        var also = (alsoClis ?? []).Select(Path.GetFullPath).ToList();
        if (also.FirstOrDefault(p => !File.Exists(p)) is { } missing)
            throw new MissingToolException($"--also-cli '{missing}' does not exist: give the path of a logistics or logistics-solve executable (or a .dll).");
        return new PeerTools(dll ? "dotnet" : cliPath, dll ? [cliPath] : [], cbc, withPulp, script) { AlsoClis = also };
    }

    private static string? OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);

    private static bool ImportsPulp(string python)
    {
        try
        {
            return TimedProcess.Run(python, ["-c", "import pulp"], Directory.GetCurrentDirectory()).ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // No such program.
        }
    }
}
