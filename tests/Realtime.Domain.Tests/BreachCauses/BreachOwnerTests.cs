using Realtime.Domain.BreachCauses;
using Realtime.Domain.Calendars;
using Realtime.Domain.Events;
using Realtime.Domain.Tests.Complaints;

namespace Realtime.Domain.Tests.BreachCauses;

public class BreachOwnerTests
{
    [Fact]
    public void A_cause_counts_under_the_owner_at_the_breach_not_the_one_it_was_reassigned_to_before_the_explanation()
    {
        var s = new ComplaintScenario().Opened(TimeSpan.Zero, agentId: "A1", teamId: "T1").Assigned(TimeSpan.FromHours(1), "A2", "T2");
        s.Apply(EventType.ComplaintBreachExplained, TimeSpan.FromHours(2), e => e with { AgentId = "A2", ReasonCode = "workload", Clock = "firstResponse" });
        var c = s.Complaint;

        var cause = Assert.Single(BreachCauseRules.Explained("complaint:C-1", c.Outcomes(ComplaintScenario.At(TimeSpan.FromHours(3))), c.Explanations, c.OwnerAt, CompanyCalendar.Default));
        Assert.Equal(("firstResponse", "T1", "A1"), (cause.Clock, cause.TeamId, cause.AgentId));
        Assert.Equal(("T2", "A2"), c.OwnerAt(ComplaintScenario.At(TimeSpan.FromHours(3))));
    }
}
