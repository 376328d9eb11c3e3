using Realtime.Grains.Persistence;
using Realtime.Storage.Postgres;

namespace Realtime.Server.Hosting;

/// <summary>Chooses the storage engine from configuration: PostgreSQL when <c>ConnectionStrings:Postgres</c> is set, memory otherwise.</summary>
public static class StorageSetup
{
    /// <summary>Registers the chosen engine before the grains (whose in-memory defaults then stay unused); true when it is PostgreSQL.</summary>
    public static bool AddChosenStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("Postgres");
        if (string.IsNullOrWhiteSpace(connectionString)) return false;
        services.AddPostgresStorage(connectionString);
        services.AddSingleton<ICheckpointStore>(sp => sp.GetRequiredService<PostgresCheckpointStore>());
        services.AddSingleton<IStorageEngine, PostgresStorageEngine>();
        return true;
    }
}
