using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Realtime.Server.Tests;

/// <summary>Each policy section is bound and validated at start like every other section, the message naming its key.</summary>
public class ConfiguredPolicyTests
{
    [Theory]
    [InlineData("Calendars:office:WorkingHours:0", "9-17", "Invalid Calendars configuration: Calendars:office:WorkingHours[0] '9-17'")]
    [InlineData("Scorecard:Dimensions:charisma:Weight", "10", "Invalid Scorecard configuration: Scorecard:Dimensions:charisma: unknown dimension")]
    [InlineData("Kpis:FollowupCoverage", "120", "Invalid Kpis configuration: Kpis:FollowupCoverage")]
    [InlineData("Quarters:BelowLowestCoefficient", "-1", "Invalid Quarters configuration: Quarters:BelowLowestCoefficient")]
    [InlineData("TotalScoreBands:Pass", "85", "Invalid TotalScoreBands configuration: TotalScoreBands: edges must satisfy Excellent ≥ Good ≥ Pass (now 90 / 80 / 85)")]
    [InlineData("BreachCauses:Reasons:0", "no way", "Invalid BreachCauses configuration: BreachCauses:Reasons [no way]: BreachCauses:Reasons:0 'no way' must be")]
    [InlineData("Sla:Clocks:smallClaimClosure:When", "amount <", "Invalid Sla configuration: Sla:Clocks:smallClaimClosure:When 'amount <': at position 9")]
    [InlineData("Sla:Clocks:resolution:Calendar", "hk", "Invalid Sla configuration: Sla:Clocks:resolution:Calendar 'hk'")]
    [InlineData("Sla:Clocks:resolution:Target", "two days", "Invalid Sla configuration: Sla:Clocks:resolution could not be read: Failed to convert configuration value 'two days' at 'Sla:Clocks:resolution:Target'")]
    public void Each_policy_section_is_validated_at_start_naming_its_key(string key, string value, string message)
    {
        using var services = ConfiguredPolicyServices.Build(new() { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }
}
