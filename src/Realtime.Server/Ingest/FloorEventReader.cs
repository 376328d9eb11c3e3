using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using Realtime.Domain.Events;

namespace Realtime.Server.Ingest;

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

    // A constant cannot be negative as a uint: the build fails, not an ingest, when the fields outgrow the set tracking them.
    private const uint SpareFields = FieldSet.Capacity - FieldCount;

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
}
