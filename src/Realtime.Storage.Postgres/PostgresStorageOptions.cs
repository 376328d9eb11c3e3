namespace Realtime.Storage.Postgres;

/// <summary>Settings of the PostgreSQL storage.</summary>
public sealed class PostgresStorageOptions
{
    /// <summary>The Npgsql connection string (<c>ConnectionStrings:Postgres</c>).</summary>
    public required string ConnectionString { get; init; }

    /// <summary>How long a health probe may take before <c>/health</c> reports the database unreachable.</summary>
    public TimeSpan HealthCheckTimeout { get; init; } = PostgresHealth.DefaultTimeout;

    /// <summary>Where the connections go, without the password: safe for logs and error messages.</summary>
    public string Describe() => PostgresConnections.Describe(ConnectionString);
}
