using System.Text;
using System.Text.Json;
using Realtime.Grains.Complaints;

namespace Realtime.Grains.Tests;

/// <summary>The restart's reader of stored board summaries gives exactly what the general serializer gives.</summary>
public sealed class OpenComplaintSummaryJsonTests
{
    public static TheoryData<OpenComplaintSummary> Summaries() =>
    [
        new("C-1", "T1", "A1", false, false, new DateTimeOffset(2026, 11, 2, 9, 32, 0, TimeSpan.Zero)),
        new("C-2", null, null, true, false, null),
        new("C-3", "T1", "A1", false, true, new DateTimeOffset(2026, 11, 2, 17, 32, 0, 123, TimeSpan.FromHours(8))),
        new("投诉-\"4\"\\x", "客服一组", "张三", true, true, DateTimeOffset.MaxValue),
    ];

    [Theory]
    [MemberData(nameof(Summaries))]
    public void A_stored_summary_reads_back_as_the_serializer_reads_it(OpenComplaintSummary summary)
    {
        var stored = JsonSerializer.SerializeToUtf8Bytes(summary, GrainJson.Options);

        var read = OpenComplaintSummary.FromJson(stored);

        Assert.Equal(JsonSerializer.Deserialize<OpenComplaintSummary>(stored, GrainJson.Options), read);
        Assert.Equal(summary, read);
        Assert.Equal(summary.MostUrgentDueAt?.Offset, read!.MostUrgentDueAt?.Offset);
    }

    [Fact]
    public void A_shape_it_does_not_know_goes_to_the_serializer()
    {
        var stored = Encoding.UTF8.GetBytes("""{"ComplaintId":"C-9","teamId":"T1","breached":true,"later":{"x":[1,2]}}""");

        Assert.Equal(new OpenComplaintSummary("C-9", "T1", null, false, true, null), OpenComplaintSummary.FromJson(stored));
    }

    [Fact]
    public void Damaged_bytes_fail_as_the_serializer_fails()
    {
        Assert.ThrowsAny<JsonException>(() => OpenComplaintSummary.FromJson("""{"complaintId":"C-9","""u8));
    }
}
