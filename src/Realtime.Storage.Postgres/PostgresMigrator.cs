using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Realtime.Storage.Postgres;

/// <summary>
/// Brings the database schema up to date from the versioned scripts embedded in this assembly
/// (<c>Migrations/NNNN_name.sql</c>). Each script runs in its own transaction and is recorded in
/// <c>schema_version</c>; a session advisory lock serialises servers that start at the same time, so
/// the second one waits and then finds nothing to do.
/// </summary>
public static class PostgresMigrator
{
    // Any fixed number works; it only has to differ from the other advisory locks of this database.
    private const long MigrationLockKey = 0x5265_616c_7469_6d01; // "Realtim" + 1

    /// <summary>The embedded scripts, in the order they apply.</summary>
    public static IReadOnlyList<SchemaScript> Scripts { get; } = LoadScripts();

    /// <summary>
    /// Applies every script not yet recorded in <c>schema_version</c>; returns the names of the scripts it applied
    /// (empty when the schema was already current).
    /// </summary>
    /// <exception cref="PostgresUnavailableException">The database cannot be reached.</exception>
    /// <exception cref="InvalidOperationException">A script that was applied before has since been edited.</exception>
    public static async Task<IReadOnlyList<string>> MigrateAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var connection = await PostgresConnections.OpenAsync(dataSource, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, $"SELECT pg_advisory_lock({MigrationLockKey})", cancellationToken).ConfigureAwait(false);
        try
        {
            await ExecuteAsync(connection, """
                CREATE TABLE IF NOT EXISTS schema_version (
                    version    integer     PRIMARY KEY,
                    name       text        NOT NULL,
                    checksum   text        NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now()
                )
                """, cancellationToken).ConfigureAwait(false);
            var applied = await ReadAppliedAsync(connection, cancellationToken).ConfigureAwait(false);
            var newlyApplied = new List<string>();
            foreach (var script in Scripts)
            {
                if (applied.TryGetValue(script.Version, out var checksum))
                {
                    if (checksum != script.Checksum)
                    {
                        throw new InvalidOperationException(
                            $"Schema script {script.Name} was changed after it was applied to this database ({PostgresConnections.Describe(dataSource)}). " +
                            "Applied scripts are immutable: put the change in a new script.");
                    }
                    continue;
                }
                await ApplyAsync(connection, script, cancellationToken).ConfigureAwait(false);
                newlyApplied.Add(script.Name);
            }
            return newlyApplied;
        }
        finally
        {
            // The pooled connection outlives this call, so the session lock must be released explicitly.
            if (connection.State == System.Data.ConnectionState.Open)
            {
                await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({MigrationLockKey})", CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    private static async Task ApplyAsync(NpgsqlConnection connection, SchemaScript script, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using (var body = new NpgsqlCommand(script.Sql, connection, transaction))
            {
                await body.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            await using (var record = new NpgsqlCommand("INSERT INTO schema_version (version, name, checksum) VALUES ($1, $2, $3)", connection, transaction))
            {
                record.Parameters.Add(new NpgsqlParameter<int> { TypedValue = script.Version });
                record.Parameters.Add(new NpgsqlParameter<string> { TypedValue = script.Name });
                record.Parameters.Add(new NpgsqlParameter<string> { TypedValue = script.Checksum });
                await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException ex)
        {
            throw new InvalidOperationException($"Schema script {script.Name} failed: {ex.MessageText} ({ex.SqlState}).", ex);
        }
    }

    private static async Task<Dictionary<int, string>> ReadAppliedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var applied = new Dictionary<int, string>();
        await using var command = new NpgsqlCommand("SELECT version, checksum FROM schema_version", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            applied[reader.GetInt32(0)] = reader.GetString(1);
        }
        return applied;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static List<SchemaScript> LoadScripts()
    {
        var assembly = typeof(PostgresMigrator).Assembly;
        const string prefix = "Migrations/";
        var scripts = new List<SchemaScript>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal)))
        {
            var name = resource[prefix.Length..];
            var underscore = name.IndexOf('_');
            if (underscore <= 0 || !int.TryParse(name.AsSpan(0, underscore), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                throw new InvalidOperationException($"Schema script '{name}' must be named NNNN_description.sql.");
            }
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var text = new StreamReader(stream, Encoding.UTF8);
            // Line endings depend on the checkout, not on the script's meaning: normalise them before hashing.
            var sql = text.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
            var checksum = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql)));
            scripts.Add(new SchemaScript(version, name, sql, checksum));
        }
        scripts.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 1; i < scripts.Count; i++)
        {
            if (scripts[i].Version == scripts[i - 1].Version)
            {
                throw new InvalidOperationException($"Schema scripts {scripts[i - 1].Name} and {scripts[i].Name} share version {scripts[i].Version}.");
            }
        }
        return scripts;
    }
}
