using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Realtime.Domain.BreachCauses;
using Realtime.Domain.Calendars;
using Realtime.Domain.Clocks;
using Realtime.Domain.Quarters;

namespace Realtime.Server.Tests;

/// <summary>
/// Lists configured over the shipped appsettings.json replace their defaults whole (the defaults live in code, so the
/// binder has nothing to merge them with), and a list the server refuses is shown as judged.
/// </summary>
public class ConfiguredListTests
{
    [Fact]
    public void Two_warning_fractions_over_the_shipped_settings_are_the_whole_list()
    {
        using var services = ConfiguredPolicyServices.Build(new()
        {
            ["Sla:Clocks:firstResponse:WarnAt:0"] = "0.5",
            ["Sla:Clocks:firstResponse:WarnAt:1"] = "0.9",
        });

        var clocks = services.GetRequiredService<SlaPolicy>().Clocks.ToDictionary(c => c.Name);
        Assert.Equal([0.5, 0.9], clocks[SlaPolicy.FirstResponse].WarnAt);
        Assert.Equal([0.5, 0.75, 0.9], clocks[SlaPolicy.Resolution].WarnAt);
    }

    [Fact]
    public void Escalation_delays_bonus_rows_and_working_hours_replace_their_defaults_whole()
    {
        using var services = ConfiguredPolicyServices.Build(new()
        {
            ["Sla:Escalation:Delays:0"] = "00:30:00",
            ["Sla:Escalation:Delays:1"] = "02:00:00",
            ["Quarters:BonusTable:0:MinFinalScore"] = "90",
            ["Quarters:BonusTable:0:Coefficient"] = "2",
            ["Calendars:office:WorkingHours:0"] = "08:00-17:00",
            ["Calendars:office:Holidays:0"] = "2026-10-01",
            ["BreachCauses:Reasons:0"] = "late",
        });

        Assert.Equal([TimeSpan.FromMinutes(30), TimeSpan.FromHours(2)], services.GetRequiredService<SlaPolicy>().Escalation.Delays);
        Assert.Equal([new BonusTier(90, 2)], services.GetRequiredService<BonusTable>().Tiers);
        var office = services.GetRequiredService<IReadOnlyDictionary<string, WorkingCalendar>>()["office"];
        Assert.Equal(["08:00-17:00"], office.WorkingHours.Select(p => p.ToString()));
        Assert.Equal([new DateOnly(2026, 10, 1)], office.Holidays);
        Assert.Equal(["late"], services.GetRequiredService<IOptions<BreachCauseOptions>>().Value.EffectiveReasons);
    }

    [Fact]
    public void Without_list_keys_the_defaults_from_code_apply()
    {
        using var services = ConfiguredPolicyServices.Build([]);

        Assert.Equal(SlaPolicy.Default.Clocks, services.GetRequiredService<SlaPolicy>().Clocks);
        Assert.Equal(EscalationOptions.DefaultDelays, services.GetRequiredService<SlaPolicy>().Escalation.Delays);
        Assert.Equal(QuarterOptions.DefaultBonusTable, services.GetRequiredService<BonusTable>().Tiers);
    }

    [Fact]
    public void A_refused_list_stops_the_start_with_its_key_and_the_list_judged()
    {
        using var services = ConfiguredPolicyServices.Build(new()
        {
            ["Sla:Clocks:firstResponse:WarnAt:0"] = "0.5",
            ["Sla:Clocks:firstResponse:WarnAt:1"] = "0.5",
        });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());
        Assert.Equal("Invalid Sla configuration: Sla:Clocks:firstResponse:WarnAt [0.5, 0.5]: must not repeat a fraction (0.5 is listed 2 times)", error.Message);
    }

}
