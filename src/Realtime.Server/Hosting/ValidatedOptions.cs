using Microsoft.Extensions.Options;

namespace Realtime.Server.Hosting;

/// <summary>
/// One options pattern for every section: bound with <c>BindConfiguration</c>, validated at start
/// (<c>ValidateOnStart</c>) by the options class's own rules, so an invalid value stops the server naming the key.
/// </summary>
public static class ValidatedOptions
{
    /// <summary>Binds <typeparamref name="TOptions"/> to <paramref name="section"/> and validates it at start with <paramref name="validate"/>.</summary>
    public static OptionsBuilder<TOptions> AddValidatedOptions<TOptions>(this IServiceCollection services, string section, Func<TOptions, IReadOnlyList<string>> validate)
        where TOptions : class
    {
        services.AddSingleton<IValidateOptions<TOptions>>(new RulesValidator<TOptions>(section, validate));
        return services.AddOptions<TOptions>().BindConfiguration(section).ValidateOnStart();
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
