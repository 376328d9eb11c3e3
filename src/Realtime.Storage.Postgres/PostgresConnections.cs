using System.Net.Sockets;
using Npgsql;

namespace Realtime.Storage.Postgres;

/// <summary>
/// PostgreSQL could not be reached or refused the login. The message names the host, port, database
/// and user that failed, never the password.
/// </summary>
public sealed class PostgresUnavailableException(string message, Exception innerException) : Exception(message, innerException);

/// <summary>Opening connections with failures that say where they went wrong.</summary>
internal static class PostgresConnections
{
    /// <summary>Opens a pooled connection; a failure to connect becomes a <see cref="PostgresUnavailableException"/> naming the target.</summary>
    public static async Task<NpgsqlConnection> OpenAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        try
        {
            return await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is NpgsqlException or SocketException or TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            throw new PostgresUnavailableException($"Cannot connect to PostgreSQL ({Describe(dataSource)}): {ex.Message}", ex);
        }
    }

    /// <summary>"host 127.0.0.1, port 5432, database realtime, user app": what an operator needs to find the server, without secrets.</summary>
    public static string Describe(NpgsqlDataSource dataSource) => Describe(dataSource.ConnectionString);

    /// <inheritdoc cref="Describe(NpgsqlDataSource)"/>
    public static string Describe(string connectionString)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            return $"host {builder.Host ?? "<default>"}, port {builder.Port}, database {builder.Database ?? "<default>"}, user {builder.Username ?? "<default>"}";
        }
        catch (ArgumentException)
        {
            // A malformed string may contain the password in any position: say nothing about its content.
            return "unparseable connection string";
        }
    }
}
