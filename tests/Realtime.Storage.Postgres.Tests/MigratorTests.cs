using Npgsql;
using NpgsqlTypes;
using Realtime.Domain.Events;
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
    public async Task A_journal_written_as_jsonb_before_0004_reads_back_the_same_events_after_it()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        await using var dataSource = database.CreateDataSource();
        // A database as 0001-0003 left it, with events journaled the way the code of that time wrote them (jsonb).
        foreach (var script in PostgresMigrator.Scripts.Where(s => s.Version < 4))
        {
            await using var body = dataSource.CreateCommand(script.Sql);
            await body.ExecuteNonQueryAsync();
        }
        await using (var table = dataSource.CreateCommand(
            "CREATE TABLE schema_version (version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())"))
        {
            await table.ExecuteNonQueryAsync();
        }
        await using (var record = dataSource.CreateCommand(
            "INSERT INTO schema_version (version, name, checksum) SELECT * FROM unnest($1::integer[], $2::text[], $3::text[])"))
        {
            var old = PostgresMigrator.Scripts.Where(s => s.Version < 4).ToList();
            record.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = [.. old.Select(s => s.Version)] });
            record.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. old.Select(s => s.Name)] });
            record.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. old.Select(s => s.Checksum)] });
            await record.ExecuteNonQueryAsync();
        }
        var events = new List<FloorEvent>
        {
            FloorEvents.EveryField("old-1"),
            FloorEvents.EveryField("old-2") with
            {
                // What jsonb rewrites: escapes, characters outside the BMP, numbers (it keeps them as numeric).
                Reason = "line\nbreak \"quoted\" back\\slash\ttab 😀 </script>",
                CustomerName = "Zoë 张三",
                ResponseSeconds = 0.1 + 0.2,
                Score = 1e-7,
                Value = 1.5e300,
                Level = -3,
            },
            FloorEvents.Praise("old-3"),
        };
        foreach (var floorEvent in events)
        {
            await using var insert = dataSource.CreateCommand(
                "INSERT INTO journal (id, type, occurred_at, complaint_id, agent_id, team_id, payload) VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)");
            insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = floorEvent.Id });
            insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = floorEvent.Type.ToWireName() });
            insert.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = floorEvent.OccurredAt.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
            insert.Parameters.Add(new NpgsqlParameter { Value = (object?)floorEvent.ComplaintId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            insert.Parameters.Add(new NpgsqlParameter { Value = (object?)floorEvent.AgentId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            insert.Parameters.Add(new NpgsqlParameter { Value = (object?)floorEvent.TeamId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = System.Text.Encoding.UTF8.GetString(JournalJson.Serialize(floorEvent)) });
            await insert.ExecuteNonQueryAsync();
        }

        var applied = await PostgresMigrator.MigrateAsync(dataSource);

        Assert.Equal(PostgresMigrator.Scripts.Where(s => s.Version >= 4).Select(s => s.Name), applied);
        // The old rows hold jsonb's text form (keys reordered, spaces added), not the bytes the server wrote.
        await using (var form = dataSource.CreateCommand("SELECT convert_from(payload, 'UTF8') FROM journal WHERE id = 'old-1'"))
        {
            Assert.StartsWith("{\"id\": \"old-1\", ", (string)(await form.ExecuteScalarAsync())!);
        }
        var journal = new PostgresEventJournal(dataSource);
        var read = await journal.ReadAfterAsync(0).ToListAsync();
        Assert.Equal(events.Select((e, i) => e with { Sequence = i + 1 }), read);
        Assert.Equal(events[0].OccurredAt.Offset, read[0].OccurredAt.Offset);
        Assert.Equal(events[0].OccurredAt.Ticks, read[0].OccurredAt.Ticks);
        Assert.Equal(3, await journal.ReadOccurredBetweenAsync(FloorEvents.Monday9, FloorEvents.Monday9.AddDays(1)).CountAsync());
        // Old rows are still duplicates of their ids, and new rows follow them in sequence.
        var after = await journal.AppendAsync([FloorEvents.Praise("old-1"), FloorEvents.Praise("new-1")]);
        Assert.Equal(1, after.Duplicates);
        Assert.True(Assert.Single(after.Accepted).Sequence > 3);
        Assert.Equal(4, await journal.ReadAfterAsync(0).CountAsync());
        await using var index = dataSource.CreateCommand("SELECT to_regclass('public.journal_complaint_idx') IS NULL");
        Assert.True((bool)(await index.ExecuteScalarAsync())!);
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
