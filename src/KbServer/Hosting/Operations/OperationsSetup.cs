using KbCore.Telemetry;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace KbServer.Hosting.Operations;

/// <summary>
/// Health probes, metrics and traces for operators (docs/operations.md). OpenTelemetry is set up only when something
/// reads it: <c>Telemetry:Prometheus=true</c> (scraped at <c>/metrics</c>) or <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>
/// (metrics and traces pushed over OTLP). With neither, our instruments have no listener and cost nothing.
/// </summary>
internal static class OperationsSetup
{
    private const string ReadyTag = "ready";
    private const string MetricsPath = "/metrics";
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(5);

    public static IServiceCollection AddKbOperations(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton<KbGauges>();
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag], timeout: CheckTimeout)
            .AddCheck<RepositoryHealthCheck>("repository", tags: [ReadyTag], timeout: CheckTimeout)
            .AddCheck<SearchIndexHealthCheck>("search_index", tags: [ReadyTag], timeout: CheckTimeout)
            .AddCheck<SemanticVectorsHealthCheck>("semantic_vectors", tags: [ReadyTag], timeout: CheckTimeout);

        var prometheus = config.GetValue<bool>("Telemetry:Prometheus");
        var otlp = !string.IsNullOrWhiteSpace(config["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        if (!prometheus && !otlp)
        {
            return services;
        }

        var telemetry = services.AddOpenTelemetry();
        if (string.IsNullOrWhiteSpace(config["OTEL_SERVICE_NAME"]))
        {
            telemetry.ConfigureResource(resource => resource.AddService("knowledgebase"));
        }

        telemetry.WithMetrics(metrics =>
        {
            metrics.AddMeter(KbTelemetry.Name).AddAspNetCoreInstrumentation();

            // The gauges exist from the first collection on, and live as long as the provider.
            metrics.AddInstrumentation(sp => sp.GetRequiredService<KbGauges>());
            if (prometheus)
            {
                metrics.AddPrometheusExporter();
            }

            if (otlp)
            {
                metrics.AddOtlpExporter();
            }
        });

        if (otlp)
        {
            // Probes and scrapes every few seconds would drown the traces that matter.
            telemetry.WithTracing(tracing => tracing
                .AddSource(KbTelemetry.Name)
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/healthz") && !http.Request.Path.StartsWithSegments(MetricsPath))
                .AddOtlpExporter());
        }

        return services;
    }

    /// <summary><c>/healthz/live</c>, <c>/healthz/ready</c> and, with <c>Telemetry:Prometheus=true</c>, <c>/metrics</c>.</summary>
    public static IEndpointRouteBuilder MapKbOperations(this IEndpointRouteBuilder app)
    {
        // Live: the process serves requests; no dependency is asked, so a database outage never restarts the node.
        app.MapHealthChecks("/healthz/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthReportWriter.WriteAsync });

        // Ready: degraded (catching up, vectors building) still takes traffic; only unhealthy answers 503.
        app.MapHealthChecks("/healthz/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = HealthReportWriter.WriteAsync,
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        });

        var config = app.ServiceProvider.GetRequiredService<IConfiguration>();
        if (config.GetValue<bool>("Telemetry:Prometheus"))
        {
            var access = MetricsAccess.Parse(config["Telemetry:MetricsAllowFrom"]);
            app.MapPrometheusScrapingEndpoint(MetricsPath, meterProvider: null, configureBranchedPipeline: branch => branch.Use(async (context, next) =>
            {
                if (!access.Allows(context))
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    await context.Response.WriteAsync("Metrics are served only to Telemetry:MetricsAllowFrom.\n").ConfigureAwait(false);
                    return;
                }

                await next(context).ConfigureAwait(false);
            }), optionsName: null);
        }

        return app;
    }
}
