using System.Text.Json;
using System.Xml;
using Realtime.Server.Hosting;

namespace Realtime.Server.Tests;

/// <summary>Durations on the wire are ISO 8601, exactly as <see cref="XmlConvert"/> writes and reads them.</summary>
public sealed class IsoDurationTests
{
    private static readonly JsonSerializerOptions Wire = WireJson.Configure(new JsonSerializerOptions());

    public static TheoryData<long> Edges => new()
    {
        0, 1, 10, 1_000_000, TimeSpan.TicksPerSecond, TimeSpan.TicksPerSecond + 5_000_000, TimeSpan.TicksPerMinute * 2,
        TimeSpan.TicksPerHour * 48, TimeSpan.TicksPerDay, TimeSpan.TicksPerDay + 1, TimeSpan.TicksPerDay * 3 + TimeSpan.TicksPerMinute * 7,
        -1, -TimeSpan.TicksPerMinute * 2, -(TimeSpan.TicksPerDay * 2 + 12_345_678), TimeSpan.MaxValue.Ticks, TimeSpan.MinValue.Ticks,
    };

    [Theory]
    [MemberData(nameof(Edges))]
    public void A_duration_is_written_as_XmlConvert_writes_it_and_reads_back(long ticks)
    {
        var value = TimeSpan.FromTicks(ticks);
        var json = JsonSerializer.Serialize(value, Wire);
        Assert.Equal(JsonSerializer.Serialize(XmlConvert.ToString(value)), json);
        Assert.Equal(value, JsonSerializer.Deserialize<TimeSpan>(json, Wire));
    }

    [Fact]
    public void Random_durations_of_every_size_are_written_as_XmlConvert_writes_them()
    {
        var random = new Random(48);
        for (var i = 0; i < 20_000; i++)
        {
            // Spread over magnitudes: sub-second to decades, both signs.
            var ticks = (long)(random.NextDouble() * Math.Pow(10, random.Next(0, 16))) * (random.Next(4) == 0 ? -1 : 1);
            var value = TimeSpan.FromTicks(ticks);
            Assert.Equal(JsonSerializer.Serialize(XmlConvert.ToString(value)), JsonSerializer.Serialize(value, Wire));
        }
    }
}
