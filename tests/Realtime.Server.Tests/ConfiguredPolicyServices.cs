using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Realtime.Server.Hosting;

namespace Realtime.Server.Tests;

/// <summary>The server's policy registrations alone, over the shipped appsettings.json and <c>overrides</c>: no host, no silo.</summary>
public static class ConfiguredPolicyServices
{
    /// <summary>A provider with <see cref="ConfiguredPolicies.AddConfiguredPolicies"/> registered.</summary>
    public static ServiceProvider Build(Dictionary<string, string?> overrides)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"))
            .AddInMemoryCollection(overrides)
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddConfiguredPolicies();
        return services.BuildServiceProvider();
    }
}
