using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Realtime.Grains.Persistence;
using Realtime.Testing;

namespace Realtime.Storage.Postgres.Tests;

public sealed class StorageRegistrationTests(PostgresTestDatabaseFixture fixture) : PostgresStorageTest(fixture)
{
    [Fact]
    public async Task The_registered_services_share_one_data_source_and_work_against_the_database()
    {
        await using var provider = new ServiceCollection().AddPostgresStorage(Fixture.ConnectionString).BuildServiceProvider();

        var journal = provider.GetRequiredService<IEventJournal>();
        Assert.Same(provider.GetRequiredService<PostgresEventJournal>(), journal);
        Assert.IsType<PostgresGrainStorage>(provider.GetRequiredService<IGrainStateStore>());
        Assert.IsType<PostgresDeadlineIndex>(provider.GetRequiredService<IDeadlineIndex>());
        Assert.IsType<PostgresCheckpointStore>(provider.GetRequiredService<ICheckpointStore>());
        var dataSource = provider.GetRequiredService<NpgsqlDataSource>();
        Assert.True(await PostgresHealth.CanConnectAsync(dataSource));
        Assert.Equal(0, await provider.GetRequiredService<PostgresCheckpointStore>().ReadAppliedSequenceAsync());
        var appended = await journal.AppendAsync([FloorEvents.Praise(FloorEvents.NewPrefix() + "di")]);
        Assert.Single(appended.Accepted);
    }

    [Fact]
    public async Task An_unreachable_database_is_reported_unhealthy_with_its_address_and_without_its_password()
    {
        await using var dataSource = NpgsqlDataSource.Create("Host=127.0.0.1;Port=1;Database=realtime;Username=app;Password=hunter2-secret");

        var report = await PostgresHealth.CheckAsync(dataSource);

        Assert.False(report.CanConnect);
        Assert.False(await PostgresHealth.CanConnectAsync(dataSource));
        Assert.Contains("host 127.0.0.1, port 1, database realtime, user app", report.Description);
        Assert.DoesNotContain("hunter2", report.Description);
    }

    [Fact]
    public void The_options_describe_the_target_without_the_password()
    {
        var provider = new ServiceCollection().AddPostgresStorage("Host=db.internal;Port=5433;Database=rt;Username=app;Password=hunter2-secret").BuildServiceProvider();

        var description = provider.GetRequiredService<PostgresStorageOptions>().Describe();

        Assert.Equal("host db.internal, port 5433, database rt, user app", description);
    }
}
