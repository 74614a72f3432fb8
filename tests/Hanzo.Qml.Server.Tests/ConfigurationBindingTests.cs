using System.Net;
using Hanzo.Qml.Server.Configuration;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hanzo.Qml.Server.Tests;

/// <summary>Where the server listens: loopback forced without auth, the configured host with it; test-time settings still apply.</summary>
public sealed class ConfigurationBindingTests : IDisposable
{
    private readonly ConfigurationHarness _h = new();

    public void Dispose() => _h.Dispose();

    private static readonly Dictionary<string, string> Keys = new() { ["KEY_ACME"] = "acme-secret", ["HANZO_QML_JWT_KEY"] = "jwt-secret" };

    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("::")]
    [InlineData("192.168.1.20")]
    public void Without_auth_a_public_host_is_replaced_by_loopback_with_a_warning(string host)
    {
        var plan = ListenPlan.From(_h.Load(_h.Yaml($"server: {{host: '{host}', port: 8100}}\nmetrics: {{port: 9100}}\n")));
        Assert.Equal(("127.0.0.1", 8100, 9100, false, true), (plan.Host, plan.ApiPort, plan.MetricsPort, plan.AuthConfigured, plan.HostOverridden));
        Assert.Equal("http://127.0.0.1:8100", plan.ApiUrl);
        Assert.Equal("http://127.0.0.1:9100/metrics", plan.MetricsUrl);
        Assert.Equal($"authentication is OFF: listening on 127.0.0.1 only; configure auth.jwt or auth.api_keys to serve other hosts (server.host {host} was overridden)", plan.Warning);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    [InlineData("::1")]
    public void Without_auth_a_loopback_host_is_kept_and_still_warned_about(string host)
    {
        var plan = ListenPlan.From(_h.Load(_h.Yaml($"server: {{host: '{host}'}}\n")));
        Assert.Equal(host, plan.Host);
        Assert.False(plan.HostOverridden);
        Assert.Equal("authentication is OFF: listening on 127.0.0.1 only; configure auth.jwt or auth.api_keys to serve other hosts", plan.Warning);
    }

    [Theory]
    [InlineData("auth: {api_keys: [{key_env: KEY_ACME, organisation: acme}]}")]
    [InlineData("auth: {jwt: {key_env: HANZO_QML_JWT_KEY, issuer: i, audience: a}}")]
    public void With_auth_the_configured_host_is_used(string auth)
    {
        var plan = ListenPlan.From(_h.Load(_h.Yaml($"server: {{host: 0.0.0.0, port: 8200}}\n{auth}\n"), Keys));
        Assert.Equal(("0.0.0.0", 8200, true, false), (plan.Host, plan.ApiPort, plan.AuthConfigured, plan.HostOverridden));
        Assert.Null(plan.Warning);
        var v6 = ListenPlan.From(_h.Load(_h.Yaml($"server: {{host: '::'}}\n{auth}\n"), Keys));
        Assert.Equal("http://[::]:8072", v6.ApiUrl);
    }

    [Fact]
    public void The_flag_host_is_overridden_too_when_auth_is_off()
    {
        var plan = ListenPlan.From(_h.Load(flags: new ServeOverrides(Host: "0.0.0.0")));
        Assert.Equal(("127.0.0.1", "0.0.0.0"), (plan.Host, plan.RequestedHost));
    }

    /// <summary>UseSetting in a test host reaches the configuration the server validates and binds.</summary>
    private sealed class PortsFactory(string databasePath) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("Database:Path", databasePath);
            builder.UseSetting("Server:Port", "18072");
            builder.UseSetting("Metrics:Port", "19191");
            builder.UseSetting("Limits:MaxStateBytes", "4096");
            builder.UseEnvironment("Testing");
        }
    }

    [Fact]
    public async Task Test_host_settings_still_override_the_ports_and_limits()
    {
        var folder = ServerFactory.TempFolder();
        using var factory = new PortsFactory(Path.Combine(folder, "t.db"));
        var plan = factory.Services.GetRequiredService<ListenPlan>();
        Assert.Equal((18072, 19191), (plan.ApiPort, plan.MetricsPort));
        Assert.Equal(4096, factory.Services.GetRequiredService<IOptions<QmlServerOptions>>().Value.Limits.MaxStateBytes);
        using var metrics = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://localhost:19191") });
        Assert.Equal(HttpStatusCode.OK, (await metrics.GetAsync("/metrics")).StatusCode);
        using var api = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://localhost:18072") });
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/metrics")).StatusCode);
    }

    [Fact]
    public async Task Limits_max_state_bytes_bounds_the_kernel_matrix()
    {
        var folder = ServerFactory.TempFolder();
        using var factory = new PortsFactory(Path.Combine(folder, "t.db"));
        using var api = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://localhost:18072") });
        var id = await api.CreateKernel(new { encoding = "angle", n_qubits = 4 });
        // 4096 bytes hold 16 statevectors of 4 qubits (16 B × 2⁴ = 256 B each): 17 rows are refused, 16 pass.
        var rows = Enumerable.Range(0, 17).Select(i => new[] { 0.1 * i, 0.2, 0.3, 0.4 }).ToArray();
        var tooMany = await api.PostAsync($"/v1/kernels/{id}/matrix", System.Net.Http.Json.JsonContent.Create(new { x = rows }));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooMany.StatusCode);
        var fits = await api.PostAsync($"/v1/kernels/{id}/matrix", System.Net.Http.Json.JsonContent.Create(new { x = rows[..16] }));
        Assert.Equal(HttpStatusCode.OK, fits.StatusCode);
    }
}
