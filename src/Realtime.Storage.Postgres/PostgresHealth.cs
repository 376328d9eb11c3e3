using Npgsql;

namespace Realtime.Storage.Postgres;

/// <summary>Whether PostgreSQL answers, for <c>GET /health</c> and start-up checks.</summary>
public static class PostgresHealth
{
    /// <summary>How long a health probe may take before the database counts as unreachable.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(2);

    /// <summary>True when a connection opens and answers <c>SELECT 1</c> within <paramref name="timeout"/> (default <see cref="DefaultTimeout"/>).</summary>
    public static async Task<bool> CanConnectAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken = default, TimeSpan? timeout = null)
        => (await CheckAsync(dataSource, cancellationToken, timeout).ConfigureAwait(false)).CanConnect;

    /// <summary>
    /// Probes the database and says what failed: the description names host, port, database and user,
    /// never the password. Throws only when <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    public static async Task<PostgresHealthReport> CheckAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken = default, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout ?? DefaultTimeout);
        var target = PostgresConnections.Describe(dataSource);
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(deadline.Token).ConfigureAwait(false);
            await using var probe = new NpgsqlCommand("SELECT 1", connection);
            await probe.ExecuteScalarAsync(deadline.Token).ConfigureAwait(false);
            return new PostgresHealthReport(true, $"PostgreSQL reachable ({target})");
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException)
        {
            return new PostgresHealthReport(false, $"PostgreSQL did not answer within {(timeout ?? DefaultTimeout).TotalSeconds:0.#} s ({target})");
        }
        catch (Exception ex) when (ex is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            return new PostgresHealthReport(false, $"PostgreSQL unreachable ({target}): {ex.Message}");
        }
    }
}
