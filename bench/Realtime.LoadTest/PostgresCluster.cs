using System.Diagnostics;
using Npgsql;

namespace Realtime.LoadTest;

/// <summary>
/// The PostgreSQL the durable scenarios run on: <c>REALTIME_TEST_POSTGRES</c> when set, else a throwaway cluster from
/// <c>scripts/postgres-test-cluster.sh start</c> (the way the tests get one), stopped again at the end only if this
/// run started it. Each scenario gets a database of its own (<c>rt_load_…</c>), dropped afterwards unless
/// <c>REALTIME_HARNESS_KEEP_DATABASES=1</c> keeps them for inspection (on a cluster given by <c>REALTIME_TEST_POSTGRES</c>).
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    private readonly string _repositoryRoot;
    private readonly bool _startedHere;
    private readonly List<string> _databases = [];
    private readonly bool _keepDatabases = Environment.GetEnvironmentVariable("REALTIME_HARNESS_KEEP_DATABASES") == "1";

    private PostgresCluster(string repositoryRoot, string serverConnectionString, bool startedHere)
    {
        _repositoryRoot = repositoryRoot;
        ServerConnectionString = serverConnectionString;
        _startedHere = startedHere;
    }

    /// <summary>Connection string of the cluster's maintenance database.</summary>
    public string ServerConnectionString { get; }

    /// <summary>Uses <c>REALTIME_TEST_POSTGRES</c> or starts the throwaway cluster.</summary>
    public static async Task<PostgresCluster> ObtainAsync(string repositoryRoot)
    {
        var given = Environment.GetEnvironmentVariable("REALTIME_TEST_POSTGRES");
        if (!string.IsNullOrWhiteSpace(given)) return new PostgresCluster(repositoryRoot, given, startedHere: false);
        var (stdout, stderr) = await RunScriptAsync(repositoryRoot, "start");
        const string prefix = "export REALTIME_TEST_POSTGRES=\"";
        var line = stdout.Split('\n').FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal))
            ?? throw new InvalidOperationException("postgres-test-cluster.sh start printed no connection string:\n" + stderr);
        // The script reuses a cluster someone else started: that one is not ours to stop.
        var reused = stderr.Contains("reusing the running cluster", StringComparison.Ordinal);
        return new PostgresCluster(repositoryRoot, line[prefix.Length..].TrimEnd('"'), startedHere: !reused);
    }

    /// <summary>Creates an empty database for one scenario; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "rt_load_" + Guid.NewGuid().ToString("N")[..12];
        await ExecuteAsync($"CREATE DATABASE {name}");
        _databases.Add(name);
        return new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name, MaxPoolSize = 200 }.ConnectionString;
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>.</summary>
    public async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        _databases.Remove(name);
        if (_keepDatabases)
        {
            Console.WriteLine($"  kept database {name}");
            return;
        }
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<(string Stdout, string Stderr)> RunScriptAsync(string root, string verb)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = root,
        };
        start.ArgumentList.Add(Path.Combine(root, "scripts", "postgres-test-cluster.sh"));
        start.ArgumentList.Add(verb);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"postgres-test-cluster.sh {verb} failed:\n{await stderr}");
        return (await stdout, await stderr);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var name in _keepDatabases ? [] : _databases.ToList())
        {
            try
            {
                NpgsqlConnection.ClearAllPools();
                await ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
            }
            catch (Exception e)
            {
                Console.Error.WriteLine($"could not drop {name}: {e.Message}");
            }
        }
        if (_startedHere) await RunScriptAsync(_repositoryRoot, "stop");
    }
}
