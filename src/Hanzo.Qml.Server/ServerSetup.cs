using System.Text.Json;
using System.Text.Json.Serialization;
using Hanzo.Qml.Server.Jobs;
using Hanzo.Qml.Server.Circuits;
using Hanzo.Qml.Server.Security;
using Hanzo.Qml.Server.Security.Budget;
using Hanzo.Qml.Server.Storage;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Json;
using Prometheus;
using Scalar.AspNetCore;

namespace Hanzo.Qml.Server;

/// <summary>Service registration and the request pipeline of the HTTP service.</summary>
public static class ServerSetup
{
    /// <summary>Default API port (<c>Server:Port</c>).</summary>
    public const int DefaultPort = 8072;

    /// <summary>Default metrics port (<c>Metrics:Port</c>).</summary>
    public const int DefaultMetricsPort = 9090;

    /// <summary>Registers configuration, JSON settings, problem details, OpenAPI, storage and the Kestrel ports.</summary>
    /// <param name="builder">The application builder.</param>
    public static WebApplicationBuilder AddHanzoQmlServer(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Configuration.AddEnvironmentVariables("HANZO_QML_");
        builder.WebHost.ConfigureKestrel((context, kestrel) =>
        {
            kestrel.ListenLocalhost(context.Configuration.GetValue("Server:Port", DefaultPort));
            kestrel.ListenLocalhost(context.Configuration.GetValue("Metrics:Port", DefaultMetricsPort));
        });
        builder.Services.Configure<JsonOptions>(o => Configure(o.SerializerOptions));
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            problem.Detail ??= problem.Status switch
            {
                StatusCodes.Status404NotFound => "No such route; the API lives under /v1 (see /openapi/v1.json).",
                StatusCodes.Status405MethodNotAllowed => "This route does not accept that HTTP method (see /openapi/v1.json).",
                StatusCodes.Status415UnsupportedMediaType => "Send the body as JSON with Content-Type: application/json.",
                StatusCodes.Status500InternalServerError => "An unexpected error occurred; it has been logged.",
                _ => null,
            };
        });
        builder.Services.AddOpenApi();
        builder.Services.AddOptions<Configuration.QmlServerOptions>().Bind(builder.Configuration);
        builder.Services.AddQmlStorage(DatabaseSettings.From(builder.Configuration));
        builder.Services.AddSingleton<KernelCache>();
        builder.Services.AddQmlJobs();
        builder.Services.AddQmlCircuits();
        builder.Services.AddQmlAuthentication(builder.Configuration);
        builder.Services.AddQmlBudget();
        return builder;
    }

    /// <summary>Applies the database migrations and sets up error handling, metrics and OpenAPI.</summary>
    /// <param name="app">The built application.</param>
    public static WebApplication UseHanzoQmlServer(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Services.MigrateQmlDatabase();

        app.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = ex => ex is BadHttpRequestException b ? b.StatusCode : StatusCodes.Status500InternalServerError });
        app.UseStatusCodePages();
        app.UseRouting();
        app.UseMiddleware<RequestDurationMiddleware>();
        app.UseQmlAuthentication();

        int metricsPort = app.Configuration.GetValue("Metrics:Port", DefaultMetricsPort);
        // The metrics port is for the scraper; it stays anonymous (keep it off public networks). OpenAPI and the UI describe
        // the API without data, so they stay anonymous too.
        app.MapMetrics().RequireHost($"*:{metricsPort}").AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference().AllowAnonymous();
        return app;
    }

    /// <summary>The service's JSON settings: snake_case names, strict numbers (no strings, no NaN), enums as strings.</summary>
    /// <param name="options">Options to change in place.</param>
    public static void Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.PropertyNameCaseInsensitive = false;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
    }
}
