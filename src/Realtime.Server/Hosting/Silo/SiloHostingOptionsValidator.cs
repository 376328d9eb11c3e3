using System.Net;
using Microsoft.Extensions.Options;

namespace Realtime.Server.Hosting.Silo;

/// <summary>Refuses silo settings Orleans would only fail on later, naming the key and the value judged.</summary>
public sealed class SiloHostingOptionsValidator : IValidateOptions<SiloHostingOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, SiloHostingOptions options)
    {
        var errors = new List<string>();
        const string section = SiloHostingOptions.SectionName;
        if (string.IsNullOrWhiteSpace(options.ClusterId)) errors.Add($"{section}:ClusterId '{options.ClusterId}' must not be empty.");
        if (string.IsNullOrWhiteSpace(options.ServiceId)) errors.Add($"{section}:ServiceId '{options.ServiceId}' must not be empty.");
        var endpoints = options.Endpoints;
        if (endpoints.SiloPort is < 1 or > 65535) errors.Add($"{section}:Endpoints:SiloPort '{endpoints.SiloPort}' must be a port from 1 to 65535.");
        if (endpoints.GatewayPort is < 0 or > 65535) errors.Add($"{section}:Endpoints:GatewayPort '{endpoints.GatewayPort}' must be a port from 1 to 65535, or 0 for no gateway.");
        if (endpoints.GatewayPort != 0 && endpoints.GatewayPort == endpoints.SiloPort)
            errors.Add($"{section}:Endpoints:GatewayPort '{endpoints.GatewayPort}' must differ from {section}:Endpoints:SiloPort.");
        if (!string.IsNullOrWhiteSpace(endpoints.AdvertisedIPAddress) && !IPAddress.TryParse(endpoints.AdvertisedIPAddress, out _))
            errors.Add($"{section}:Endpoints:AdvertisedIPAddress '{endpoints.AdvertisedIPAddress}' is not an IP address.");
        var membership = options.Membership;
        if (membership.ProbeTimeout <= TimeSpan.Zero) errors.Add($"{section}:Membership:ProbeTimeout '{membership.ProbeTimeout}' must be positive.");
        if (membership.MaxProbeTimeout < membership.ProbeTimeout)
            errors.Add($"{section}:Membership:MaxProbeTimeout '{membership.MaxProbeTimeout}' must be at least {section}:Membership:ProbeTimeout ({membership.ProbeTimeout}).");
        if (membership.NumMissedProbesLimit < 1) errors.Add($"{section}:Membership:NumMissedProbesLimit '{membership.NumMissedProbesLimit}' must be at least 1.");
        if (membership.TableRefreshTimeout <= TimeSpan.Zero) errors.Add($"{section}:Membership:TableRefreshTimeout '{membership.TableRefreshTimeout}' must be positive.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
