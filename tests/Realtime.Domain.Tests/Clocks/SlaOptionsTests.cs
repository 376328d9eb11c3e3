using Realtime.Domain.Clocks;
using Realtime.Domain.Events;

namespace Realtime.Domain.Tests.Clocks;

public class SlaOptionsTests
{
    [Fact]
    public void Empty_section_gives_the_default_policy()
    {
        var policy = new SlaOptions().ToPolicy();

        Assert.Equal(SlaPolicy.Default, policy);
        Assert.Equal(TimeSpan.FromSeconds(2), policy.LateTolerance);
    }

    [Fact]
    public void Default_policy_matches_the_contract_defaults()
    {
        var clocks = SlaPolicy.Default.Clocks.ToDictionary(c => c.Name);

        Assert.Equal((TimeSpan.FromMinutes(2), false, EventType.ComplaintResponded), (clocks["firstResponse"].Target, clocks["firstResponse"].Pausable, clocks["firstResponse"].StopEvent));
        Assert.Equal((TimeSpan.FromHours(48), true, EventType.ComplaintResolved, ReopenRule.Resume),
            (clocks["resolution"].Target, clocks["resolution"].Pausable, clocks["resolution"].StopEvent, clocks["resolution"].OnReopen));
        Assert.Equal((TimeSpan.FromDays(7), true, EventType.ComplaintResolved, ReopenRule.Resume),
            (clocks["quickResolution"].Target, clocks["quickResolution"].Pausable, clocks["quickResolution"].StopEvent, clocks["quickResolution"].OnReopen));
        Assert.All(clocks.Values, c =>
        {
            Assert.Equal(EventType.ComplaintOpened, c.StartEvent);
            Assert.Equal([0.5, 0.75, 0.9], c.WarnAt);
            Assert.True(c.Escalates);
        });
        Assert.Equal([TimeSpan.Zero, TimeSpan.FromHours(4), TimeSpan.FromHours(24)], SlaPolicy.Default.Escalation.Delays);
    }

    [Fact]
    public void Configured_values_override_a_built_in_clock_and_keep_its_other_defaults()
    {
        var options = new SlaOptions();
        options.Clocks["firstResponse"] = new ClockOptions { Target = TimeSpan.FromMinutes(5), WarnAt = [0.8, 0.6] };
        options.Clocks["resolution"] = new ClockOptions { Pausable = false, OnReopen = "restart", Escalates = false };
        options.Escalation.Delays = [TimeSpan.FromMinutes(30), TimeSpan.FromHours(2)];
        options.LateTolerance = TimeSpan.FromSeconds(10);

        var policy = options.ToPolicy();

        var first = policy.Clocks[0];
        Assert.Equal(("firstResponse", TimeSpan.FromMinutes(5), false), (first.Name, first.Target, first.Pausable));
        Assert.Equal([0.6, 0.8], first.WarnAt);
        var resolution = policy.Clocks[1];
        Assert.Equal((TimeSpan.FromHours(48), false, ReopenRule.Restart, false), (resolution.Target, resolution.Pausable, resolution.OnReopen, resolution.Escalates));
        Assert.Equal(SlaPolicy.DefaultClocks[2], policy.Clocks[2]);
        Assert.Equal([TimeSpan.FromMinutes(30), TimeSpan.FromHours(2)], policy.Escalation.Delays);
        Assert.Equal(TimeSpan.FromSeconds(10), policy.LateTolerance);
    }

    [Fact]
    public void Clock_names_match_case_insensitively_as_configuration_keys_do()
    {
        var options = new SlaOptions();
        options.Clocks["FIRSTRESPONSE"] = new ClockOptions { Target = TimeSpan.FromMinutes(3) };

        var policy = options.ToPolicy();

        Assert.Equal(3, policy.Clocks.Count);
        Assert.Equal(("firstResponse", TimeSpan.FromMinutes(3)), (policy.Clocks[0].Name, policy.Clocks[0].Target));
    }

    [Fact]
    public void A_new_clock_name_adds_a_clock_with_its_events_by_wire_name()
    {
        var options = new SlaOptions();
        options.Clocks["ownerResponse"] = new ClockOptions
        {
            Target = TimeSpan.FromMinutes(10),
            StartEvent = "complaint.assigned",
            StopEvent = "complaint.responded",
        };

        var added = options.ToPolicy().Clocks[3];

        Assert.Equal(new ClockPolicy("ownerResponse", EventType.ComplaintAssigned, EventType.ComplaintResponded, TimeSpan.FromMinutes(10), [0.5, 0.75, 0.9], false, ReopenRule.Resume),
            added);
    }

    [Fact]
    public void Valid_section_has_no_errors()
    {
        var options = new SlaOptions();
        options.Clocks["resolution"] = new ClockOptions { Target = TimeSpan.FromHours(24), WarnAt = [0.9] };

        Assert.Empty(options.Validate());
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("-00:01:00")]
    public void Non_positive_target_is_reported_with_its_key(string target)
    {
        var options = new SlaOptions();
        options.Clocks["resolution"] = new ClockOptions { Target = TimeSpan.Parse(target) };

        Assert.Equal([$"Sla:Clocks:resolution:Target must be positive (was {target})"], options.Validate());
        var error = Assert.Throws<InvalidOperationException>(() => options.ToPolicy());
        Assert.Contains($"Sla:Clocks:resolution:Target must be positive (was {target})", error.Message);
    }

    [Fact]
    public void Warning_fractions_outside_zero_to_one_are_reported()
    {
        var options = new SlaOptions();
        options.Clocks["firstResponse"] = new ClockOptions { WarnAt = [0.5, 1.0] };
        options.Clocks["resolution"] = new ClockOptions { WarnAt = [0.5, 0.5] };

        var errors = options.Validate();

        Assert.Contains(errors, e => e.StartsWith("Sla:Clocks:firstResponse:WarnAt", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Sla:Clocks:resolution:WarnAt", StringComparison.Ordinal));
    }

    [Fact]
    public void New_clock_without_target_or_events_is_reported_for_each_missing_key()
    {
        var options = new SlaOptions();
        options.Clocks["survey"] = new ClockOptions { Pausable = true };

        var errors = options.Validate();

        Assert.Contains("Sla:Clocks:survey:Target is required for a clock that is not built in", errors);
        Assert.Contains("Sla:Clocks:survey:StartEvent is required for a clock that is not built in", errors);
        Assert.Contains("Sla:Clocks:survey:StopEvent is required for a clock that is not built in", errors);
    }

    [Fact]
    public void Unknown_event_names_and_reopen_rules_are_reported()
    {
        var options = new SlaOptions();
        options.Clocks["resolution"] = new ClockOptions { StopEvent = "complaint.closed", OnReopen = "rewind" };
        options.Clocks["firstResponse"] = new ClockOptions { StartEvent = "service.handled" };

        var errors = options.Validate();

        Assert.Contains(errors, e => e.StartsWith("Sla:Clocks:resolution:StopEvent", StringComparison.Ordinal) && e.Contains("complaint.closed"));
        Assert.Contains(errors, e => e.StartsWith("Sla:Clocks:resolution:OnReopen", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Sla:Clocks:firstResponse:StartEvent", StringComparison.Ordinal));
    }

    [Fact]
    public void Clock_stopping_on_its_own_start_event_is_reported()
    {
        var options = new SlaOptions();
        options.Clocks["firstResponse"] = new ClockOptions { StopEvent = "complaint.opened" };

        Assert.Equal(["Sla:Clocks:firstResponse:StopEvent must differ from StartEvent"], options.Validate());
    }

    [Fact]
    public void Escalation_delays_must_be_at_most_three_non_negative_and_not_decreasing()
    {
        var tooMany = new SlaOptions { Escalation = new EscalationOptions { Delays = [TimeSpan.Zero, TimeSpan.FromHours(1), TimeSpan.FromHours(2), TimeSpan.FromHours(3)] } };
        var negative = new SlaOptions { Escalation = new EscalationOptions { Delays = [TimeSpan.FromHours(-1)] } };
        var decreasing = new SlaOptions { Escalation = new EscalationOptions { Delays = [TimeSpan.FromHours(4), TimeSpan.FromHours(1)] } };

        Assert.Single(tooMany.Validate(), e => e.StartsWith("Sla:Escalation:Delays [00:00:00, 01:00:00, 02:00:00, 03:00:00]: must have at most 3", StringComparison.Ordinal));
        Assert.Single(negative.Validate(), e => e.StartsWith("Sla:Escalation:Delays [-01:00:00]: must not be negative", StringComparison.Ordinal));
        Assert.Single(decreasing.Validate(), e => e.StartsWith("Sla:Escalation:Delays [04:00:00, 01:00:00]: must not decrease", StringComparison.Ordinal));
    }
}
