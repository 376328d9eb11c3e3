using System.Text.Json;
using Realtime.Server.Ingest;

namespace Realtime.Server.Tests.Ingest;

/// <summary>
/// The reader's record of which fields an event carried is a 64-bit set: the contract's 31 fields filled an int, and a field
/// past them would have wrapped onto another (with an int, field 32 was field 0, <c>id</c>).
/// </summary>
public class FieldSetTests
{
    [Theory]
    [InlineData(31)]
    [InlineData(32)]
    [InlineData(40)]
    [InlineData(63)]
    public void A_field_past_the_31st_is_tracked_as_itself_and_no_other(int field)
    {
        var set = default(FieldSet).With(field);

        Assert.True(set.Contains(field));
        Assert.Equal([field], Enumerable.Range(0, FieldSet.Capacity).Where(set.Contains));
    }

    [Fact]
    public void Every_field_up_to_the_capacity_is_tracked_together()
    {
        var all = Enumerable.Range(0, FieldSet.Capacity).Aggregate(default(FieldSet), (set, field) => set.With(field));

        Assert.All(Enumerable.Range(0, FieldSet.Capacity), field => Assert.True(all.Contains(field)));
        Assert.Equal(64, FieldSet.Capacity);
    }

    [Fact]
    public void A_field_beyond_the_capacity_is_refused_rather_than_wrapped_onto_another()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => default(FieldSet).With(FieldSet.Capacity));
        Assert.Throws<ArgumentOutOfRangeException>(() => default(FieldSet).Contains(-1));
    }

    [Fact]
    public void The_reader_still_names_a_missing_or_malformed_field_among_the_last_of_the_contract()
    {
        var reader = new FloorEventReader(_ => true, _ => true);
        var errors = new List<EventError>();

        // reasonCode (the 30th field) required and missing; clock (the 31st) present: only reasonCode is named.
        using var missing = JsonDocument.Parse("""{"id":"e1","type":"case.breachExplained","occurredAt":"2026-11-02T09:00:00+08:00","caseId":"c1","clock":"surveyAcceptance"}""");
        Assert.Null(reader.Read(missing.RootElement, 0, errors));
        Assert.Equal([new EventError(0, "reasonCode", "is required")], errors);

        errors.Clear();
        using var complete = JsonDocument.Parse("""{"id":"e2","type":"case.breachExplained","occurredAt":"2026-11-02T09:00:00+08:00","caseId":"c1","reasonCode":"workload","clock":"surveyAcceptance"}""");
        var read = reader.Read(complete.RootElement, 0, errors);
        Assert.Empty(errors);
        Assert.Equal(("workload", "surveyAcceptance"), (read!.ReasonCode, read.Clock));
    }
}
