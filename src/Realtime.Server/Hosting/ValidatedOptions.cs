using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Realtime.Server.Hosting;

/// <summary>
/// One options pattern for every section: bound with <c>BindConfiguration</c>, validated at start
/// (<c>ValidateOnStart</c>) by the options class's own rules, so an invalid value stops the server naming the key.
/// Sections are read at start: their options monitor does not follow reloads, since it would re-run the rules inside the
/// configuration's change callback and throw there on an invalid edit. <c>Sla</c> reloads through <see cref="PolicyReload"/>.
/// </summary>
public static class ValidatedOptions
{
    /// <summary>Binds <typeparamref name="TOptions"/> to <paramref name="section"/> and validates it at start with <paramref name="validate"/>.</summary>
    public static OptionsBuilder<TOptions> AddValidatedOptions<TOptions>(this IServiceCollection services, string section, Func<TOptions, IReadOnlyList<string>> validate)
        where TOptions : class
    {
        services.AddSingleton<IValidateOptions<TOptions>>(new RulesValidator<TOptions>(section, validate));
        return ReadAtStart(services.AddOptions<TOptions>().BindConfiguration(section).ValidateOnStart());
    }

    /// <summary>
    /// As <see cref="AddValidatedOptions{TOptions}(IServiceCollection, string, Func{TOptions, IReadOnlyList{string}})"/>, for rules
    /// that judge a value against another registered service (e.g. a clock's calendar against the configured calendars).
    /// </summary>
    public static OptionsBuilder<TOptions> AddValidatedOptions<TOptions, TDependency>(this IServiceCollection services, string section, Func<TOptions, TDependency, IReadOnlyList<string>> validate)
        where TOptions : class
        where TDependency : notnull
    {
        services.AddSingleton<IValidateOptions<TOptions>>(sp => new RulesValidator<TOptions>(section, o =>
        {
            try
            {
                return validate(o, sp.GetRequiredService<TDependency>());
            }
            catch (OptionsValidationException)
            {
                // The dependency's own section is invalid and reports itself at start: one message per problem.
                return [];
            }
        }));
        return ReadAtStart(services.AddOptions<TOptions>().BindConfiguration(section).ValidateOnStart());
    }

    /// <summary>
    /// As <see cref="AddValidatedOptions{TOptions}(IServiceCollection, string, Func{TOptions, IReadOnlyList{string}})"/>, for a section
    /// whose children are not properties of <typeparamref name="TOptions"/> (e.g. <c>Calendars:&lt;name&gt;</c>, a dictionary by name):
    /// <paramref name="bind"/> reads it instead of <c>BindConfiguration</c>.
    /// </summary>
    public static OptionsBuilder<TOptions> AddValidatedOptions<TOptions>(this IServiceCollection services, string section, Func<TOptions, IReadOnlyList<string>> validate, Action<TOptions, IConfiguration> bind)
        where TOptions : class
    {
        services.AddSingleton<IValidateOptions<TOptions>>(new RulesValidator<TOptions>(section, validate));
        return services.AddOptions<TOptions>().Configure(bind).ValidateOnStart();
    }

    /// <summary>Drops the change token <c>BindConfiguration</c> registered, so a reload never re-validates the section in a callback.</summary>
    private static OptionsBuilder<TOptions> ReadAtStart<TOptions>(OptionsBuilder<TOptions> builder)
        where TOptions : class
    {
        builder.Services.RemoveAll<IOptionsChangeTokenSource<TOptions>>();
        return builder;
    }

    private sealed class RulesValidator<TOptions>(string section, Func<TOptions, IReadOnlyList<string>> validate) : IValidateOptions<TOptions>
        where TOptions : class
    {
        public ValidateOptionsResult Validate(string? name, TOptions options)
        {
            var errors = validate(options);
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors.Select(e => $"Invalid {section} configuration: {e}"));
        }
    }
}
