using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Realtime.Domain.Events;

namespace Realtime.Server.Ingest;

/// <summary>One problem with one event of a batch: which event (0-based), which field, what is wrong.</summary>
public sealed record EventError(int Index, string Field, string Message);

/// <summary>
/// Reads one ingest event from JSON and checks it against the contract: required fields per type, field types,
/// ranges and lengths. Every problem is reported with its field, so a client can fix all of them at once.
/// </summary>
public sealed partial class FloorEventReader(Func<string, bool> isKnownIndicator)
{
    /// <summary>Longest accepted id (event, complaint, agent, team, customer …).</summary>
    public const int MaxIdLength = 128;

    /// <summary>Longest accepted free-text field (names, reasons, categories).</summary>
    public const int MaxTextLength = 500;

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$")]
    private static partial Regex Rfc3339();

    /// <summary>Reads the event at <paramref name="index"/>; null with errors added when it is not valid.</summary>
    public FloorEvent? Read(JsonElement element, int index, List<EventError> errors)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new EventError(index, "", "must be a JSON object"));
            return null;
        }
        var before = errors.Count;
        var f = new Fields(element, index, errors);

        var id = f.Id("id", required: true);
        var typeName = f.Text("type", required: true, MaxIdLength);
        EventType type = default;
        if (typeName is not null && !EventTypeNames.TryParse(typeName, out type))
            errors.Add(new EventError(index, "type", $"unknown type '{typeName}'; expected one of: {string.Join(", ", EventTypeNames.All)}"));
        var occurredAt = f.Timestamp("occurredAt", required: true);
        // Without a known type the required fields are unknown; otherwise keep going so every bad field is named at once.
        if (typeName is null || errors.Count > before && !EventTypeNames.TryParse(typeName, out _)) return null;

        var e = new FloorEvent
        {
            Id = id ?? "",
            Type = type,
            OccurredAt = occurredAt ?? default,
            ComplaintId = f.Id("complaintId", required: type.IsComplaintEvent()),
            AgentId = f.Id("agentId", required: type is EventType.ComplaintAssigned or EventType.ComplaintResponded or EventType.ServiceHandled
                or EventType.SurveySubmitted or EventType.PraiseReceived or EventType.FollowupCompleted or EventType.AgentRated),
            TeamId = f.Id("teamId", required: type is EventType.ComplaintOpened or EventType.ServiceHandled),
            AboutAgentId = f.Id("aboutAgentId"),
            Category = f.Text("category", false, MaxIdLength),
            Severity = f.Enum("severity", ("normal", Severity.Normal), ("high", Severity.High)),
            Channel = f.Text("channel", false, MaxIdLength),
            CustomerId = f.Id("customerId", required: type is EventType.FollowupCompleted),
            CustomerName = f.Text("customerName", false, MaxTextLength),
            CustomerPhone = f.Text("customerPhone", false, 40),
            Reason = f.Text("reason", false, MaxTextLength),
            Level = f.Integer("level", 1, 3),
            FirstContact = f.Boolean("firstContact"),
            ContactId = f.Id("contactId"),
            FirstContactResolved = f.Boolean("firstContactResolved"),
            ResponseSeconds = f.Number("responseSeconds", false, 0, 30 * 24 * 3600),
            Score = f.Number("score", type is EventType.SurveySubmitted, 0, 100),
            VisitedAt = f.Timestamp("visitedAt", required: type is EventType.FollowupCompleted),
            Indicator = f.Text("indicator", type is EventType.AgentRated, MaxIdLength),
            Value = f.Number("value", type is EventType.AgentRated, double.MinValue, double.MaxValue),
            Period = f.Text("period", false, 32),
            Rater = f.Enum("rater", ("supervisor", Rater.Supervisor), ("self", Rater.Self)),
        };
        if (e.Indicator is not null && !isKnownIndicator(e.Indicator))
            errors.Add(new EventError(index, "indicator", $"unknown indicator '{e.Indicator}'"));
        return errors.Count > before ? null : e;
    }

    /// <summary>Typed access to the fields of one event, adding an error per bad field.</summary>
    private readonly struct Fields(JsonElement element, int index, List<EventError> errors)
    {
        private bool TryGet(string name, bool required, out JsonElement value)
        {
            if (element.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null) return true;
            if (required) errors.Add(new EventError(index, name, "is required"));
            return false;
        }

        private void Fail(string name, string message) => errors.Add(new EventError(index, name, message));

        public string? Id(string name, bool required = false) => Text(name, required, MaxIdLength, nonBlank: true);

        public string? Text(string name, bool required, int maxLength, bool nonBlank = false)
        {
            if (!TryGet(name, required, out var v)) return null;
            if (v.ValueKind != JsonValueKind.String)
            {
                Fail(name, "must be a string");
                return null;
            }
            var s = v.GetString()!;
            if (s.Length == 0 || (nonBlank && string.IsNullOrWhiteSpace(s))) Fail(name, "must not be empty");
            else if (s.Length > maxLength) Fail(name, $"must be at most {maxLength} characters");
            else return s;
            return null;
        }

        public DateTimeOffset? Timestamp(string name, bool required)
        {
            var s = Text(name, required, 40);
            if (s is null) return null;
            if (Rfc3339().IsMatch(s) && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)) return t;
            Fail(name, "must be an RFC 3339 timestamp with an offset, e.g. 2026-11-02T09:00:00+08:00");
            return null;
        }

        public double? Number(string name, bool required, double min, double max)
        {
            if (!TryGet(name, required, out var v)) return null;
            if (v.ValueKind != JsonValueKind.Number || !v.TryGetDouble(out var d) || !double.IsFinite(d))
            {
                Fail(name, "must be a number");
                return null;
            }
            if (d < min || d > max)
            {
                Fail(name, $"must be between {min.ToString(CultureInfo.InvariantCulture)} and {max.ToString(CultureInfo.InvariantCulture)}");
                return null;
            }
            return d;
        }

        public int? Integer(string name, int min, int max)
        {
            if (!TryGet(name, false, out var v)) return null;
            if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt32(out var i) || i < min || i > max)
            {
                Fail(name, $"must be an integer from {min} to {max}");
                return null;
            }
            return i;
        }

        public bool? Boolean(string name)
        {
            if (!TryGet(name, false, out var v)) return null;
            if (v.ValueKind is JsonValueKind.True or JsonValueKind.False) return v.GetBoolean();
            Fail(name, "must be true or false");
            return null;
        }

        public T? Enum<T>(string name, params (string Wire, T Value)[] values) where T : struct
        {
            var s = Text(name, false, MaxIdLength);
            if (s is null) return null;
            foreach (var (wire, value) in values)
            {
                if (wire == s) return value;
            }
            Fail(name, $"must be one of: {string.Join(", ", values.Select(v => v.Wire))}");
            return null;
        }
    }
}
