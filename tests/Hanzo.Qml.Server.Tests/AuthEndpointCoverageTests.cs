using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Hanzo.Qml.Server.Tests;

/// <summary>
/// Walks every endpoint the application maps, so that routes added later are covered too: without credentials each
/// one is 401, except the deliberately anonymous ones listed here.
/// </summary>
public sealed partial class AuthEndpointCoverageTests : IDisposable
{
    private readonly AuthServerFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    /// <summary>Route patterns that are anonymous on purpose: health, the OpenAPI document, the Scalar UI, and /metrics (metrics port).</summary>
    private static bool IsAllowedAnonymous(string pattern) =>
        pattern == "/v1/health" || pattern.StartsWith("/openapi/", StringComparison.Ordinal)
        || pattern.StartsWith("/scalar", StringComparison.Ordinal) || pattern == "/metrics";

    [GeneratedRegex(@"\{\*{0,2}([A-Za-z_]+)[^}]*\}")]
    private static partial Regex Parameter();

    private List<(string Method, string Pattern)> Routes()
    {
        using var _ = _factory.Anonymous(); // starts the server
        var source = _factory.Services.GetRequiredService<EndpointDataSource>();
        var routes = new List<(string, string)>();
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            foreach (var method in methods) routes.Add((method, pattern.TrimEnd('/') is { Length: > 0 } p ? p : "/"));
        }
        return routes;
    }

    [Fact]
    public async Task Every_route_but_the_allow_listed_ones_is_401_without_credentials()
    {
        var routes = Routes();
        Assert.Contains(routes, r => r.Pattern.StartsWith("/v1/kernels", StringComparison.Ordinal));
        using var client = _factory.Anonymous();
        var open = new List<string>();
        int checkedRoutes = 0;
        foreach (var (method, pattern) in routes.Where(r => !IsAllowedAnonymous(r.Pattern)))
        {
            var url = Parameter().Replace(pattern, "x_probe");
            using var request = new HttpRequestMessage(new HttpMethod(method), url);
            if (method is "POST" or "PUT" or "PATCH") request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
            var response = await client.SendAsync(request);
            checkedRoutes++;
            if (response.StatusCode != HttpStatusCode.Unauthorized) open.Add($"{method} {pattern} → {(int)response.StatusCode}");
        }
        Assert.True(checkedRoutes >= 4, $"only {checkedRoutes} routes were probed");
        Assert.True(open.Count == 0, "Routes reachable without credentials: " + string.Join("; ", open));
    }

    [Fact]
    public async Task Allow_listed_routes_answer_without_credentials()
    {
        using var client = _factory.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/v1/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/openapi/v1.json")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/scalar/v1")).StatusCode);
        using var metrics = _factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://localhost:9090") });
        Assert.Equal(HttpStatusCode.OK, (await metrics.GetAsync("/metrics")).StatusCode);
    }

    [Fact]
    public async Task Unknown_routes_are_401_without_credentials_and_404_with_them()
    {
        // The fallback policy also covers requests that match no route, so an anonymous caller cannot map the API.
        using var anonymous = _factory.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/v1/nothing-here")).StatusCode);
        using var client = _factory.Client("org-a");
        var response = await client.GetAsync("/v1/nothing-here");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
