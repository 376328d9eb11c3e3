using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Realtime.Domain.Calendars;
using Realtime.Domain.Scorecards;
using Realtime.Grains;
using Realtime.Grains.Live;
using Realtime.Grains.Persistence;
using Realtime.Grains.Quarters;
using Realtime.Server.Api;
using Realtime.Server.Auth;
using Realtime.Server.Demo;
using Realtime.Server.Hosting.Silo;
using Realtime.Server.Ingest;
using Realtime.Server.Live;

namespace Realtime.Server.Hosting;

/// <summary>Composes the server: configuration, storage, grains, API, hub, dashboards, demo.</summary>
public static partial class RealtimeServer
{
    /// <summary>The default address (contract: http://127.0.0.1:5080).</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>Builds the application from command-line <paramref name="args"/> (<c>--demo</c> turns the simulator on).</summary>
    public static WebApplication Build(string[] args)
    {
        var demo = args.Contains("--demo");
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args.Where(a => a != "--demo").ToArray(),
            // The dashboards are copied next to the assembly, so they are found however the server is started.
            WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
            ContentRootPath = AppContext.BaseDirectory,
        });
        if (demo) builder.Configuration.AddInMemoryCollection([new("Demo:Enabled", "true")]);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
            builder.WebHost.UseUrls(DefaultUrl);

        AddServices(builder.Services, builder.Configuration);
        builder.AddRealtimeSilo();
        builder.AddRealtimeTelemetry();
        var app = builder.Build();
        MapEndpoints(app);
        LogStartup(app);
        return app;
    }

    /// <summary>Registers everything the server runs.</summary>
    public static void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddConfiguredPolicies();
        AddCompanyCalendar(services, configuration);

        services.AddValidatedOptions<IngestOptions>("Ingest", o => o.Validate());
        services.Configure<IngestOptions>(o => o.IngestKeys = ReadKeys(configuration.GetSection("Auth:IngestKeys")));
        services.Configure<JsonOptions>(o => WireJson.Configure(o.SerializerOptions));
        services.AddProblemDetails();
        services.AddRealtimeAuth();
        services.AddSignalR().AddJsonProtocol(o => WireJson.Configure(o.PayloadSerializerOptions));

        services.AddSingleton<StorageReadiness>();
        services.AddChosenStorage(configuration);
        services.AddSingleton(sp => new FloorEventReader(
            sp.GetRequiredService<Rubric>().Indicators.Where(i => i.Source == IndicatorSource.Manual).Select(i => i.Id).ToHashSet(StringComparer.Ordinal).Contains,
            sp.GetRequiredService<IOptions<Domain.BreachCauses.BreachCauseOptions>>().Value.EffectiveReasons.ToHashSet(StringComparer.Ordinal).Contains));
        services.AddValidatedOptions<LiveOptions>(LiveOptions.SectionName, o => o.Validate());
        services.AddSingleton<LiveConnections>();
        services.AddSingleton<HubLifetimeManager<LiveHub>>(sp => sp.GetRequiredService<LiveConnections>());
        services.AddSingleton(sp => new RecentAlerts(sp.GetRequiredService<IOptions<LiveOptions>>().Value.RecentAlertsPerScope, sp.GetRequiredKeyedService<TimeProvider>(FloorClock.Key)));
        services.AddSingleton<SignalRLiveNotifier>();
        services.AddSingleton<ILiveNotifier>(sp => sp.GetRequiredService<SignalRLiveNotifier>());
        services.AddSingleton<Grains.Cluster.IRelayedPushSink>(sp => sp.GetRequiredService<SignalRLiveNotifier>());
        services.AddHostedService(sp => sp.GetRequiredService<SignalRLiveNotifier>());
        // Stopping deactivates every grain and writes a last checkpoint; give it time, but not forever.
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(15));
        services.AddValidatedOptions<CheckpointOptions>("Checkpoints", CheckpointRules);
        services.AddOptions<GrainCollectionOptions>().Configure(o => LegacyCollectionSettings.Apply(configuration.GetSection(LegacyCollectionSettings.SectionName), o));
        services.AddOptions<Grains.Deadlines.DeadlineOptions>().Configure(o => LegacyCollectionSettings.Apply(configuration.GetSection(LegacyCollectionSettings.SectionName), o));
        services.AddRealtimeGrains();
        services.AddQuarters();
        services.AddHostedService<StartupRecovery>();
        services.AddValidatedOptions<DemoOptions>("Demo", o => o.Validate());
        services.AddHostedService<DemoFloorSimulator>();
        services.AddValidatedOptions<MemoryTrimOptions>(MemoryTrimOptions.SectionName, o => o.Validate());
        services.AddHostedService<IdleMemoryTrimmer>();
    }

    private static void MapEndpoints(WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseWebSockets();
        app.UseRealtimeAuth();
        app.UseStaticFiles();
        app.UseReadinessGate();
        app.MapGroup("").RequireAuthorization(Policies.Ingest).MapIngest();
        var reads = app.MapGroup("").RequireAuthorization(Policies.Reader).AddEndpointFilter<RouteGroupBuilder, ScopeFilter>();
        reads.MapQueries();
        reads.MapCases();
        reads.MapBreachCauses();
        reads.MapScorecards();
        reads.MapRecentAlerts();
        reads.MapQuarters();
        app.MapGroup("").RequireAuthorization(Policies.Manager).MapPolicies();
        app.MapSignIn();
        app.MapAudit();
        var live = app.Services.GetRequiredService<IOptions<LiveOptions>>().Value;
        app.MapHub<LiveHub>("/hubs/live", o => o.TransportMaxBufferSize = live.ConnectionBufferBytes).RequireAuthorization(Policies.Reader);
        app.MapDashboards();
        app.MapSiloDashboard();
        app.MapRealtimeTelemetry();
    }

    /// <summary>Serves the built dashboards: <c>/wallboard</c>, <c>/agent</c>, <c>/manager</c>.</summary>
    private static void MapDashboards(this WebApplication app)
    {
        var root = app.Environment.WebRootFileProvider;
        foreach (var (route, file) in new[] { ("/", "wallboard.html"), ("/wallboard", "wallboard.html"), ("/agent", "agent.html"), ("/manager", "manager.html"), ("/signin", "signin.html") })
        {
            // HEAD too: uptime checks and kiosk browsers probe a dashboard before they load it.
            app.MapMethods(route, [HttpMethods.Get, HttpMethods.Head], () => root.GetFileInfo(file) is { Exists: true, PhysicalPath: { } path }
                ? Results.File(path, "text/html; charset=utf-8")
                : Problems.Status(StatusCodes.Status404NotFound, "Dashboard not built", $"{file} is missing from {app.Environment.WebRootPath}; build the server with npm available (dashboards/ is built as part of the build)."));
        }
    }

    /// <summary>Binds and validates the company calendar (<c>Company:TimeZone</c>).</summary>
    private static void AddCompanyCalendar(IServiceCollection services, IConfiguration configuration)
    {
        var zone = configuration["Company:TimeZone"];
        try
        {
            services.AddSingleton(string.IsNullOrWhiteSpace(zone) ? CompanyCalendar.Default : new CompanyCalendar(zone));
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new InvalidOperationException($"Invalid company configuration: Company:TimeZone '{zone}' is not a known time zone (e.g. Asia/Shanghai).", e);
        }
    }

    private static IReadOnlyList<string> CheckpointRules(CheckpointOptions o)
    {
        var errors = new List<string>();
        if (o.Interval <= TimeSpan.Zero) errors.Add($"Checkpoints:Interval must be positive (was {o.Interval})");
        if (o.DeferredStageDelay < TimeSpan.Zero) errors.Add($"Checkpoints:DeferredStageDelay must not be negative (was {o.DeferredStageDelay})");
        return errors;
    }

    private static string[] ReadKeys(IConfigurationSection section)
    {
        var single = section.Value;
        var list = section.GetChildren().Select(c => c.Value).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!);
        return (single is null ? list : list.Concat(single.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))).ToArray();
    }

    private static void LogStartup(WebApplication app)
    {
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Realtime.Server");
        if (app.Services.GetService<IStorageEngine>() is null) LogInMemory(log);
        AuthSetup.LogAuthAtStart(app.Services, log);
    }

    [LoggerMessage(LogLevel.Warning, "**************** IN-MEMORY STORAGE: no ConnectionStrings:Postgres is configured. Events, clocks and scores live only in this process and are LOST when it stops. Set ConnectionStrings__Postgres for durable storage. ****************")]
    private static partial void LogInMemory(ILogger log);
}
