using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Realtime.Domain.Calendars;
using Realtime.Domain.Cases;
using Realtime.Domain.Clocks;

namespace Realtime.Domain.Policies;

/// <summary>
/// The version of a clock policy: the first 12 hex digits of the SHA-256 of its definition (events, target, warnings, pause,
/// reopen, escalation, calendar and its days, case type, condition, count). It moves exactly when the definition does, so
/// the same configuration gives the same version on every server and after every restart.
/// </summary>
public static class PolicyVersion
{
    // Policies are immutable records: a version per instance is computed once (a `with` copy is a new instance).
    private static readonly ConditionalWeakTable<object, string> Versions = new();

    /// <summary>The version of one complaint clock (or of a case clock's timing).</summary>
    public static string Of(ClockPolicy clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return Versions.GetValue(clock, static c => Hash(Describe((ClockPolicy)c)));
    }

    /// <summary>The version of one case clock: its timing and its case-type rules.</summary>
    public static string Of(CaseClockPolicy clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return Versions.GetValue(clock, static o =>
        {
            var c = (CaseClockPolicy)o;
            return Hash($"{Describe(c.Clock)}|case={c.CaseType}|start={c.Start}|stop={c.Stop}|pause={c.Pause}|resume={c.Resume}|when={c.When}|count={c.Count?.Step}>={c.Count?.AtLeast}");
        });
    }

    /// <summary>The version of the complaint clocks together, with the escalation chain and the late tolerance.</summary>
    public static string Of(SlaPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return Versions.GetValue(policy, static o =>
        {
            var p = (SlaPolicy)o;
            var delays = string.Join(",", p.Escalation.Delays.Select(d => d.Ticks.ToString(CultureInfo.InvariantCulture)));
            return Hash($"complaints|{string.Join(",", p.Clocks.Select(Of))}|escalation={delays};{p.Escalation.StopWhenClockStops}|late={p.LateTolerance.Ticks}");
        });
    }

    /// <summary>The version of every case clock together, with the escalation chain and the late tolerance.</summary>
    public static string Of(CasePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return Versions.GetValue(policy, static o =>
        {
            var p = (CasePolicy)o;
            var delays = string.Join(",", p.Escalation.Delays.Select(d => d.Ticks.ToString(CultureInfo.InvariantCulture)));
            return Hash($"cases|{string.Join(",", p.Clocks.Select(Of))}|escalation={delays};{p.Escalation.StopWhenClockStops}|late={p.LateTolerance.Ticks}");
        });
    }

    private static string Describe(ClockPolicy c) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{c.Name}|{c.StartEvent}|{c.StopEvent}|{c.Target.Ticks}|{string.Join(",", c.WarnAt.Select(w => w.ToString("R", CultureInfo.InvariantCulture)))}|{c.Pausable}|{c.OnReopen}|{c.Escalates}|{Describe(c.Calendar)}");

    private static string Describe(WorkingCalendar? calendar) => calendar is null ? "24x7" :
        string.Create(CultureInfo.InvariantCulture,
            $"{calendar.Name}@{calendar.TimeZone.Id}:{string.Join(",", calendar.WorkingHours)}:{string.Join(",", calendar.WorkingWeekdays)}:{string.Join(",", calendar.Holidays.Select(d => d.ToString("yyyyMMdd", CultureInfo.InvariantCulture)))}:{string.Join(",", calendar.WorkingWeekends.Select(d => d.ToString("yyyyMMdd", CultureInfo.InvariantCulture)))}");

    private static string Hash(string definition) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(definition)))[..12];
}
