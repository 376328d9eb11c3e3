using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using Realtime.Domain.Events;

namespace Realtime.Server.Ingest;

/// <summary>One problem with one event of a batch: which event (0-based), which field, what is wrong.</summary>
public sealed record EventError(int Index, string Field, string Message);

/// <summary>
/// Reads one ingest event from JSON and checks it against the contract: required fields per type, field types,
/// ranges and lengths. Every problem is reported with its field, so a client can fix all of them at once.
/// </summary>
/// <param name="isKnownIndicator">Whether an <c>agent.rated</c> indicator is a manual indicator of the rubric.</param>
/// <param name="isKnownReason">Whether a <c>*.breachExplained</c> reason code is configured (<c>BreachCauses:Reasons</c>); null accepts none.</param>
public sealed partial class FloorEventReader(Func<string, bool> isKnownIndicator, Func<string, bool>? isKnownReason = null)
{
    /// <summary>Longest accepted id (event, complaint, agent, team, customer …).</summary>
    public const int MaxIdLength = 128;

    /// <summary>Longest accepted free-text field (names, reasons, categories).</summary>
    public const int MaxTextLength = 500;

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$")]
    private static partial Regex Rfc3339();

    /// <summary>Largest accepted magnitude of a rating's <c>value</c>: percents, scores and counts stay far below it, and sums of it stay finite.</summary>
    public const double MaxRatingValue = 1_000_000;

    /// <summary>
    /// Reads the event at <paramref name="index"/>; null with errors added when it is not valid. With <paramref name="window"/>,
    /// instants outside it are errors.
    /// </summary>
    public FloorEvent? Read(JsonElement element, int index, List<EventError> errors, InstantWindow? window = null)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new EventError(index, "", "must be a JSON object"));
            return null;
        }
        var before = errors.Count;
        var f = new Fields(element, index, errors, window);

        var id = f.Id(Field.Id, required: true);
        var typeName = f.Text(Field.Type, required: true, MaxIdLength);
        EventType type = default;
        if (typeName is not null && !EventTypeNames.TryParse(typeName, out type))
            errors.Add(new EventError(index, "type", $"unknown type '{typeName}'; expected one of: {string.Join(", ", EventTypeNames.All)}"));
        var occurredAt = f.Timestamp(Field.OccurredAt, required: true);
        // Without a known type the required fields are unknown; otherwise keep going so every bad field is named at once.
        if (typeName is null || errors.Count > before && !EventTypeNames.TryParse(typeName, out _)) return null;

        var e = new FloorEvent
        {
            Id = id ?? "",
            Type = type,
            OccurredAt = occurredAt ?? default,
            ComplaintId = f.Id(Field.ComplaintId, required: type.IsComplaintEvent()),
            AgentId = f.Id(Field.AgentId, required: type is EventType.ComplaintAssigned or EventType.ComplaintResponded or EventType.ServiceHandled
                or EventType.SurveySubmitted or EventType.PraiseReceived or EventType.FollowupCompleted or EventType.AgentRated),
            TeamId = f.Id(Field.TeamId, required: type is EventType.ComplaintOpened or EventType.ServiceHandled or EventType.CaseOpened),
            AboutAgentId = f.Id(Field.AboutAgentId),
            Category = f.Text(Field.Category, false, MaxIdLength),
            Severity = f.Enum(Field.Severity, Severities),
            Channel = f.Text(Field.Channel, false, MaxIdLength),
            CustomerId = f.Id(Field.CustomerId, required: type is EventType.FollowupCompleted),
            CustomerName = f.Text(Field.CustomerName, false, MaxTextLength),
            CustomerPhone = f.Text(Field.CustomerPhone, false, 40),
            Reason = f.Text(Field.Reason, false, MaxTextLength),
            Level = f.Integer(Field.Level, 1, 3),
            FirstContact = f.Boolean(Field.FirstContact),
            ContactId = f.Id(Field.ContactId),
            FirstContactResolved = f.Boolean(Field.FirstContactResolved),
            ResponseSeconds = f.Number(Field.ResponseSeconds, false, 0, 30 * 24 * 3600),
            Score = f.Number(Field.Score, type is EventType.SurveySubmitted, 0, 100),
            VisitedAt = f.Timestamp(Field.VisitedAt, required: type is EventType.FollowupCompleted),
            Indicator = f.Text(Field.Indicator, type is EventType.AgentRated, MaxIdLength),
            Value = f.Number(Field.Value, type is EventType.AgentRated, -MaxRatingValue, MaxRatingValue),
            Period = f.Period(occurredAt),
            Rater = f.Enum(Field.Rater, Raters),
            CaseId = f.Id(Field.CaseId, required: type.IsCaseEvent()),
            CaseType = f.Id(Field.CaseType, required: type is EventType.CaseOpened),
            Step = f.Id(Field.Step, required: type is EventType.CaseStep),
            Attributes = f.Attributes(Field.Attributes),
            ReasonCode = f.Id(Field.ReasonCode, required: type.IsBreachExplanation()),
            Clock = f.Id(Field.Clock),
        };
        if (e.ReasonCode is not null && isKnownReason?.Invoke(e.ReasonCode) != true)
            errors.Add(new EventError(index, "reasonCode", $"unknown reason code '{e.ReasonCode}' (configured under BreachCauses:Reasons)"));
        if (e.ReasonCode == Domain.BreachCauses.BreachCauseOptions.Other && string.IsNullOrWhiteSpace(e.Reason))
            errors.Add(new EventError(index, "reason", $"is required with reasonCode '{Domain.BreachCauses.BreachCauseOptions.Other}': say what happened"));
        if (e.Indicator is not null && !isKnownIndicator(e.Indicator))
            errors.Add(new EventError(index, "indicator", $"unknown indicator '{e.Indicator}'"));
        return errors.Count > before ? null : e;
    }

    private static readonly (string Wire, Severity Value)[] Severities = [("normal", Severity.Normal), ("high", Severity.High)];
    private static readonly (string Wire, Rater Value)[] Raters = [("supervisor", Rater.Supervisor), ("self", Rater.Self)];

    /// <summary>The fields of the contract's events; <see cref="FieldNames"/> holds their wire names in the same order.</summary>
    private enum Field
    {
        Id, Type, OccurredAt, ComplaintId, AgentId, TeamId, AboutAgentId, Category, Severity, Channel, CustomerId, CustomerName,
        CustomerPhone, Reason, Level, FirstContact, ContactId, FirstContactResolved, ResponseSeconds, Score, VisitedAt, Indicator,
        Value, Period, Rater, CaseId, CaseType, Step, Attributes, ReasonCode, Clock,
    }

    private const int FieldCount = (int)Field.Clock + 1;

    /// <summary>Most attributes one case event may carry.</summary>
    public const int MaxAttributes = 32;

    private static readonly string[] FieldNames =
    [
        "id", "type", "occurredAt", "complaintId", "agentId", "teamId", "aboutAgentId", "category", "severity", "channel", "customerId",
        "customerName", "customerPhone", "reason", "level", "firstContact", "contactId", "firstContactResolved", "responseSeconds",
        "score", "visitedAt", "indicator", "value", "period", "rater", "caseId", "caseType", "step", "attributes", "reasonCode", "clock",
    ];

    // Wire names by length, as UTF-8: a property's raw name finds its field with a length check and a compare or two.
    private static readonly (byte[] Name, Field Field)[][] FieldsByLength = IndexFieldNames();

    private static (byte[] Name, Field Field)[][] IndexFieldNames()
    {
        var byLength = new List<(byte[], Field)>[FieldNames.Max(n => n.Length) + 1];
        for (var i = 0; i < FieldNames.Length; i++)
            (byLength[FieldNames[i].Length] ??= []).Add((Encoding.UTF8.GetBytes(FieldNames[i]), (Field)i));
        return [.. byLength.Select(list => list?.ToArray() ?? [])];
    }

    private static int FieldOf(ReadOnlySpan<byte> name)
    {
        if (name.Length >= FieldsByLength.Length) return -1;
        foreach (var (candidate, field) in FieldsByLength[name.Length])
        {
            if (name.SequenceEqual(candidate)) return (int)field;
        }
        return -1;
    }

    /// <summary>The event's properties by field, found in one pass over the object.</summary>
    [InlineArray(FieldCount)]
    private struct FieldValues
    {
        private JsonElement _first;
    }

    /// <summary>
    /// Typed access to the fields of one event, adding an error per bad field. The object is walked once: looking each
    /// of the 25 fields up by name scanned its properties 25 times and was a quarter of the server's ingest work.
    /// </summary>
    private ref struct Fields
    {
        private readonly int _index;
        private readonly List<EventError> _errors;
        private readonly InstantWindow? _window;
        private FieldValues _values;
        private int _present;
        private int _malformed;

        public Fields(JsonElement element, int index, List<EventError> errors, InstantWindow? window)
        {
            _index = index;
            _errors = errors;
            _window = window;
            foreach (var property in element.EnumerateObject())
            {
                var raw = JsonMarshal.GetRawUtf8PropertyName(property);
                if (!IsWellFormedName(property, raw))
                {
                    _errors.Add(new EventError(_index, "", MalformedText));
                    continue;
                }
                // An escaped name (\u0069d) is rare: decode it rather than miss it. A repeated name: the last one counts,
                // as with JsonElement.TryGetProperty.
                var field = raw.Contains((byte)'\\') ? FieldOf(Encoding.UTF8.GetBytes(property.Name)) : FieldOf(raw);
                // Text the parser let through but no string can hold (invalid UTF-8, a lone surrogate) is named here, in any
                // field, known or not: reading it later would throw, and storing it would fail after the 202.
                if (!IsWellFormed(property.Value))
                {
                    _errors.Add(new EventError(_index, field < 0 ? Shortened(property.Name) : FieldNames[field], MalformedText));
                    if (field >= 0) _malformed |= 1 << field;
                    continue;
                }
                if (field < 0) continue;
                _values[field] = property.Value;
                _present |= 1 << field;
            }
        }

        private static string Shortened(string name) => name.Length <= MaxIdLength ? name : name[..MaxIdLength] + "…";

        private const string MalformedText = "is not valid text: invalid UTF-8 or a lone surrogate escape (\\uD800-\\uDFFF without its pair)";

        private static bool IsWellFormedName(JsonProperty property, ReadOnlySpan<byte> raw)
        {
            if (!raw.Contains((byte)'\\')) return Utf8.IsValid(raw);
            try
            {
                _ = property.Name;
                return true;
            }
            catch (InvalidOperationException)
            {
                return false;
            }
        }

        /// <summary>Whether every string in <paramref name="value"/> (names too, at any depth) decodes to valid UTF-16.</summary>
        private static bool IsWellFormed(JsonElement value)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.String:
                    var raw = JsonMarshal.GetRawUtf8Value(value);
                    if (!raw.Contains((byte)'\\')) return Utf8.IsValid(raw);
                    try
                    {
                        _ = value.GetString();
                        return true;
                    }
                    catch (InvalidOperationException)
                    {
                        return false;
                    }
                case JsonValueKind.Object:
                    foreach (var p in value.EnumerateObject())
                    {
                        if (!IsWellFormedName(p, JsonMarshal.GetRawUtf8PropertyName(p)) || !IsWellFormed(p.Value)) return false;
                    }
                    return true;
                case JsonValueKind.Array:
                    foreach (var item in value.EnumerateArray())
                    {
                        if (!IsWellFormed(item)) return false;
                    }
                    return true;
                default:
                    return true;
            }
        }

        private readonly bool TryGet(Field field, bool required, out JsonElement value)
        {
            if ((_malformed & (1 << (int)field)) != 0)
            {
                value = default;
                return false;
            }
            if ((_present & (1 << (int)field)) != 0)
            {
                value = _values[(int)field];
                if (value.ValueKind != JsonValueKind.Null) return true;
            }
            else value = default;
            if (required) Fail(field, "is required");
            return false;
        }

        private readonly void Fail(Field field, string message) => _errors.Add(new EventError(_index, FieldNames[(int)field], message));

        public readonly string? Id(Field field, bool required = false) => Text(field, required, MaxIdLength, nonBlank: true);

        public readonly string? Text(Field field, bool required, int maxLength, bool nonBlank = false)
        {
            if (!TryGet(field, required, out var v)) return null;
            if (v.ValueKind != JsonValueKind.String)
            {
                Fail(field, "must be a string");
                return null;
            }
            var s = v.GetString()!;
            if (s.Length == 0 || (nonBlank && string.IsNullOrWhiteSpace(s))) Fail(field, "must not be empty");
            else if (s.Length > maxLength) Fail(field, $"must be at most {maxLength} characters");
            else return s;
            return null;
        }

        public readonly DateTimeOffset? Timestamp(Field field, bool required)
        {
            var s = Text(field, required, 40);
            if (s is null) return null;
            if (Rfc3339().IsMatch(s))
            {
                // System.Text.Json reads the common form straight from the UTF-8 bytes; the general parser takes the rest
                // of RFC 3339 (a space, a lower-case t or z), and fractions finer than a tick, which it rounds (System.Text.Json
                // would truncate them).
                DateTimeOffset t;
                if ((FractionDigits(s) <= 7 && _values[(int)field].TryGetDateTimeOffset(out t))
                    || DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out t))
                {
                    return InWindow(field, t);
                }
            }
            Fail(field, "must be an RFC 3339 timestamp with an offset, e.g. 2026-11-02T09:00:00+08:00");
            return null;
        }

        private readonly DateTimeOffset? InWindow(Field field, DateTimeOffset t)
        {
            if (_window is not { } w) return t;
            if (t < w.Earliest)
            {
                Fail(field, $"lies more than {w.MaxAge.TotalDays.ToString(CultureInfo.InvariantCulture)} days before the server clock ({w.Now:O}; Ingest:MaxEventAge)");
                return null;
            }
            if (t > w.Latest)
            {
                Fail(field, $"lies more than {w.MaxSkew} ahead of the server clock ({w.Now:O}; Ingest:MaxClockSkew)");
                return null;
            }
            return t;
        }

        /// <summary>
        /// A rating's period: free text, but one written as a quarter (<c>2026Q3</c>) must lie within a year of the event,
        /// so a rating cannot file itself in 0001Q1 or 9999Q4.
        /// </summary>
        public readonly string? Period(DateTimeOffset? occurredAt)
        {
            var s = Text(Field.Period, false, 32);
            if (s is null || occurredAt is not { } at || !Domain.Calendars.Quarter.TryParse(s, out var quarter)) return s;
            if (Math.Abs(quarter.Year - at.Year) <= 1) return s;
            Fail(Field.Period, $"quarter {s} is more than a year away from occurredAt");
            return null;
        }

        private static int FractionDigits(string timestamp)
        {
            var dot = timestamp.IndexOf('.', StringComparison.Ordinal);
            if (dot < 0) return 0;
            var end = dot + 1;
            while (end < timestamp.Length && char.IsAsciiDigit(timestamp[end])) end++;
            return end - dot - 1;
        }

        public readonly double? Number(Field field, bool required, double min, double max)
        {
            if (!TryGet(field, required, out var v)) return null;
            if (v.ValueKind != JsonValueKind.Number || !v.TryGetDouble(out var d) || !double.IsFinite(d))
            {
                Fail(field, "must be a number");
                return null;
            }
            if (d < min || d > max)
            {
                Fail(field, $"must be between {min.ToString(CultureInfo.InvariantCulture)} and {max.ToString(CultureInfo.InvariantCulture)}");
                return null;
            }
            return d;
        }

        public readonly int? Integer(Field field, int min, int max)
        {
            if (!TryGet(field, false, out var v)) return null;
            if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt32(out var i) || i < min || i > max)
            {
                Fail(field, $"must be an integer from {min} to {max}");
                return null;
            }
            return i;
        }

        public readonly bool? Boolean(Field field)
        {
            if (!TryGet(field, false, out var v)) return null;
            if (v.ValueKind is JsonValueKind.True or JsonValueKind.False) return v.GetBoolean();
            Fail(field, "must be true or false");
            return null;
        }

        /// <summary>An object of string, number and boolean values (a case's facts, e.g. <c>{"amount": 2500, "injury": false}</c>).</summary>
        public readonly IReadOnlyDictionary<string, CaseAttribute>? Attributes(Field field)
        {
            if (!TryGet(field, false, out var v)) return null;
            if (v.ValueKind != JsonValueKind.Object)
            {
                Fail(field, "must be an object of string, number or boolean values");
                return null;
            }
            var attributes = new Dictionary<string, CaseAttribute>(StringComparer.Ordinal);
            var ok = true;
            foreach (var property in v.EnumerateObject())
            {
                var name = FieldNames[(int)field] + "." + property.Name;
                if (property.Name.Length is 0 or > 64 || property.Name.Any(char.IsWhiteSpace))
                {
                    _errors.Add(new EventError(_index, name, "a name must be 1 to 64 characters without spaces"));
                    ok = false;
                    continue;
                }
                CaseAttribute? value = property.Value.ValueKind switch
                {
                    JsonValueKind.String when property.Value.GetString()!.Length <= MaxTextLength => CaseAttribute.Of(property.Value.GetString()!),
                    JsonValueKind.Number when property.Value.TryGetDouble(out var d) && double.IsFinite(d) => CaseAttribute.Of(d),
                    JsonValueKind.True or JsonValueKind.False => CaseAttribute.Of(property.Value.GetBoolean()),
                    _ => null,
                };
                if (value is null)
                {
                    _errors.Add(new EventError(_index, name, $"must be a string of at most {MaxTextLength} characters, a number or true/false"));
                    ok = false;
                    continue;
                }
                attributes[property.Name] = value;
            }
            if (attributes.Count > MaxAttributes)
            {
                Fail(field, $"must have at most {MaxAttributes} values");
                ok = false;
            }
            return ok ? attributes : null;
        }

        public readonly T? Enum<T>(Field field, (string Wire, T Value)[] values) where T : struct
        {
            var s = Text(field, false, MaxIdLength);
            if (s is null) return null;
            foreach (var (wire, value) in values)
            {
                if (wire == s) return value;
            }
            Fail(field, $"must be one of: {string.Join(", ", values.Select(v => v.Wire))}");
            return null;
        }
    }
}
