using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Realtime.Domain.Scorecards;

/// <summary>Writes an <see cref="AgentDay"/> as a positional array (see its summary) and reads it back.</summary>
public sealed class AgentDayJsonConverter : JsonConverter<AgentDay>
{
    private const int ValueCount = 10;

    /// <inheritdoc />
    public override AgentDay Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray || !reader.Read() || reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("An agent day is an array starting with its date.");
        }

        var date = ReadDate(ref reader);
        var counters = new AgentCounters();
        var index = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            switch (index++)
            {
                case 0: counters.ServicesHandled = ReadCount(ref reader); break;
                case 1: counters.FirstContactResolved = ReadCount(ref reader); break;
                case 2: counters.ComplaintsAbout = ReadCount(ref reader); break;
                case 3: counters.ResponseMillisecondsSum = ReadLong(ref reader); break;
                case 4: counters.ResponseCount = ReadCount(ref reader); break;
                case 5: counters.SurveyScoreSum = reader.GetDouble(); break;
                case 6: counters.SurveyCount = ReadCount(ref reader); break;
                case 7: counters.Praises = ReadCount(ref reader); break;
                case 8: counters.FollowupsCompleted = ReadCount(ref reader); break;
                case 9: counters.FollowupsEnteredWithin24h = ReadCount(ref reader); break;
                default: throw new JsonException("Too many values in an agent day.");
            }
        }

        return new AgentDay(date, counters);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, AgentDay value, JsonSerializerOptions options)
    {
        var c = value.Counters;
        var length = c.FollowupsEnteredWithin24h != 0 ? 10
            : c.FollowupsCompleted != 0 ? 9
            : c.Praises != 0 ? 8
            : c.SurveyCount != 0 ? 7
            : c.SurveyScoreSum != 0 ? 6
            : c.ResponseCount != 0 ? 5
            : c.ResponseMillisecondsSum != 0 ? 4
            : c.ComplaintsAbout != 0 ? 3
            : c.FirstContactResolved != 0 ? 2
            : c.ServicesHandled != 0 ? 1
            : 0;

        writer.WriteStartArray();
        Span<byte> date = stackalloc byte[10];
        value.Date.TryFormat(date, out var written, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        writer.WriteStringValue(date[..written]);
        // Counts are written as integers: the same text the earlier double-valued writer produced, much cheaper to format.
        for (var i = 0; i < length && i < ValueCount; i++)
        {
            switch (i)
            {
                case 0: writer.WriteNumberValue(c.ServicesHandled); break;
                case 1: writer.WriteNumberValue(c.FirstContactResolved); break;
                case 2: writer.WriteNumberValue(c.ComplaintsAbout); break;
                case 3: writer.WriteNumberValue(c.ResponseMillisecondsSum); break;
                case 4: writer.WriteNumberValue(c.ResponseCount); break;
                case 5: WriteSum(writer, c.SurveyScoreSum); break;
                case 6: writer.WriteNumberValue(c.SurveyCount); break;
                case 7: writer.WriteNumberValue(c.Praises); break;
                case 8: writer.WriteNumberValue(c.FollowupsCompleted); break;
                default: writer.WriteNumberValue(c.FollowupsEnteredWithin24h); break;
            }
        }

        writer.WriteEndArray();
    }

    // Scores are mostly whole numbers; their sums then format as integers, identically and far cheaper than as doubles
    // (below 1e14 a whole double is written as plain digits, exactly as the integer is).
    private static void WriteSum(Utf8JsonWriter writer, double sum)
    {
        if (Math.Abs(sum) < 1e14 && sum == Math.Floor(sum) && !(sum == 0 && double.IsNegative(sum)))
        {
            writer.WriteNumberValue((long)sum);
        }
        else
        {
            writer.WriteNumberValue(sum);
        }
    }

    // The date read from the raw bytes when it is plain yyyy-MM-dd (always, as written), without allocating a string.
    private static DateOnly ReadDate(ref Utf8JsonReader reader)
    {
        var raw = reader.HasValueSequence || reader.ValueIsEscaped ? default : reader.ValueSpan;
        if (raw.Length == 10 && raw[4] == (byte)'-' && raw[7] == (byte)'-'
            && TryDigits(raw[..4], out var year) && TryDigits(raw.Slice(5, 2), out var month) && TryDigits(raw.Slice(8, 2), out var day)
            && year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
        {
            return new DateOnly(year, month, day);
        }

        return DateOnly.ParseExact(reader.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    private static bool TryDigits(ReadOnlySpan<byte> digits, out int value)
    {
        value = 0;
        foreach (var b in digits)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return false;
            }

            value = value * 10 + (b - '0');
        }

        return true;
    }

    // States stored before counts were written as integers hold the same digits, but a reader must not reject
    // an exponent form (e.g. 1E+16) that the double writer produces for very large sums.
    private static int ReadCount(ref Utf8JsonReader reader) =>
        reader.TryGetInt32(out var count) ? count : checked((int)reader.GetDouble());

    private static long ReadLong(ref Utf8JsonReader reader) =>
        reader.TryGetInt64(out var value) ? value : checked((long)reader.GetDouble());
}
