using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace KbCore.Tests.Data;

/// <summary>
/// A throwaway PostgreSQL cluster in a temp folder on a free loopback port (Debian's `postgresql` package; .ci/run
/// installs it). Started once per test class; stopped and deleted on dispose.
/// </summary>
public sealed class PostgresServer : IDisposable
{
    private readonly string _bin;
    private readonly string _root;
    private readonly bool _asPostgresUser;

    public PostgresServer()
    {
        _bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(Directory.Exists).OrderBy(d => d, StringComparer.Ordinal).LastOrDefault()
                ?? throw new InvalidOperationException("No PostgreSQL binaries: apt-get install -y postgresql (.ci/run does this)")
            : throw new InvalidOperationException("No PostgreSQL binaries: apt-get install -y postgresql (.ci/run does this)");
        _root = Path.Combine(Path.GetTempPath(), "kbpg-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_root);

        // initdb refuses to run as root: as root, run the server as the package's postgres user.
        _asPostgresUser = Environment.UserName == "root";
        if (_asPostgresUser)
        {
            Run("chown", "postgres:postgres", _root);
        }

        var port = FreePort();
        Pg("initdb", "-D", Path.Combine(_root, "data"), "-U", "kb", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8");
        Pg("pg_ctl", "-D", Path.Combine(_root, "data"), "-l", Path.Combine(_root, "log"), "-w", "-o",
            $"-p {port} -k {_root} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off", "start");
        Pg("createdb", "-h", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", "kb", "kbtest");
        ConnectionString = $"Host=127.0.0.1;Port={port};Username=kb;Database=kbtest;Pooling=false";
    }

    public string ConnectionString { get; }

    public void Dispose()
    {
        try
        {
            Pg("pg_ctl", "-D", Path.Combine(_root, "data"), "-m", "immediate", "stop");
        }
        finally
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private void Pg(string tool, params string[] args)
    {
        var program = Path.Combine(_bin, tool);
        if (_asPostgresUser)
        {
            Run("runuser", ["-u", "postgres", "--", program, .. args]);
        }
        else
        {
            Run(program, args);
        }
    }

    private static void Run(string program, params string[] args)
    {
        var psi = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            psi.ArgumentList.Add(arg);
        }

        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} failed ({process.ExitCode}): {stderr}{stdout.Result}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
