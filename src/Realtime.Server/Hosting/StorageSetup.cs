using Realtime.Grains.Persistence;
using Realtime.Storage.Postgres;

namespace Realtime.Server.Hosting;

/// <summary>Chooses the storage engine from configuration: PostgreSQL when <c>ConnectionStrings:Postgres</c> is set, memory otherwise.</summary>
public static class StorageSetup
{
    /// <summary>Registers the chosen engine; returns a description for the start-up log.</summary>
    public static bool AddChosenStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("Postgres");
        if (string.IsNullOrWhiteSpace(connectionString)) return false;
        services.AddPostgresStorage(connectionString);
        return true;
    }
}
