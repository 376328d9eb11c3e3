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
}
