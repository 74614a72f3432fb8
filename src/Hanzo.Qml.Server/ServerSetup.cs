using System.Text.Json;
using System.Text.Json.Serialization;
using Hanzo.Qml.Server.Circuits;
using Hanzo.Qml.Server.Configuration;
using Hanzo.Qml.Server.Jobs;
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
    /// <summary>
    /// Adds the YAML file, <c>HANZO_QML_*</c> environment and flags to the configuration, validates it (throwing
    /// <see cref="QmlConfigurationException"/> with every problem), and registers logging, the Kestrel listeners
    /// (<see cref="ListenPlan"/>), JSON settings, problem details, OpenAPI and storage.
    /// </summary>
    /// <param name="builder">The application builder.</param>
    /// <param name="overrides">Command-line flags; null for none.</param>
    /// <exception cref="QmlConfigurationException">When the configuration is invalid.</exception>
    public static WebApplicationBuilder AddHanzoQmlServer(this WebApplicationBuilder builder, ServeOverrides? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Configuration.AddQmlSources(overrides ?? ServeOverrides.None);
        var options = QmlConfiguration.Load(builder.Configuration);
        builder.Logging.ConfigureQmlLogging(options.Logging);
        var plan = ListenPlan.From(options);
        builder.Services.AddSingleton(plan);
        builder.WebHost.ConfigureKestrel(plan.Apply);
        builder.Services.Configure<JsonOptions>(o => Configure(o.SerializerOptions));
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            problem.Detail ??= problem.Status switch
            {
                // A route or query parameter that does not bind (GET /v1/jobs?limit=abc) ends here with no detail of its own.
                StatusCodes.Status400BadRequest => context.Exception is BadHttpRequestException bad
                    ? bad.Message
                    : "The request is malformed: a route or query parameter has the wrong form (e.g. a limit that is not an integer); see /openapi/v1.json.",
                StatusCodes.Status404NotFound => "No such route; the API lives under /v1 (see /openapi/v1.json).",
                // A body without a length cut off by the server's bound while an endpoint without its own handler read it.
                StatusCodes.Status413PayloadTooLarge => "The request body is larger than this server accepts (limits.max_request_bytes).",
                StatusCodes.Status405MethodNotAllowed => "This route does not accept that HTTP method (see /openapi/v1.json).",
                StatusCodes.Status415UnsupportedMediaType => "Send the body as JSON with Content-Type: application/json.",
                StatusCodes.Status500InternalServerError => "An unexpected error occurred; it has been logged.",
                _ => null,
            };
        });
        builder.Services.AddOpenApi();
        // Bound again from the live configuration (not the instance validated above) so settings a test host adds later still apply.
        builder.Services.AddOptions<QmlServerOptions>().Configure(o => QmlConfiguration.Bind(builder.Configuration, o));
        builder.Services.AddQmlStorage(DatabaseSettings.From(builder.Configuration));
        builder.Services.AddSingleton<KernelCache>();
        builder.Services.AddSingleton<Models.TrainedModelCache>();
        builder.Services.AddQmlJobs();
        builder.Services.AddQmlCircuits();
        builder.Services.AddQmlAuthentication(builder.Configuration);
        builder.Services.AddQmlBudget();
        return builder;
    }

    /// <summary>
    /// Logs how the server is set up (never a secret: the database by its description), applies the database migrations
    /// and sets up error handling, metrics and OpenAPI.
    /// </summary>
    /// <param name="app">The built application.</param>
    public static WebApplication UseHanzoQmlServer(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var plan = app.Services.GetRequiredService<ListenPlan>();
        var database = app.Services.GetRequiredService<DatabaseSettings>();
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Hanzo.Qml.Server");
        if (plan.Warning is { } warning) log.LogWarning("{Warning}", warning);
        app.Services.MigrateQmlDatabase();
        // Backends are fixed by the configuration, so their status gauge is set once, not on each listing.
        foreach (var backend in Endpoints.SystemEndpoints.Describe(app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<QmlServerOptions>>().Value))
            ServerMetrics.BackendStatus.WithLabels(backend.Name).Set(backend.Status == "available" ? 1 : 0);
        app.Lifetime.ApplicationStarted.Register(() => log.LogInformation(
            "hanzo-qml serving the API on {ApiUrl} and metrics on {MetricsUrl}; database: {Database}; authentication: {Authentication}",
            plan.ApiUrl, plan.MetricsUrl, database.Description, plan.AuthConfigured ? "on" : "OFF"));

        app.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = ex => ex is BadHttpRequestException b ? b.StatusCode : StatusCodes.Status500InternalServerError });
        app.UseStatusCodePages();
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        app.UseRouting();
        app.UseMiddleware<RequestDurationMiddleware>();
        app.UseQmlAuthentication();

        // The metrics port is for the scraper; it stays anonymous (keep it off public networks). OpenAPI and the UI describe
        // the API without data, so they stay anonymous too.
        app.MapMetrics(plan.MetricsPath).RequireHost($"*:{plan.MetricsPort}").AllowAnonymous();
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
