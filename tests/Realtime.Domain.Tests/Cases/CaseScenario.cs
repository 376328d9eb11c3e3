using Realtime.Domain.Cases;
using Realtime.Domain.Clocks;
using Realtime.Domain.Events;

namespace Realtime.Domain.Tests.Cases;

/// <summary>A case under the shipped claims clocks, fed events at offsets from <see cref="T0"/>.</summary>
public sealed class CaseScenario
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 2, 9, 0, 0, TimeSpan.FromHours(8));
    private int _next;

    public CaseScenario(string caseId = "C1", CasePolicy? policy = null) => Case = Case.Create(caseId, policy ?? ClaimsPolicy);

    public Case Case { get; }

    /// <summary>The four claims clocks and the follow-up record clock, as appsettings.json ships them.</summary>
    public static CasePolicy ClaimsPolicy { get; } = BuildClaimsPolicy();

    public static DateTimeOffset At(TimeSpan offset) => T0 + offset;

    public CaseScenario Event(EventType type, TimeSpan at, string? step = null, string? caseType = null, Dictionary<string, CaseAttribute>? attributes = null)
    {
        Case.Apply(new FloorEvent
        {
            Id = $"e{++_next}",
            Type = type,
            OccurredAt = At(at),
            Sequence = _next,
            CaseId = Case.State.Id,
            CaseType = caseType,
            TeamId = type == EventType.CaseOpened ? "T1" : null,
            Step = step,
            Attributes = attributes,
        });
        return this;
    }

    public CaseScenario Opened(TimeSpan at, string caseType = "claim", double? amount = null, bool? injury = null)
    {
        var attributes = new Dictionary<string, CaseAttribute>();
        if (amount is { } a) attributes["amount"] = CaseAttribute.Of(a);
        if (injury is { } i) attributes["injury"] = CaseAttribute.Of(i);
        return Event(EventType.CaseOpened, at, caseType: caseType, attributes: attributes);
    }

    public CaseScenario Step(string step, TimeSpan at) => Event(EventType.CaseStep, at, step);

    public ClockView? Clock(string name, TimeSpan now) => Case.View(At(now)).Clocks.SingleOrDefault(c => c.Name == name);

    private static CasePolicy BuildClaimsPolicy()
    {
        var options = new SlaOptions();
        options.Clocks["surveyAcceptance"] = new ClockOptions { CaseType = "claim", StartEvent = "case.step:surveyDispatched", StopEvent = "case.step:surveyAccepted", Target = TimeSpan.FromMinutes(3) };
        options.Clocks["smallClaimClosure"] = new ClockOptions { CaseType = "claim", StartEvent = "case.opened", StopEvent = "case.closed", When = "amount < 3000 and injury == false", Target = TimeSpan.FromDays(7) };
        options.Clocks["smallInjuryClaimClosure"] = new ClockOptions { CaseType = "claim", StartEvent = "case.opened", StopEvent = "case.closed", When = "amount < 5000 and injury == true", Target = TimeSpan.FromDays(40) };
        options.Clocks["unassessedClaimFollowUp"] = new ClockOptions { CaseType = "claim", StartEvent = "case.opened", StopEvent = "case.step:lossAssessed", Count = new CaseCountOptions { Step = "followedUp", AtLeast = 3 }, Target = TimeSpan.FromDays(13) };
        options.Clocks["followupRecordEntry"] = new ClockOptions { CaseType = "followup", StartEvent = "case.opened", StopEvent = "case.step:recordEntered", Target = TimeSpan.FromHours(24) };
        return options.ToCasePolicy(new Dictionary<string, Realtime.Domain.Calendars.WorkingCalendar>());
    }
}
