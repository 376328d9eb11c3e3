using System.Buffers.Binary;
using System.Text.Json;
using Realtime.Domain.Calendars;
using Realtime.Domain.Kpis;

namespace Realtime.Domain.Tests.Kpis;

public class CustomerSetTests
{
    [Fact]
    public void Its_stored_form_is_the_base64_of_the_sorted_hashes_and_reads_back_the_same_customers()
    {
        var set = new CustomerSet();
        foreach (var id in new[] { "CU-3", "CU-1", "客户-2", "CU-1" }) set.Add(id);

        var json = JsonSerializer.Serialize(set);

        var hashes = new[] { "CU-3", "CU-1", "客户-2" }.Select(CustomerSet.Hash).Order().ToArray();
        var bytes = new byte[hashes.Length * 8];
        for (var i = 0; i < hashes.Length; i++) BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(i * 8), hashes[i]);
        Assert.Equal(JsonSerializer.Serialize(Convert.ToBase64String(bytes)), json);
        Assert.DoesNotContain("CU-", json, StringComparison.Ordinal);

        var back = JsonSerializer.Deserialize<CustomerSet>(json)!;
        Assert.Equal(3, back.Count);
        Assert.True(back.Contains("客户-2"));
        Assert.False(back.Contains("CU-2"));
    }

    [Fact]
    public void A_damaged_set_is_a_json_error()
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<CustomerSet>("\"not base64!\""));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<CustomerSet>($"\"{Convert.ToBase64String(new byte[7])}\""));
    }

    [Fact]
    public void A_long_id_hashes_the_same_way_as_a_short_one_would()
    {
        var longId = new string('x', 500) + "客";
        var hash = 14695981039346656037UL;
        foreach (var b in System.Text.Encoding.UTF8.GetBytes(longId)) hash = (hash ^ b) * 1099511628211UL;
        Assert.Equal(hash, CustomerSet.Hash(longId));
    }

    [Fact]
    public void A_merge_of_one_team_is_a_deep_copy()
    {
        var team = new TeamActivity("t1", CompanyCalendar.Default);
        var at = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.FromHours(8));
        team.ComplaintOpened("claims", "CU-1", at);

        var copy = TeamActivity.Merge("t1", [team]);
        team.ComplaintOpened("claims", "CU-2", at);

        var quarter = Quarter.Of(new DateOnly(2026, 11, 2));
        Assert.Equal(1, copy.CustomersIn(quarter)!.Seen.Count);
        Assert.Equal(2, team.CustomersIn(quarter)!.Seen.Count);
        Assert.Equal(copy.TeamId, team.TeamId);
    }

    [Fact]
    public void A_snapshot_keeps_the_customers_it_was_taken_with_while_its_team_goes_on_adding()
    {
        var team = new TeamActivity("t1", CompanyCalendar.Default);
        var at = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.FromHours(8));
        var quarter = Quarter.Of(new DateOnly(2026, 11, 2));
        team.ComplaintOpened("claims", "CU-1", at);

        var first = team.Snapshot();
        team.ComplaintOpened("claims", "CU-1", at);
        var second = team.Snapshot();
        team.ComplaintOpened("claims", "CU-2", at);
        team.ComplaintOpened("claims", "CU-3", at);

        Assert.Equal(1, first.CustomersIn(quarter)!.Seen.Count);
        Assert.Equal(1, second.CustomersIn(quarter)!.Seen.Count);
        Assert.False(second.CustomersIn(quarter)!.Seen.Contains("CU-2"));
        Assert.Equal(3, team.CustomersIn(quarter)!.Seen.Count);
        var day = new LocalDateRange(new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 2));
        Assert.Equal(1, first.Totals(day).ComplaintsOpened);
        Assert.Equal(4, team.Totals(day).ComplaintsOpened);
    }

    [Fact]
    public void A_set_shared_with_a_snapshot_takes_a_union_without_touching_the_snapshot()
    {
        var set = new CustomerSet();
        set.Add("CU-1");
        var snapshot = set.Snapshot();
        var other = new CustomerSet();
        other.Add("CU-1");

        set.UnionWith(other);
        Assert.Equal(1, snapshot.Count);
        other.Add("CU-2");
        set.UnionWith(other);

        Assert.Equal(2, set.Count);
        Assert.Equal(1, snapshot.Count);
        Assert.False(snapshot.Contains("CU-2"));
    }

    [Fact]
    public void A_merge_that_extends_the_previous_one_counts_the_same_customers_as_a_merge_from_nothing()
    {
        var at = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.FromHours(8));
        var quarter = Quarter.Of(new DateOnly(2026, 11, 2));
        var t1 = new TeamActivity("t1", CompanyCalendar.Default);
        var t2 = new TeamActivity("t2", CompanyCalendar.Default);
        t1.ComplaintOpened("claims", "CU-1", at);
        t2.ComplaintOpened("claims", "CU-1", at);
        t2.ComplaintOpened("claims", "CU-2", at);

        var previous = TeamActivity.Merge("floor", [t1.Snapshot(), t2.Snapshot()]);
        t1.ComplaintOpened("claims", "CU-3", at);
        t2.ComplaintOpened("claims", "CU-2", at);
        var extended = TeamActivity.Merge("floor", [t1.Snapshot(), t2.Snapshot()], previous);
        var fresh = TeamActivity.Merge("floor", [t1, t2]);

        Assert.Equal(3, extended.CustomersIn(quarter)!.Seen.Count);
        Assert.Equal(fresh.CustomersIn(quarter)!.Seen.Count, extended.CustomersIn(quarter)!.Seen.Count);
        var day = new LocalDateRange(new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 2));
        Assert.Equal(fresh.Totals(day).ComplaintsOpened, extended.Totals(day).ComplaintsOpened);
        Assert.Equal(2, t1.CustomersIn(quarter)!.Seen.Count);
        Assert.Equal(2, t2.CustomersIn(quarter)!.Seen.Count);
    }
}
