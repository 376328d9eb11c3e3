using Npgsql;

namespace Realtime.Testing;

/// <summary>
/// A fresh, empty PostgreSQL database (<c>rt_test_&lt;random&gt;</c>) on the server named by the
/// <c>REALTIME_TEST_POSTGRES</c> environment variable, dropped on dispose. Tests that need PostgreSQL
/// fail loudly when it is missing or unreachable: they are never skipped.
/// </summary>
public sealed class PostgresTestDatabase : IAsyncDisposable
{
    /// <summary>The environment variable holding the connection string of a server the tests may create databases on.</summary>
    public const string EnvironmentVariable = "REALTIME_TEST_POSTGRES";

    private const string HowToProvide =
        "Run ./test.sh, or set " + EnvironmentVariable + " to a connection string of a PostgreSQL you own " +
        "(the tests create and drop databases on it); `eval \"$(scripts/postgres-test-cluster.sh start)\"` gives one.";

    private readonly string _serverConnectionString;

    private PostgresTestDatabase(string serverConnectionString, string name, string connectionString)
    {
        _serverConnectionString = serverConnectionString;
        Name = name;
        ConnectionString = connectionString;
    }

    /// <summary>The database's name.</summary>
    public string Name { get; }

    /// <summary>A connection string to this database (the server's, with <c>Database</c> replaced).</summary>
    public string ConnectionString { get; }

    /// <summary>Creates a new database; throws with instructions when no test server is configured or reachable.</summary>
    public static async Task<PostgresTestDatabase> CreateAsync(CancellationToken cancellationToken = default)
    {
        var server = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException($"{EnvironmentVariable} is not set, and these tests need a real PostgreSQL. {HowToProvide}");
        }
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(server);
        }
        catch (ArgumentException ex)
        {
            throw new InvalidOperationException($"{EnvironmentVariable} is not a valid Npgsql connection string ({ex.Message}). {HowToProvide}", ex);
        }
        var name = "rt_test_" + Guid.NewGuid().ToString("N")[..16];
        await ExecuteOnServerAsync(server, builder, $"CREATE DATABASE {name}", cancellationToken).ConfigureAwait(false);
        var target = new NpgsqlConnectionStringBuilder(server) { Database = name };
        return new PostgresTestDatabase(server, name, target.ConnectionString);
    }

    /// <summary>A data source for this database; the caller disposes it.</summary>
    public NpgsqlDataSource CreateDataSource() => NpgsqlDataSource.Create(ConnectionString);

    /// <summary>
    /// Makes the database refuse new connections and ends the open ones (<paramref name="accepting"/> false), as an
    /// outage looks to a client, or accept them again.
    /// </summary>
    public async Task SetAcceptingConnectionsAsync(bool accepting, CancellationToken cancellationToken = default)
    {
        var builder = new NpgsqlConnectionStringBuilder(_serverConnectionString);
        await ExecuteOnServerAsync(_serverConnectionString, builder, $"ALTER DATABASE {Name} ALLOW_CONNECTIONS {(accepting ? "true" : "false")}", cancellationToken).ConfigureAwait(false);
        if (!accepting)
        {
            await ExecuteOnServerAsync(_serverConnectionString, builder,
                $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{Name}'", cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Drops the database, disconnecting whatever still uses it.</summary>
    public async ValueTask DisposeAsync()
    {
        // FORCE: a pooled connection the test left open must not keep the database alive.
        await ExecuteOnServerAsync(_serverConnectionString, new NpgsqlConnectionStringBuilder(_serverConnectionString),
            $"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", CancellationToken.None).ConfigureAwait(false);
    }

    private static async Task ExecuteOnServerAsync(string server, NpgsqlConnectionStringBuilder builder, string sql, CancellationToken cancellationToken)
    {
        try
        {
            // Pooling off: these administrative connections must not linger in a pool after the test.
            var admin = new NpgsqlConnectionStringBuilder(server) { Pooling = false, Timeout = 10 };
            await using var connection = new NpgsqlConnection(admin.ConnectionString);
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            throw new InvalidOperationException(
                $"The test PostgreSQL from {EnvironmentVariable} (host {builder.Host}, port {builder.Port}, database {builder.Database}, user {builder.Username}) " +
                $"failed: {ex.Message}. {HowToProvide}", ex);
        }
    }
}
