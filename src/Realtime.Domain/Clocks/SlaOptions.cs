using System.Globalization;
using Realtime.Domain.Calendars;
using Realtime.Domain.Cases;
using Realtime.Domain.Events;

namespace Realtime.Domain.Clocks;

/// <summary>
/// The configuration section <c>Sla</c>, shaped for Microsoft.Extensions.Configuration binding
/// (e.g. <c>Sla:Clocks:firstResponse:Target = "00:02:00"</c>, <c>Sla:Escalation:Delays:1 = "04:00:00"</c>).
/// Everything is optional: unset values keep the defaults of <see cref="SlaPolicy.Default"/>.
/// Call <see cref="Validate()"/> at startup, then <see cref="ToPolicy()"/>; when clocks name working calendars
/// (<c>Sla:Clocks:resolution:Calendar = "cn"</c>), pass the calendars built from <see cref="CalendarsOptions"/> to both.
/// </summary>
public sealed class SlaOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Sla";

    /// <summary>
    /// Per clock overrides by name (case-insensitive, as configuration keys are). A built-in name changes that clock;
    /// any other name adds a clock, which must then set Target, StartEvent and StopEvent.
    /// </summary>
    public Dictionary<string, ClockOptions> Clocks { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The escalation chain override.</summary>
    public EscalationOptions Escalation { get; set; } = new();

    /// <summary>Overrides <see cref="SlaPolicy.LateTolerance"/>; key <c>Sla:LateTolerance</c>.</summary>
    public TimeSpan? LateTolerance { get; set; }

    /// <summary>
    /// Human-readable problems, each naming its configuration key
    /// (e.g. <c>Sla:Clocks:resolution:Target must be positive (was -01:00:00)</c>); empty when the section is usable.
    /// </summary>
    public IReadOnlyList<string> Validate() => Validate(NoCalendars);

    /// <summary>
    /// As <see cref="Validate()"/>, and checks that every <c>Sla:Clocks:&lt;name&gt;:Calendar</c> names one of
    /// <paramref name="calendars"/> (by name, case-insensitive; empty means 24×7).
    /// </summary>
    public IReadOnlyList<string> Validate(IReadOnlyDictionary<string, WorkingCalendar> calendars)
    {
        ArgumentNullException.ThrowIfNull(calendars);
        var errors = new List<string>();
        foreach (var (name, clock) in Clocks)
        {
            var key = $"{SectionName}:Clocks:{name}";
            if (clock is null)
                continue;
            if (clock.IsCaseClock)
            {
                ValidateCaseClock(errors, key, name, clock, calendars);
                continue;
            }
            foreach (var (caseKey, value) in new[] { ("When", clock.When), ("PauseEvent", clock.PauseEvent), ("ResumeEvent", clock.ResumeEvent), ("Count", clock.Count is null ? null : "set") })
            {
                if (value is not null)
                    errors.Add($"{key}:{caseKey} applies to clocks of generic cases only: set {key}:CaseType (e.g. claim)");
            }
            var builtIn = FindBuiltIn(name) is not null;
            if (clock.Target is { } target && target <= TimeSpan.Zero)
                errors.Add($"{key}:Target must be positive (was {target:c})");
            if (!builtIn && clock.Target is null)
                errors.Add($"{key}:Target is required for a clock that is not built in");
            CheckWarnAt(errors, key, clock.WarnAt);
            var start = CheckEvent(errors, $"{key}:StartEvent", clock.StartEvent, required: !builtIn);
            var stop = CheckEvent(errors, $"{key}:StopEvent", clock.StopEvent, required: !builtIn);
            var builtInClock = FindBuiltIn(name);
            if ((start ?? builtInClock?.StartEvent) is { } s && (stop ?? builtInClock?.StopEvent) is { } e && s == e)
                errors.Add($"{key}:StopEvent must differ from StartEvent");
            if (clock.OnReopen is { } onReopen && !TryParseReopen(onReopen, out _))
                errors.Add($"{key}:OnReopen must be Resume or Restart, not '{onReopen}'");
            CheckCalendar(errors, key, clock.Calendar, calendars);
        }

        if (Escalation?.Delays is { } delays)
        {
            const string key = $"{SectionName}:Escalation:Delays";
            var judged = $"{key} {ShowList(delays)}";
            if (delays.Length > EscalationPolicy.TopLevel)
                errors.Add($"{judged}: must have at most {EscalationPolicy.TopLevel} entries (team lead, deputy director, director)");
            if (delays.Any(d => d < TimeSpan.Zero))
                errors.Add($"{judged}: must not be negative");
            for (var i = 1; i < delays.Length; i++)
            {
                if (delays[i] < delays[i - 1])
                {
                    errors.Add($"{judged}: must not decrease ({key}:{i} is before {key}:{i - 1})");
                    break;
                }
            }
        }

        if (LateTolerance is { } tolerance && tolerance < TimeSpan.Zero)
            errors.Add($"{SectionName}:LateTolerance must not be negative");
        return errors;
    }

    /// <summary>
    /// The policy: built-in clocks with their configured overrides, then added clocks in name order.
    /// Added clocks default to the 50/75/90 % warnings, not pausable, resume on reopen, escalating.
    /// </summary>
    /// <exception cref="InvalidOperationException">When <see cref="Validate"/> reports problems; the message lists them.</exception>
    public SlaPolicy ToPolicy() => ToPolicy(NoCalendars);

    /// <summary>As <see cref="ToPolicy()"/>, with each clock's <see cref="ClockPolicy.Calendar"/> taken from <paramref name="calendars"/> by name.</summary>
    /// <exception cref="InvalidOperationException">When <see cref="Validate(IReadOnlyDictionary{string, WorkingCalendar})"/> reports problems; the message lists them.</exception>
    public SlaPolicy ToPolicy(IReadOnlyDictionary<string, WorkingCalendar> calendars)
    {
        var errors = Validate(calendars);
        if (errors.Count > 0)
            throw new InvalidOperationException("Invalid SLA configuration: " + string.Join("; ", errors));

        var clocks = new List<ClockPolicy>();
        foreach (var builtIn in SlaPolicy.DefaultClocks)
        {
            var configured = Clocks.Where(p => p.Value is not null && string.Equals(p.Key, builtIn.Name, StringComparison.OrdinalIgnoreCase))
                .Select(p => p.Value).ToList();
            clocks.Add(configured.Aggregate(builtIn, (clock, o) => Merge(clock, o, calendars)));
        }
        foreach (var (name, o) in Clocks.Where(p => p.Value is not null && !p.Value.IsCaseClock && FindBuiltIn(p.Key) is null).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var added = new ClockPolicy(name, ParseEvent(o.StartEvent!)!.Value, ParseEvent(o.StopEvent!)!.Value, o.Target!.Value,
                ClockPolicy.DefaultWarnAt, Pausable: false, ReopenRule.Resume);
            clocks.Add(Merge(added, o, calendars));
        }

        return new SlaPolicy
        {
            Clocks = clocks,
            Escalation = ToEscalation(),
            LateTolerance = LateTolerance ?? SlaPolicy.DefaultLateTolerance,
        };
    }

    /// <summary>The chain complaints and case clocks climb alike (<c>Sla:Escalation</c>).</summary>
    private EscalationPolicy ToEscalation() =>
        (Escalation?.Delays is { } delays ? new EscalationPolicy(delays) : EscalationPolicy.Default) with
        {
            StopWhenClockStops = Escalation?.StopWhenClockStops ?? true,
        };

    /// <summary>A list as the message shows it, e.g. <c>[0.5, 0.9, 0.9]</c>: the value judged, after every configuration source merged.</summary>
    private static string ShowList<T>(IEnumerable<T> values) => "[" + string.Join(", ", values.Select(Show)) + "]";

    private static string Show<T>(T value) => value switch
    {
        TimeSpan span => span.ToString("c", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value?.ToString() ?? "null",
    };

    /// <summary>
    /// The clocks of generic cases (those naming a <c>CaseType</c> other than <c>complaint</c>), in name order, with their
    /// calendars from <paramref name="calendars"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">When <see cref="Validate(IReadOnlyDictionary{string, WorkingCalendar})"/> reports problems; the message lists them.</exception>
    public CasePolicy ToCasePolicy(IReadOnlyDictionary<string, WorkingCalendar> calendars)
    {
        var errors = Validate(calendars);
        if (errors.Count > 0)
            throw new InvalidOperationException("Invalid SLA configuration: " + string.Join("; ", errors));
        var clocks = new List<CaseClockPolicy>();
        foreach (var (name, o) in Clocks.Where(p => p.Value is { IsCaseClock: true }).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            CaseTrigger.TryParse(o.StartEvent, out var start);
            CaseTrigger.TryParse(o.StopEvent, out var stop);
            var pausable = o.Pausable ?? true;
            CaseTrigger? pause = null, resume = null;
            if (pausable)
            {
                pause = o.PauseEvent is { } p && CaseTrigger.TryParse(p, out var configuredPause) ? configuredPause : CaseTrigger.Paused;
                resume = o.ResumeEvent is { } r && CaseTrigger.TryParse(r, out var configuredResume) ? configuredResume : CaseTrigger.Resumed;
            }
            var timing = new ClockPolicy(name, start!.Type, stop!.Type, o.Target!.Value, o.WarnAt is { } warnAt ? warnAt.Order().ToArray() : ClockPolicy.DefaultWarnAt,
                pausable, ReopenRule.Resume, Escalates: o.Escalates ?? true)
            {
                Calendar = string.IsNullOrWhiteSpace(o.Calendar) ? null : FindCalendar(calendars, o.Calendar),
            };
            clocks.Add(new CaseClockPolicy(timing, o.CaseType!.Trim(), start, stop, pause, resume,
                string.IsNullOrWhiteSpace(o.When) ? null : CaseCondition.Parse(o.When),
                o.Count is { } count ? new CaseCountRule(count.Step!.Trim(), count.AtLeast) : null));
        }
        return new CasePolicy { Clocks = clocks, Escalation = ToEscalation(), LateTolerance = LateTolerance ?? SlaPolicy.DefaultLateTolerance };
    }

    private static void ValidateCaseClock(List<string> errors, string key, string name, ClockOptions clock, IReadOnlyDictionary<string, WorkingCalendar> calendars)
    {
        if (FindBuiltIn(name) is not null)
            errors.Add($"{key}:CaseType '{clock.CaseType}': {name} is a built-in complaint clock; give the case clock a name of its own");
        if (clock.CaseType!.Trim().Any(char.IsWhiteSpace))
            errors.Add($"{key}:CaseType '{clock.CaseType}': must be one word such as claim or followup");
        if (clock.Target is not { } target)
            errors.Add($"{key}:Target is required for a case clock");
        else if (target <= TimeSpan.Zero)
            errors.Add($"{key}:Target must be positive (was {target:c})");
        CheckWarnAt(errors, key, clock.WarnAt);
        var start = CheckTrigger(errors, $"{key}:StartEvent", clock.StartEvent, required: true);
        var stop = CheckTrigger(errors, $"{key}:StopEvent", clock.StopEvent, required: true);
        if (start is not null && start == stop)
            errors.Add($"{key}:StopEvent '{clock.StopEvent}' must differ from StartEvent");
        CheckTrigger(errors, $"{key}:PauseEvent", clock.PauseEvent, required: false);
        CheckTrigger(errors, $"{key}:ResumeEvent", clock.ResumeEvent, required: false);
        if (!string.IsNullOrWhiteSpace(clock.When) && !CaseCondition.TryParse(clock.When, out _, out var problem))
            errors.Add($"{key}:When '{clock.When}': {problem} (e.g. amount < 3000 and injury == false)");
        if (clock.Count is { } count)
        {
            if (string.IsNullOrWhiteSpace(count.Step) || count.Step.Trim().Any(char.IsWhiteSpace))
                errors.Add($"{key}:Count:Step '{count.Step}': must name one step such as followedUp");
            if (count.AtLeast < 1)
                errors.Add($"{key}:Count:AtLeast must be at least 1 (now {count.AtLeast})");
        }
        if (clock.OnReopen is not null)
            errors.Add($"{key}:OnReopen applies to complaint clocks only (cases are not reopened)");
        CheckCalendar(errors, key, clock.Calendar, calendars);
    }

    private static CaseTrigger? CheckTrigger(List<string> errors, string key, string? value, bool required)
    {
        if (value is null)
        {
            if (required)
                errors.Add($"{key} is required for a case clock");
            return null;
        }
        if (CaseTrigger.TryParse(value, out var trigger))
            return trigger;
        errors.Add($"{key} '{value}': must be case.opened, case.step:<step>, case.paused, case.resumed or case.closed");
        return null;
    }

    private static void CheckWarnAt(List<string> errors, string key, double[]? warnAt)
    {
        if (warnAt is not null)
        {
            var judged = $"{key}:WarnAt {ShowList(warnAt)}";
            if (warnAt.Any(f => !(f > 0 && f < 1)))
                errors.Add($"{judged}: values must be fractions strictly between 0 and 1 (e.g. 0.75)");
            else if (warnAt.GroupBy(f => f).FirstOrDefault(g => g.Count() > 1) is { } repeated)
                errors.Add($"{judged}: must not repeat a fraction ({Show(repeated.Key)} is listed {repeated.Count()} times)");
        }
    }

    private static void CheckCalendar(List<string> errors, string key, string? calendar, IReadOnlyDictionary<string, WorkingCalendar> calendars)
    {
        if (string.IsNullOrWhiteSpace(calendar) || FindCalendar(calendars, calendar) is not null)
            return;
        var known = calendars.Count == 0 ? "none is configured" : "configured: " + string.Join(", ", calendars.Keys.Order(StringComparer.Ordinal));
        errors.Add($"{key}:Calendar '{calendar}': no calendar of that name under Calendars ({known}); leave it empty to count 24×7");
    }

    private static readonly IReadOnlyDictionary<string, WorkingCalendar> NoCalendars = new Dictionary<string, WorkingCalendar>();

    private static ClockPolicy Merge(ClockPolicy clock, ClockOptions o, IReadOnlyDictionary<string, WorkingCalendar> calendars) => clock with
    {
        Calendar = o.Calendar is null ? clock.Calendar : string.IsNullOrWhiteSpace(o.Calendar) ? null : FindCalendar(calendars, o.Calendar),
        Target = o.Target ?? clock.Target,
        WarnAt = o.WarnAt is { } warnAt ? warnAt.Order().ToArray() : clock.WarnAt,
        Pausable = o.Pausable ?? clock.Pausable,
        StartEvent = o.StartEvent is { } start ? ParseEvent(start)!.Value : clock.StartEvent,
        StopEvent = o.StopEvent is { } stop ? ParseEvent(stop)!.Value : clock.StopEvent,
        OnReopen = o.OnReopen is { } reopen && TryParseReopen(reopen, out var rule) ? rule : clock.OnReopen,
        Escalates = o.Escalates ?? clock.Escalates,
    };

    private static WorkingCalendar? FindCalendar(IReadOnlyDictionary<string, WorkingCalendar> calendars, string name)
    {
        var trimmed = name.Trim();
        if (calendars.TryGetValue(trimmed, out var calendar))
            return calendar;
        foreach (var (key, value) in calendars)
        {
            if (string.Equals(key, trimmed, StringComparison.OrdinalIgnoreCase))
                return value;
        }
        return null;
    }

    private static ClockPolicy? FindBuiltIn(string name) =>
        SlaPolicy.DefaultClocks.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));

    private static EventType? CheckEvent(List<string> errors, string key, string? value, bool required)
    {
        if (value is null)
        {
            if (required)
                errors.Add($"{key} is required for a clock that is not built in");
            return null;
        }
        var type = ParseEvent(value);
        if (type is null)
            errors.Add($"{key} must be a complaint event type such as complaint.opened, not '{value}'");
        return type;
    }

    /// <summary>A complaint event type by wire name (<c>complaint.responded</c>) or enum name (<c>ComplaintResponded</c>).</summary>
    private static EventType? ParseEvent(string value)
    {
        var trimmed = value.Trim();
        if (EventTypeNames.TryParse(trimmed.ToLowerInvariant(), out var type) && type.IsComplaintEvent() && !type.IsBreachExplanation())
            return type;
        if (!trimmed.Any(char.IsDigit) && Enum.TryParse(trimmed, ignoreCase: true, out type) && type.IsComplaintEvent() && !type.IsBreachExplanation())
            return type;
        return null;
    }

    private static bool TryParseReopen(string value, out ReopenRule rule) =>
        Enum.TryParse(value.Trim(), ignoreCase: true, out rule) && Enum.IsDefined(rule) && !value.Trim().All(c => char.IsDigit(c) || c == '-');
}
