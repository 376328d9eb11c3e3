using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Providers;
using Orleans.Runtime.Hosting;
using Orleans.Storage;
using Realtime.Grains.Persistence;

namespace Realtime.Server.Hosting.Silo;

/// <summary>
/// Hosts the Orleans silo inside the server process. Without <c>ConnectionStrings:Postgres</c> it is the embedded
/// default: development clustering on loopback, grain storage and reminders in memory. With it, membership, grain
/// storage and reminders use Orleans' ADO.NET providers on that database, whose tables our migrator creates before the
/// silo joins (<see cref="StorageGate"/>).
/// </summary>
public static class SiloHosting
{
    /// <summary>Orleans' ADO.NET invariant name for Npgsql.</summary>
    public const string PostgresInvariant = "Npgsql";

    /// <summary>The name Orleans' ADO.NET grain storage is registered under (the default storage wraps it).</summary>
    public const string AdoNetStorageName = "adonet";

    /// <summary>Whether Orleans' dashboard is served at <see cref="DashboardPath"/> (default true).</summary>
    public const string DashboardEnabledKey = "Orleans:Dashboard:Enabled";

    /// <summary>Where Orleans' dashboard is served.</summary>
    public const string DashboardPath = "/orleans";

    /// <summary>Serves Orleans' dashboard at <see cref="DashboardPath"/> when it is enabled, to managers only.</summary>
    public static void MapSiloDashboard(this WebApplication app)
    {
        // It names every grain (complaint, agent and team ids) and the cluster's layout: a manager's view. A browser reaches it
        // signed in through the dashboards' cookie (Auth.AuthSetup.OrleansDashboardCookie), a client with a bearer token.
        if (app.Configuration.GetValue(DashboardEnabledKey, true)) app.MapOrleansDashboard(DashboardPath).RequireAuthorization(Auth.Policies.Manager);
    }

    /// <summary>Adds the silo to <paramref name="builder"/> (<c>UseOrleans</c>) with its options bound and validated at start.</summary>
    public static void AddRealtimeSilo(this WebApplicationBuilder builder)
    {
        var postgres = builder.Configuration.GetConnectionString("Postgres");
        builder.Services.AddOptions<SiloHostingOptions>().BindConfiguration(SiloHostingOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<SiloHostingOptions>, SiloHostingOptionsValidator>();
        // Orleans' own clocks keep real time even when a test gives the server a fake one: its timers fire inline when a
        // fake clock moves, and its background loops spin on it. Our deadlines take the injected TimeProvider.
        foreach (var key in new[] { TimeProviderNames.Grains, TimeProviderNames.Membership, TimeProviderNames.Messaging, TimeProviderNames.SystemTimers, TimeProviderNames.ActivationManagement, TimeProviderNames.GrainDirectory })
            builder.Services.AddKeyedSingleton(key, TimeProvider.System);
        // On PostgreSQL the silo may wait for the database at start; meanwhile the web server must already answer /health
        // with 503. In memory nothing waits, and starting in order lets Orleans' dashboard find its silo up.
        if (!string.IsNullOrEmpty(postgres)) builder.Services.Configure<HostOptions>(o => o.ServicesStartConcurrently = true);

        var dashboard = builder.Configuration.GetValue(DashboardEnabledKey, true);
        builder.UseOrleans(silo =>
        {
            // Orleans' own dashboard (activations, calls, silos) at /orleans; it profiles every grain call, so it can be turned off.
            if (dashboard) silo.AddDashboard();
            silo.Services.AddOptions<ClusterOptions>().Configure<IOptions<SiloHostingOptions>>((cluster, hosting) =>
            {
                cluster.ClusterId = hosting.Value.ClusterId;
                cluster.ServiceId = hosting.Value.ServiceId;
            });
            silo.Services.AddOptions<EndpointOptions>().Configure<IOptions<SiloHostingOptions>>((endpoints, hosting) =>
            {
                var configured = hosting.Value.Endpoints;
                endpoints.SiloPort = configured.SiloPort;
                endpoints.GatewayPort = configured.GatewayPort;
                if (IPAddress.TryParse(configured.AdvertisedIPAddress, out var address)) endpoints.AdvertisedIPAddress = address;
                else if (string.IsNullOrEmpty(postgres)) endpoints.AdvertisedIPAddress = IPAddress.Loopback;
            });
            silo.Services.AddOptions<ClusterMembershipOptions>().Configure<IOptions<SiloHostingOptions>>((membership, hosting) =>
            {
                var tuned = hosting.Value.Membership;
                membership.ProbeTimeout = tuned.ProbeTimeout;
                membership.MaxProbeTimeout = tuned.MaxProbeTimeout;
                membership.NumMissedProbesLimit = tuned.NumMissedProbesLimit;
                membership.TableRefreshTimeout = tuned.TableRefreshTimeout;
            });
            if (string.IsNullOrEmpty(postgres))
            {
                silo.UseDevelopmentClustering(options => options.Configure<IOptions<SiloHostingOptions>>((membership, hosting) =>
                    membership.PrimarySiloEndpoint = new IPEndPoint(IPAddress.Loopback, hosting.Value.Endpoints.SiloPort)));
                silo.AddMemoryGrainStorageAsDefault(o => o.GrainStorageSerializer = new GrainJsonStorageSerializer());
                silo.UseInMemoryReminderService();
            }
            else
            {
                silo.UseAdoNetClustering(o =>
                {
                    o.Invariant = PostgresInvariant;
                    o.ConnectionString = postgres;
                });
                silo.AddAdoNetGrainStorage(AdoNetStorageName, o =>
                {
                    o.Invariant = PostgresInvariant;
                    o.ConnectionString = postgres;
                    o.GrainStorageSerializer = new GrainJsonStorageSerializer();
                });
                // The default storage is that one, retried through a dropped connection, reading what earlier versions
                // checkpointed for a grain it holds nothing for.
                silo.Services.AddGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, static (sp, _) => new UpgradingGrainStorage(
                    new RetryingGrainStorage(sp.GetRequiredKeyedService<IGrainStorage>(AdoNetStorageName), TimeProvider.System),
                    sp.GetRequiredService<IGrainStateStore>()));
                silo.UseAdoNetReminderService(o =>
                {
                    o.Invariant = PostgresInvariant;
                    o.ConnectionString = postgres;
                });
                silo.Services.AddSingleton<StorageGate>();
                silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<StorageGate>());
            }
        });
    }
}
