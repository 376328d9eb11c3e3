using Realtime.Domain.Clocks;
using Realtime.Domain.Quarters;

namespace Realtime.Domain.Tests.Clocks;

/// <summary>A list is judged after every configuration source merged, so its message shows the list judged.</summary>
public class ConfiguredListMessageTests
{
    [Fact]
    public void A_repeated_warning_fraction_is_reported_with_the_list_judged()
    {
        var options = new SlaOptions();
        options.Clocks["firstResponse"] = new ClockOptions { WarnAt = [0.5, 0.9, 0.9] };

        Assert.Equal(["Sla:Clocks:firstResponse:WarnAt [0.5, 0.9, 0.9]: must not repeat a fraction (0.9 is listed 2 times)"], options.Validate());
    }

    [Fact]
    public void A_warning_fraction_outside_zero_to_one_is_reported_with_the_list_judged()
    {
        var options = new SlaOptions();
        options.Clocks["resolution"] = new ClockOptions { WarnAt = [0.5, 1.5] };

        Assert.Equal(["Sla:Clocks:resolution:WarnAt [0.5, 1.5]: values must be fractions strictly between 0 and 1 (e.g. 0.75)"], options.Validate());
    }

    [Fact]
    public void Decreasing_escalation_delays_are_reported_with_the_list_judged()
    {
        var options = new SlaOptions { Escalation = new EscalationOptions { Delays = [TimeSpan.FromHours(4), TimeSpan.FromHours(1)] } };

        Assert.Equal(["Sla:Escalation:Delays [04:00:00, 01:00:00]: must not decrease (Sla:Escalation:Delays:1 is before Sla:Escalation:Delays:0)"], options.Validate());
    }

    [Fact]
    public void A_bonus_table_sharing_a_minimum_is_reported_with_the_rows_judged()
    {
        var options = new QuarterOptions
        {
            BonusTable = [new BonusTierOptions { MinFinalScore = 90, Coefficient = 1.5 }, new BonusTierOptions { MinFinalScore = 90, Coefficient = 1.2 }],
        };

        Assert.Equal(["Quarters:BonusTable [≥90 → 1.5, ≥90 → 1.2]: two rows share a MinFinalScore."], options.Validate());
    }

    [Fact]
    public void List_defaults_live_in_the_options_classes()
    {
        Assert.Equal([0.5, 0.75, 0.9], ClockOptions.DefaultWarnAt);
        Assert.Equal([TimeSpan.Zero, TimeSpan.FromHours(4), TimeSpan.FromHours(24)], EscalationOptions.DefaultDelays);
        Assert.Equal([new BonusTier(95, 1.5), new BonusTier(85, 1.2), new BonusTier(75, 1.0), new BonusTier(60, 0.8)], QuarterOptions.DefaultBonusTable);
        Assert.Equal(BonusTable.Default.Tiers, new QuarterOptions().ToBonusTable().Tiers);
    }
}
