using Npgsql;
using Realtime.Testing;

namespace Realtime.Storage.Postgres.Tests;

public sealed class MigratorTests
{
    [Fact]
    public async Task Migrating_an_empty_database_creates_every_table_and_records_every_script()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        await using var dataSource = database.CreateDataSource();

        var applied = await PostgresMigrator.MigrateAsync(dataSource);

        Assert.Equal(PostgresMigrator.Scripts.Select(s => s.Name), applied);
        Assert.Contains("0001_initial.sql", applied);
        foreach (var table in new[] { "journal", "grain_state", "deadlines", "checkpoint", "schema_version" })
        {
            await using var exists = dataSource.CreateCommand($"SELECT to_regclass('public.{table}') IS NOT NULL");
            Assert.True((bool)(await exists.ExecuteScalarAsync())!, $"table {table} missing");
        }
        await using var versions = dataSource.CreateCommand("SELECT count(*) FROM schema_version");
        Assert.Equal((long)PostgresMigrator.Scripts.Count, (long)(await versions.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task Migrating_again_changes_nothing()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        await using var dataSource = database.CreateDataSource();
        await PostgresMigrator.MigrateAsync(dataSource);
        await new PostgresCheckpointStore(dataSource).WriteCheckpointAsync([], [], 42);

        var second = await PostgresMigrator.MigrateAsync(dataSource);

        Assert.Empty(second);
        Assert.Equal(42, await new PostgresCheckpointStore(dataSource).ReadAppliedSequenceAsync());
    }

    [Fact]
    public async Task Two_servers_migrating_at_once_apply_each_script_exactly_once()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        await using var first = database.CreateDataSource();
        await using var second = database.CreateDataSource();

        var results = await Task.WhenAll(
            Task.Run(() => PostgresMigrator.MigrateAsync(first)),
            Task.Run(() => PostgresMigrator.MigrateAsync(second)));

        Assert.Equal(PostgresMigrator.Scripts.Count, results.Sum(r => r.Count));
        await using var versions = first.CreateCommand("SELECT count(*) FROM schema_version");
        Assert.Equal((long)PostgresMigrator.Scripts.Count, (long)(await versions.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task A_script_edited_after_it_was_applied_is_refused()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        await using var dataSource = database.CreateDataSource();
        await PostgresMigrator.MigrateAsync(dataSource);
        await using (var tamper = dataSource.CreateCommand("UPDATE schema_version SET checksum = 'edited' WHERE version = 1"))
        {
            await tamper.ExecuteNonQueryAsync();
        }

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => PostgresMigrator.MigrateAsync(dataSource));

        Assert.Contains("0001_initial.sql", error.Message);
    }

    [Fact]
    public async Task An_unreachable_server_is_named_in_the_error_without_its_password()
    {
        await using var dataSource = NpgsqlDataSource.Create("Host=127.0.0.1;Port=1;Database=realtime;Username=app;Password=hunter2-secret;Timeout=3");

        var error = await Assert.ThrowsAsync<PostgresUnavailableException>(() => PostgresMigrator.MigrateAsync(dataSource));

        Assert.Contains("host 127.0.0.1, port 1, database realtime, user app", error.Message);
        Assert.DoesNotContain("hunter2-secret", error.ToString());
    }
}
