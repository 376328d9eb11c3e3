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
public sealed class AgentDay
{
    /// <summary>Creates an empty bucket for local date <paramref name="date"/>.</summary>
    public AgentDay(DateOnly date) => Date = date;

    /// <summary>The local date (company zone) the counters belong to.</summary>
    public DateOnly Date { get; }

    /// <summary><c>service.handled</c> events of the agent.</summary>
    public int ServicesHandled { get; internal set; }

    /// <summary>Services with <c>firstContactResolved</c> true.</summary>
    public int FirstContactResolved { get; internal set; }

    /// <summary>Complaints opened whose <c>aboutAgentId</c> is the agent.</summary>
    public int ComplaintsAbout { get; internal set; }

    /// <summary>Sum of response times in whole milliseconds (service <c>responseSeconds</c> and first responses to complaints).</summary>
    public long ResponseMillisecondsSum { get; internal set; }

    /// <summary>How many response times <see cref="ResponseMillisecondsSum"/> adds up.</summary>
    public int ResponseCount { get; internal set; }

    /// <summary>Sum of survey scores (0–100 each).</summary>
    public double SurveyScoreSum { get; internal set; }

    /// <summary>How many surveys <see cref="SurveyScoreSum"/> adds up.</summary>
    public int SurveyCount { get; internal set; }

    /// <summary><c>praise.received</c> events.</summary>
    public int Praises { get; internal set; }

    /// <summary><c>followup.completed</c> events (bucketed by when the record was entered).</summary>
    public int FollowupsCompleted { get; internal set; }

    /// <summary>Follow-ups whose record was entered within 24 hours of the visit.</summary>
    public int FollowupsEnteredWithin24h { get; internal set; }

    /// <summary>True when any counter is non-zero.</summary>
    public bool HasActivity => ServicesHandled + ComplaintsAbout + ResponseCount + SurveyCount + Praises + FollowupsCompleted > 0;
}

/// <summary>Writes an <see cref="AgentDay"/> as a positional array (see its summary) and reads it back.</summary>
public sealed class AgentDayJsonConverter : JsonConverter<AgentDay>
{
    /// <inheritdoc />
    public override AgentDay Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray || !reader.Read() || reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("An agent day is an array starting with its date.");
        }

        var day = new AgentDay(DateOnly.ParseExact(reader.GetString()!, "yyyy-MM-dd"));
        var values = new double[10];
        var count = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (count == values.Length)
            {
                throw new JsonException("Too many values in an agent day.");
            }

            values[count++] = reader.GetDouble();
        }

        day.ServicesHandled = (int)values[0];
        day.FirstContactResolved = (int)values[1];
        day.ComplaintsAbout = (int)values[2];
        day.ResponseMillisecondsSum = (long)values[3];
        day.ResponseCount = (int)values[4];
        day.SurveyScoreSum = values[5];
        day.SurveyCount = (int)values[6];
        day.Praises = (int)values[7];
        day.FollowupsCompleted = (int)values[8];
        day.FollowupsEnteredWithin24h = (int)values[9];
        return day;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, AgentDay value, JsonSerializerOptions options)
    {
        double[] values =
        [
            value.ServicesHandled, value.FirstContactResolved, value.ComplaintsAbout, value.ResponseMillisecondsSum,
            value.ResponseCount, value.SurveyScoreSum, value.SurveyCount, value.Praises, value.FollowupsCompleted,
            value.FollowupsEnteredWithin24h,
        ];
        var length = values.Length;
        while (length > 0 && values[length - 1] == 0)
        {
            length--;
        }

        writer.WriteStartArray();
        writer.WriteStringValue(value.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        for (var i = 0; i < length; i++)
        {
            writer.WriteNumberValue(values[i]);
        }

        writer.WriteEndArray();
    }
}
