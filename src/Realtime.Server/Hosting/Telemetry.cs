using System.Diagnostics.Metrics;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Realtime.Grains.Complaints;
using Realtime.Grains.Diagnostics;
using Realtime.Server.Live;

namespace Realtime.Server.Hosting;

/// <summary>
/// OpenTelemetry, as other .NET services are watched: metrics (ours, ASP.NET Core's, the runtime's, Orleans') on a
/// Prometheus scrape endpoint <see cref="MetricsPath"/>, and metrics and traces over OTLP when the standard
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.
/// </summary>
public static class Telemetry
{
    /// <summary>Where Prometheus scrapes.</summary>
    public const string MetricsPath = "/metrics";

    /// <summary>The service name metrics and traces carry (OpenTelemetry's <c>service.name</c>; <c>OTEL_SERVICE_NAME</c> overrides it).</summary>
    public const string ServiceName = "realtime";

    /// <summary>Orleans' meter.</summary>
    public const string OrleansMeter = "Microsoft.Orleans";

    private static readonly double[] LatenessBucketsMs = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1_000, 2_000, 5_000, 10_000, 20_000, 60_000];

    /// <summary>Adds the meter and tracer providers and their exporters.</summary>
    public static void AddRealtimeTelemetry(this WebApplicationBuilder builder)
    {
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithMetrics(metrics =>
            {
                // Lateness is milliseconds near zero when all is well and seconds after a failover: finer buckets than the default's.
                metrics.AddView("realtime.deadline.*", new ExplicitBucketHistogramConfiguration { Boundaries = LatenessBucketsMs });
                metrics.AddMeter(RealtimeMetrics.MeterName, OrleansMeter)
                    .AddAspNetCoreInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddPrometheusExporter();
                if (otlp) metrics.AddOtlpExporter();
            });
        // Traces only go somewhere over OTLP; without a collector they would only cost.
        if (otlp)
        {
            telemetry.WithTracing(tracing => tracing
                .AddSource("Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application")
                .AddAspNetCoreInstrumentation()
                .AddOtlpExporter());
        }
    }

    /// <summary>Serves <see cref="MetricsPath"/> and starts observing what only the host sees: push backlogs and open complaints.</summary>
    public static void MapRealtimeTelemetry(this WebApplication app)
    {
        app.MapPrometheusScrapingEndpoint(MetricsPath);
        var notifier = app.Services.GetRequiredService<SignalRLiveNotifier>();
        var directory = app.Services.GetRequiredService<OpenComplaintDirectory>();
        // Gauges on a meter of this host's own (disposed with it): each host observes its own notifier and directory.
        var meter = app.Services.GetRequiredService<IMeterFactory>().Create(RealtimeMetrics.MeterName);
        meter.CreateObservableGauge("realtime.push.backlog", () => notifier.Feed.BacklogByScope()
            .Select(b => new Measurement<long>(b.Deepest, new KeyValuePair<string, object?>("scope", b.Scope))), "{message}",
            "Per followed scope, the most pushes one of its connections has not yet received.");
        meter.CreateObservableGauge("realtime.complaints.open", () => directory.CountsByTeam()
            .Select(t => new Measurement<long>(t.Value.Open, new KeyValuePair<string, object?>("team", t.Key))), "{complaint}",
            "Open complaints per team (the whole floor's, on every server).");
    }
}
