using Microsoft.Extensions.Options;
using Realtime.Domain.BreachCauses;
using Realtime.Domain.Calendars;
using Realtime.Domain.Cases;
using Realtime.Domain.Clocks;
using Realtime.Domain.Kpis;
using Realtime.Domain.Quarters;
using Realtime.Domain.Scorecards;
using Realtime.Server.Api;

namespace Realtime.Server.Hosting;

/// <summary>
/// The policy sections (<c>Calendars</c>, <c>Sla</c>, <c>Scorecard</c>, <c>Kpis</c>, <c>Quarters</c>, <c>BreachCauses</c>, <c>TotalScoreBands</c>), each
/// bound and validated at start like every other section (<see cref="ValidatedOptions"/>), and the domain objects built from them.
/// </summary>
public static class ConfiguredPolicies
{
    /// <summary>Registers the options and the calendars, <see cref="SlaPolicy"/>, <see cref="CasePolicy"/>, <see cref="Rubric"/>, <see cref="KpiTargets"/>, <see cref="BonusTable"/> and <see cref="TotalScoreBands"/> built from them.</summary>
    public static IServiceCollection AddConfiguredPolicies(this IServiceCollection services)
    {
        services.AddValidatedOptions<CalendarsOptions>(CalendarsOptions.SectionName, o => o.Validate(OpenFile), (o, configuration) =>
        {
            // Calendars:<name> is a dictionary by name, not properties of CalendarsOptions.
            configuration.GetSection(CalendarsOptions.SectionName).Bind(o.Calendars);
            o.CompanyTimeZone = configuration["Company:TimeZone"];
        });
        services.AddSingleton<IReadOnlyDictionary<string, WorkingCalendar>>(sp => sp.GetRequiredService<IOptions<CalendarsOptions>>().Value.ToCalendars(OpenFile));

        services.AddValidatedOptions<SlaOptions, IReadOnlyDictionary<string, WorkingCalendar>>(SlaOptions.SectionName, (o, calendars) => o.Validate(calendars));
        services.AddSingleton<IValidateOptions<SlaOptions>, UnreadClocks.Validator>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<SlaOptions>>().Value.ToPolicy(sp.GetRequiredService<IReadOnlyDictionary<string, WorkingCalendar>>()));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<SlaOptions>>().Value.ToCasePolicy(sp.GetRequiredService<IReadOnlyDictionary<string, WorkingCalendar>>()));
        // Those are the policies at start; a reload of Sla publishes new versions to the grains' policy catalog.
        services.AddHostedService<PolicyReload>();

        services.AddValidatedOptions<ScorecardOptions>(ScorecardOptions.SectionName, o => o.Validate());
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ScorecardOptions>>().Value.ToRubric());
        services.AddValidatedOptions<KpiTargets>(KpiTargets.SectionName, o => o.Validate());
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<KpiTargets>>().Value);
        services.AddValidatedOptions<QuarterOptions>(QuarterOptions.SectionName, o => o.Validate());
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<QuarterOptions>>().Value.ToBonusTable());
        services.AddValidatedOptions<BreachCauseOptions>(BreachCauseOptions.SectionName, o => o.Validate());
        services.AddValidatedOptions<TotalScoreBandsOptions, Rubric>(TotalScoreBandsOptions.SectionName, (o, rubric) => o.Validate(rubric));
        services.AddSingleton(sp => TotalScoreBands.From(sp.GetRequiredService<IOptions<TotalScoreBandsOptions>>().Value, sp.GetRequiredService<Rubric>()));
        return services;
    }

    /// <summary>Opens a calendar file; relative paths are next to the server's assembly.</summary>
    private static TextReader OpenFile(string path) => File.OpenText(Path.Combine(AppContext.BaseDirectory, path));
}
