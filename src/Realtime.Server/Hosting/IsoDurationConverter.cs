using System.Text.Json;
using System.Text.Json.Serialization;
using System.Xml;

namespace Realtime.Server.Hosting;

/// <summary>Writes and reads <see cref="TimeSpan"/> as an ISO 8601 duration (<c>PT2M</c>, <c>P2D</c>), as the contract says.</summary>
public sealed class IsoDurationConverter : JsonConverter<TimeSpan>
{
    // "-P" + 10,675,199 days ("D") + "T23H59M59.9999999S".
    private const int MaxLength = 40;

    /// <inheritdoc />
    public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        XmlConvert.ToTimeSpan(reader.GetString() ?? throw new JsonException("expected an ISO 8601 duration"));

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options)
    {
        // Every complaint view carries several durations and a breach storm writes thousands of views a second: written
        // from the stack, in the very form XmlConvert.ToString gives (which allocates a string each time).
        Span<byte> utf8 = stackalloc byte[MaxLength];
        writer.WriteStringValue(utf8[..Format(value, utf8)]);
    }

    /// <summary>Writes <paramref name="value"/> as <see cref="XmlConvert.ToString(TimeSpan)"/> does, in UTF-8; returns the length.</summary>
    internal static int Format(TimeSpan value, Span<byte> utf8)
    {
        // TimeSpan.MinValue has no positive counterpart as a long.
        var ticks = value.Ticks < 0 ? (ulong)-(value.Ticks + 1) + 1 : (ulong)value.Ticks;
        var at = 0;
        if (value.Ticks < 0) utf8[at++] = (byte)'-';
        utf8[at++] = (byte)'P';
        var days = ticks / TimeSpan.TicksPerDay;
        ticks %= TimeSpan.TicksPerDay;
        if (days != 0) Append(utf8, ref at, days, 'D');
        if (ticks != 0)
        {
            utf8[at++] = (byte)'T';
            var hours = ticks / TimeSpan.TicksPerHour;
            var minutes = ticks / TimeSpan.TicksPerMinute % 60;
            var seconds = ticks / TimeSpan.TicksPerSecond % 60;
            var fraction = ticks % TimeSpan.TicksPerSecond;
            if (hours != 0) Append(utf8, ref at, hours, 'H');
            if (minutes != 0) Append(utf8, ref at, minutes, 'M');
            if (seconds != 0 || fraction != 0)
            {
                seconds.TryFormat(utf8[at..], out var written);
                at += written;
                if (fraction != 0)
                {
                    // Seven digits of ticks, trailing zeros dropped.
                    utf8[at++] = (byte)'.';
                    fraction.TryFormat(utf8[at..], out written, "D7");
                    at += written;
                    while (utf8[at - 1] == (byte)'0') at--;
                }
                utf8[at++] = (byte)'S';
            }
        }
        // Zero is "PT0S".
        if (utf8[at - 1] == (byte)'P')
        {
            "T0S"u8.CopyTo(utf8[at..]);
            at += 3;
        }
        return at;
    }

    private static void Append(Span<byte> utf8, ref int at, ulong number, char designator)
    {
        number.TryFormat(utf8[at..], out var written);
        at += written;
        utf8[at++] = (byte)designator;
    }
}
