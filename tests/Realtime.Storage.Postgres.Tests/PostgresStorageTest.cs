using Npgsql;
using Realtime.Testing;

namespace Realtime.Storage.Postgres.Tests;

/// <summary>Base of the storage tests: a fresh migrated database per test class and a data source per test.</summary>
public abstract class PostgresStorageTest(PostgresTestDatabaseFixture fixture) : IClassFixture<PostgresTestDatabaseFixture>, IAsyncLifetime
{
    protected PostgresTestDatabaseFixture Fixture { get; } = fixture;

    protected NpgsqlDataSource DataSource { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        DataSource = Fixture.Database.CreateDataSource();
        await PostgresMigrator.MigrateAsync(DataSource);
    }

    public virtual async Task DisposeAsync() => await DataSource.DisposeAsync();

    protected async Task<long> ScalarAsync(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }
}
