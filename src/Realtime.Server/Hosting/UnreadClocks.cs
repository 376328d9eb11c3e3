using Microsoft.Extensions.Options;
using Realtime.Domain.Clocks;

namespace Realtime.Server.Hosting;

/// <summary>
/// The clocks under <c>Sla:Clocks</c> that binding left out. The configuration binder drops a dictionary entry whose
/// value it cannot convert (a <c>Target</c> of "two days") without a word, so a misspelt clock would simply not run;
/// reading the entry on its own gives the binder's message, which names the key and the value.
/// </summary>
public static class UnreadClocks
{
    /// <summary>One error per configured clock missing from <paramref name="bound"/>, read from <paramref name="sla"/> (the <c>Sla</c> section).</summary>
    public static IReadOnlyList<string> Of(IConfiguration sla, SlaOptions bound)
    {
        var errors = new List<string>();
        foreach (var clock in sla.GetSection(nameof(SlaOptions.Clocks)).GetChildren())
        {
            if (bound.Clocks.ContainsKey(clock.Key)) continue;
            try
            {
                clock.Get<ClockOptions>();
                errors.Add($"{clock.Path} could not be read");
            }
            catch (InvalidOperationException e)
            {
                errors.Add($"{clock.Path} could not be read: {e.Message}");
            }
        }
        return errors;
    }

    /// <summary>Refuses, at start, <c>Sla</c> options that left a configured clock out.</summary>
    internal sealed class Validator(IConfiguration configuration) : IValidateOptions<SlaOptions>
    {
        public ValidateOptionsResult Validate(string? name, SlaOptions options)
        {
            var errors = Of(configuration.GetSection(SlaOptions.SectionName), options);
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors.Select(e => $"Invalid {SlaOptions.SectionName} configuration: {e}"));
        }
    }
}
