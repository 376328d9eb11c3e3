using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Realtime.Domain.Scorecards;

/// <summary>
/// One agent's live counters for one local date of the company calendar (a daily bucket of
/// <see cref="AgentActivity"/>). Serialized as a compact JSON array
/// <c>["2026-07-01", services, firstContactResolved, complaintsAbout, responseMillisecondsSum, responseCount,
/// surveyScoreSum, surveyCount, praises, followupsCompleted, followupsEnteredWithin24h]</c> with trailing zeros left out,
/// so a quarter of history stays a few kilobytes.
/// </summary>
[JsonConverter(typeof(AgentDayJsonConverter))]
public readonly struct AgentDay : IEquatable<AgentDay>
{
    private readonly AgentCounters _counters;

    /// <summary>Creates an empty bucket for local date <paramref name="date"/>.</summary>
    public AgentDay(DateOnly date) => Date = date;

    internal AgentDay(DateOnly date, in AgentCounters counters)
    {
        Date = date;
        _counters = counters;
    }

    /// <summary>The local date (company zone) the counters belong to.</summary>
    public DateOnly Date { get; }

    /// <summary><c>service.handled</c> events of the agent.</summary>
    public int ServicesHandled => _counters.ServicesHandled;

    /// <summary>Services with <c>firstContactResolved</c> true.</summary>
    public int FirstContactResolved => _counters.FirstContactResolved;

    /// <summary>Complaints opened whose <c>aboutAgentId</c> is the agent.</summary>
    public int ComplaintsAbout => _counters.ComplaintsAbout;

    /// <summary>Sum of response times in whole milliseconds (service <c>responseSeconds</c> and first responses to complaints).</summary>
    public long ResponseMillisecondsSum => _counters.ResponseMillisecondsSum;

    /// <summary>How many response times <see cref="ResponseMillisecondsSum"/> adds up.</summary>
    public int ResponseCount => _counters.ResponseCount;

    /// <summary>Sum of survey scores (0–100 each).</summary>
    public double SurveyScoreSum => _counters.SurveyScoreSum;

    /// <summary>How many surveys <see cref="SurveyScoreSum"/> adds up.</summary>
    public int SurveyCount => _counters.SurveyCount;

    /// <summary><c>praise.received</c> events.</summary>
    public int Praises => _counters.Praises;

    /// <summary><c>followup.completed</c> events (bucketed by when the record was entered).</summary>
    public int FollowupsCompleted => _counters.FollowupsCompleted;

    /// <summary>Follow-ups whose record was entered within 24 hours of the visit.</summary>
    public int FollowupsEnteredWithin24h => _counters.FollowupsEnteredWithin24h;

    /// <summary>True when any counter is non-zero.</summary>
    public bool HasActivity => _counters.HasActivity;

    internal AgentCounters Counters => _counters;

    /// <inheritdoc />
    public bool Equals(AgentDay other) => Date == other.Date && _counters.Equals(other._counters);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is AgentDay other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Date, _counters);

    /// <summary>Value equality.</summary>
    public static bool operator ==(AgentDay left, AgentDay right) => left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(AgentDay left, AgentDay right) => !left.Equals(right);
}

/// <summary>
/// The counters of one day as <see cref="AgentActivity"/> holds them: 48 bytes, no date (the buckets keep dates
/// alongside) and no object header, so 90 days of a busy agent take about 4.7 KB. Counts are <see cref="int"/>
/// because a day's count has no small exact bound (a bulk import may put thousands of services on one day).
/// </summary>
internal record struct AgentCounters
{
    public long ResponseMillisecondsSum;
    public double SurveyScoreSum;
    public int ServicesHandled;
    public int FirstContactResolved;
    public int ComplaintsAbout;
    public int ResponseCount;
    public int SurveyCount;
    public int Praises;
    public int FollowupsCompleted;
    public int FollowupsEnteredWithin24h;

    /// <summary>True when any counter is non-zero (every change counts at least one of these).</summary>
    public readonly bool HasActivity => (ServicesHandled | ComplaintsAbout | ResponseCount | SurveyCount | Praises | FollowupsCompleted) != 0;
}

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
