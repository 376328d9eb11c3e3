using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Realtime.Grains.Persistence;

namespace Realtime.Storage.Postgres;

/// <summary>Registers the PostgreSQL storage in a service collection.</summary>
public static class PostgresStorageServiceCollectionExtensions
{
    /// <summary>Connections per server when the connection string does not set <c>Maximum Pool Size</c>.</summary>
    public const int DefaultMaxPoolSize = 32;

    /// <summary>
    /// Registers, as singletons: <see cref="PostgresStorageOptions"/>, an <see cref="NpgsqlDataSource"/> for
    /// <paramref name="connectionString"/>, and <see cref="PostgresEventJournal"/> (<see cref="IEventJournal"/>),
    /// <see cref="PostgresGrainStorage"/> (<see cref="IGrainStateStore"/>), <see cref="PostgresDeadlineIndex"/>
    /// (<see cref="IDeadlineIndex"/>) and <see cref="PostgresCheckpointStore"/> (<see cref="ICheckpointStore"/>). The interface registrations are
    /// added last, so they win over in-memory defaults registered earlier. The schema is not touched here:
    /// call <see cref="PostgresMigrator.MigrateAsync"/> at start-up.
    /// </summary>
    public static IServiceCollection AddPostgresStorage(this IServiceCollection services, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        // Names the server in pg_stat_activity unless the operator chose a name.
        if (string.IsNullOrEmpty(builder.ApplicationName)) builder.ApplicationName = "realtime";
        // One writer journals, one checkpoints, a bounded few load grain states: a small pool leaves the database's
        // connection slots to others (several servers may share it) unless the operator chose a size.
        if (!connectionString.Contains("pool size", StringComparison.OrdinalIgnoreCase)) builder.MaxPoolSize = DefaultMaxPoolSize;
        var options = new PostgresStorageOptions { ConnectionString = builder.ConnectionString };

        services.AddSingleton(options);
        services.AddSingleton(_ => NpgsqlDataSource.Create(options.ConnectionString));
        services.AddSingleton(sp => new PostgresEventJournal(sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddSingleton(sp => new PostgresGrainStorage(sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddSingleton(sp => new PostgresDeadlineIndex(sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddSingleton(sp => new PostgresCheckpointStore(sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddSingleton<IEventJournal>(sp => sp.GetRequiredService<PostgresEventJournal>());
        services.AddSingleton<IGrainStateStore>(sp => sp.GetRequiredService<PostgresGrainStorage>());
        services.AddSingleton<IDeadlineIndex>(sp => sp.GetRequiredService<PostgresDeadlineIndex>());
        services.AddSingleton<ICheckpointStore>(sp => sp.GetRequiredService<PostgresCheckpointStore>());
        services.AddSingleton<Realtime.Grains.Quarters.IQuarterSnapshotStore>(sp => new PostgresQuarterSnapshotStore(sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddSingleton<Realtime.Grains.Audit.IAccessAudit>(sp => new PostgresAccessAudit(sp.GetRequiredService<NpgsqlDataSource>()));
        return services;
    }
}
