using Realtime.Domain.Events;
using Realtime.Testing;
using static Realtime.Storage.Postgres.Tests.FloorEvents;

namespace Realtime.Storage.Postgres.Tests;

public sealed class EventJournalTests(PostgresTestDatabaseFixture fixture) : PostgresStorageTest(fixture)
{
    private PostgresEventJournal Journal => new(DataSource);

    private async Task<long> LastSequenceAsync() => await ScalarAsync("SELECT coalesce(max(seq), 0) FROM journal");

    [Fact]
    public async Task An_event_with_every_field_reads_back_exactly_including_its_offset_and_sequence()
    {
        var prefix = NewPrefix();
        var opened = FloorEvents.EveryField(prefix + "full");
        var before = await LastSequenceAsync();

        var result = await Journal.AppendAsync([opened]);
        var read = await Journal.ReadAfterAsync(before).ToListAsync();

        var stored = Assert.Single(result.Accepted);
        Assert.True(stored.Sequence > before);
        Assert.Equal(opened with { Sequence = stored.Sequence }, Assert.Single(read));
        Assert.Equal(TimeSpan.FromHours(8), read[0].OccurredAt.Offset);
        Assert.Equal(opened.OccurredAt.Ticks, read[0].OccurredAt.Ticks);
        Assert.Equal(TimeSpan.FromHours(-5), read[0].VisitedAt!.Value.Offset);
    }

    [Fact]
    public async Task A_case_event_reads_back_with_its_step_and_typed_attributes()
    {
        var prefix = NewPrefix();
        var step = new FloorEvent
        {
            Id = prefix + "case",
            Type = EventType.CaseStep,
            OccurredAt = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.FromHours(8)),
            CaseId = "claim-1",
            Step = "lossAssessed",
            AgentId = "A1",
            Attributes = new Dictionary<string, CaseAttribute> { ["amount"] = CaseAttribute.Of(2500.5), ["injury"] = CaseAttribute.Of(false), ["region"] = CaseAttribute.Of("north") },
        };
        var before = await LastSequenceAsync();

        await Journal.AppendAsync([step]);
        var read = Assert.Single(await Journal.ReadAfterAsync(before).ToListAsync());

        Assert.Equal(step with { Sequence = read.Sequence, Attributes = read.Attributes }, read);
        Assert.Equal(step.Attributes, read.Attributes);
    }

    [Fact]
    public async Task The_payload_uses_contract_names_and_omits_absent_fields()
    {
        var prefix = NewPrefix();
        await Journal.AppendAsync([Opened(prefix + "1") with { Severity = Severity.High }]);

        await using var command = DataSource.CreateCommand($"SELECT type, convert_from(payload, 'UTF8') FROM journal WHERE id = '{prefix}1'");
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal("complaint.opened", reader.GetString(0));
        var payload = reader.GetString(1);
        Assert.Contains("\"type\":\"complaint.opened\"", payload);
        Assert.Contains("\"severity\":\"high\"", payload);
        Assert.DoesNotContain("customerName", payload);
        Assert.DoesNotContain("sequence", payload);
    }

    [Fact]
    public async Task The_payload_is_stored_as_the_bytes_the_server_serialised()
    {
        var prefix = NewPrefix();
        var opened = Opened(prefix + "1") with { CustomerName = "张三", Reason = "line\nbreak \"quoted\"" };
        await Journal.AppendAsync([opened]);

        await using var command = DataSource.CreateCommand($"SELECT payload FROM journal WHERE id = '{prefix}1'");
        var stored = (byte[])(await command.ExecuteScalarAsync())!;

        Assert.Equal(JournalJson.Serialize(opened), stored);
    }

    [Fact]
    public async Task New_events_get_increasing_sequence_in_batch_order()
    {
        var batch = Many(NewPrefix(), 50);
        var before = await LastSequenceAsync();

        var result = await Journal.AppendAsync(batch);
        var read = await Journal.ReadAfterAsync(before).ToListAsync();

        Assert.Equal(batch.Select(e => e.Id), result.Accepted.Select(e => e.Id));
        Assert.Equal(result.Accepted.Select(e => e.Sequence).Order(), result.Accepted.Select(e => e.Sequence));
        Assert.Equal(50, result.Accepted.Select(e => e.Sequence).Distinct().Count());
        Assert.Equal(result.Accepted, read);
    }

    [Fact]
    public async Task A_repeated_id_within_a_batch_is_stored_once_and_the_first_occurrence_wins()
    {
        var prefix = NewPrefix();
        var first = Opened(prefix + "a", complaintId: "first");
        var repeat = Opened(prefix + "a", complaintId: "second");
        var before = await LastSequenceAsync();

        var result = await Journal.AppendAsync([first, Praise(prefix + "b"), repeat]);

        Assert.Equal(1, result.Duplicates);
        Assert.Equal([prefix + "a", prefix + "b"], result.Accepted.Select(e => e.Id));
        var stored = await Journal.ReadAfterAsync(before).ToListAsync();
        Assert.Equal("first", stored.Single(e => e.Id == prefix + "a").ComplaintId);
    }

    [Fact]
    public async Task An_id_journaled_by_an_earlier_batch_is_a_duplicate_and_not_stored_again()
    {
        var prefix = NewPrefix();
        await Journal.AppendAsync([Praise(prefix + "1"), Praise(prefix + "2")]);

        var again = await Journal.AppendAsync([Praise(prefix + "2"), Praise(prefix + "3"), Praise(prefix + "1")]);

        Assert.Equal(2, again.Duplicates);
        Assert.Equal([prefix + "3"], again.Accepted.Select(e => e.Id));
        Assert.Equal(3, await ScalarAsync($"SELECT count(*) FROM journal WHERE id LIKE '{prefix}%'"));
    }

    [Fact]
    public async Task Duplicates_are_still_recognised_after_the_server_reconnects()
    {
        var prefix = NewPrefix();
        await Journal.AppendAsync([Praise(prefix + "1")]);
        await using var restarted = Fixture.Database.CreateDataSource();

        var again = await new PostgresEventJournal(restarted).AppendAsync([Praise(prefix + "1")]);

        Assert.Empty(again.Accepted);
        Assert.Equal(1, again.Duplicates);
    }

    [Fact]
    public async Task A_batch_that_fails_part_way_stores_nothing()
    {
        var prefix = NewPrefix();
        // The database refuses the third row after it has inserted the first two.
        await using (var trigger = DataSource.CreateCommand($$"""
            CREATE FUNCTION refuse_{{prefix.TrimEnd('-')}}() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'refused'; END $$;
            CREATE TRIGGER refuse_{{prefix.TrimEnd('-')}} BEFORE INSERT ON journal FOR EACH ROW
                WHEN (NEW.id = '{{prefix}}bad') EXECUTE FUNCTION refuse_{{prefix.TrimEnd('-')}}();
            """))
        {
            await trigger.ExecuteNonQueryAsync();
        }
        var batch = new List<FloorEvent> { Praise(prefix + "1"), Praise(prefix + "2"), Praise(prefix + "bad"), Praise(prefix + "3") };

        await AssertStoresNothingAsync(prefix, batch);
    }

    [Fact]
    public async Task A_batch_holding_an_id_the_database_cannot_store_stores_nothing()
    {
        var prefix = NewPrefix();
        // PostgreSQL text cannot hold NUL.
        var batch = new List<FloorEvent> { Praise(prefix + "1"), Praise(prefix + "2"), Praise(prefix + "bad\0id"), Praise(prefix + "3") };

        await AssertStoresNothingAsync(prefix, batch);
    }

    /// <summary>Appending <paramref name="batch"/> fails and leaves no row of it; its good events can then be appended.</summary>
    private async Task AssertStoresNothingAsync(string prefix, List<FloorEvent> batch)
    {
        await Assert.ThrowsAnyAsync<Exception>(() => Journal.AppendAsync(batch));

        Assert.Equal(0, await ScalarAsync($"SELECT count(*) FROM journal WHERE id LIKE '{prefix}%'"));
        var retry = await Journal.AppendAsync([Praise(prefix + "1"), Praise(prefix + "3")]);
        Assert.Equal(2, retry.Accepted.Count);
        Assert.Equal(0, retry.Duplicates);
    }

    [Fact]
    public async Task Reading_by_occurrence_returns_the_half_open_range_in_sequence_order()
    {
        var prefix = NewPrefix();
        var day = new DateTimeOffset(2031, 3, 1, 0, 0, 0, TimeSpan.FromHours(8));
        // Appended out of occurrence order: the read is in arrival (sequence) order.
        var late = Praise(prefix + "late", day.AddHours(5));
        var atStart = Praise(prefix + "start", day);
        var justBefore = Praise(prefix + "before", day.AddTicks(-1));
        var atEnd = Praise(prefix + "end", day.AddDays(1));
        var justInside = Praise(prefix + "inside", day.AddDays(1).AddTicks(-1));
        await Journal.AppendAsync([late, atStart, justBefore, atEnd, justInside]);

        var read = await Journal.ReadOccurredBetweenAsync(day, day.AddDays(1)).ToListAsync();

        Assert.Equal([prefix + "late", prefix + "start", prefix + "inside"], read.Select(e => e.Id));
        Assert.Equal(read.Select(e => e.Sequence).Order(), read.Select(e => e.Sequence));
    }

    [Fact]
    public async Task An_empty_batch_stores_nothing()
    {
        var result = await Journal.AppendAsync([]);

        Assert.Empty(result.Accepted);
        Assert.Equal(0, result.Duplicates);
    }

    [Fact]
    public async Task Concurrent_appends_each_get_a_contiguous_run_of_sequence_numbers()
    {
        var prefix = NewPrefix();
        var before = await LastSequenceAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(writer =>
            Task.Run(() => Journal.AppendAsync(Many($"{prefix}w{writer}-", 200)))));

        var all = results.SelectMany(r => r.Accepted).ToList();
        Assert.Equal(1600, all.Count);
        // Each batch's sequence numbers are contiguous because appends are serialised at the moment they draw them.
        foreach (var result in results)
        {
            Assert.Equal(result.Accepted[^1].Sequence - result.Accepted[0].Sequence, result.Accepted.Count - 1);
        }
        var read = await Journal.ReadAfterAsync(before).ToListAsync();
        Assert.Equal(all.Select(e => e.Sequence).Order(), read.Select(e => e.Sequence));
    }
}
