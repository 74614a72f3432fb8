using System.Net;
using System.Net.Http.Json;

namespace Hanzo.Qml.Server.Tests;

public sealed class SystemTests : IDisposable
{
    private readonly ServerFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Health_is_ok()
    {
        using var client = _factory.Api();
        var response = await client.GetAsync("/v1/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", (await response.Json()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Backends_list_the_statevector_simulator()
    {
        using var client = _factory.Api();
        var backend = (await (await client.GetAsync("/v1/backends")).Json()).GetProperty("backends")[0];
        Assert.Equal("statevector", backend.GetProperty("name").GetString());
        Assert.Equal(20, backend.GetProperty("max_qubits").GetInt32());
        Assert.Equal("available", backend.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Api_routes_answer_only_on_the_api_port()
    {
        using var metrics = _factory.Metrics();
        Assert.Equal(HttpStatusCode.NotFound, (await metrics.GetAsync("/v1/health")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await metrics.GetAsync("/v1/backends")).StatusCode);
        using var api = _factory.Api();
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/v1/health")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/metrics")).StatusCode);
    }

    [Fact]
    public async Task Unknown_route_is_a_404_problem()
    {
        using var client = _factory.Api();
        var response = await client.GetAsync("/v1/nothing-here");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Metrics_answer_only_on_the_metrics_port()
    {
        using var api = _factory.Api();
        var id = await api.CreateKernel(new { encoding = "iqp", n_qubits = 2 });
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync($"/v1/kernels/{id}/matrix", new { x = new[] { new[] { 0.1, 0.2 }, new[] { 0.3, 0.4 } } })).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/metrics")).StatusCode);
        using var metrics = _factory.Metrics();
        var response = await metrics.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("hanzo_qml_api_request_duration_seconds_bucket{endpoint=\"/v1/kernels/{id}/matrix\"", text, StringComparison.Ordinal);
        Assert.Contains("hanzo_qml_kernel_matrix_seconds_count{n_samples=\"≤100\",n_qubits=\"2\"}", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApi_document_and_Scalar_ui_are_served()
    {
        using var client = _factory.Api();
        var doc = await client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, doc.StatusCode);
        var json = await doc.Json();
        Assert.True(json.GetProperty("paths").TryGetProperty("/v1/kernels/{id}/matrix", out _));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/scalar/v1")).StatusCode);
    }

    [Fact]
    public async Task Kernel_definitions_survive_a_restart()
    {
        var folder = ServerFactory.TempFolder();
        var path = Path.Combine(folder, "shared.db");
        try
        {
            string id;
            double value;
            var body = new { x = new[] { 0.3, -0.2, 0.8 }, z = new[] { 0.5, 0.1, -0.4 } };
            using (var first = new ServerFactory(path))
            using (var client = first.Api())
            {
                id = await client.CreateKernel(new { encoding = "zz", n_qubits = 3, reps = 1, entanglement = "linear" });
                value = (await (await client.PostAsJsonAsync($"/v1/kernels/{id}/evaluate", body)).Json()).GetProperty("value").GetDouble();
            }
            using (var second = new ServerFactory(path))
            using (var client = second.Api())
            {
                var got = await client.GetAsync($"/v1/kernels/{id}");
                Assert.Equal(HttpStatusCode.OK, got.StatusCode);
                var def = await got.Json();
                Assert.Equal("zz", def.GetProperty("encoding").GetString());
                Assert.Equal("linear", def.GetProperty("entanglement").GetString());
                Assert.Equal(1, def.GetProperty("reps").GetInt32());
                var again = (await (await client.PostAsJsonAsync($"/v1/kernels/{id}/evaluate", body)).Json()).GetProperty("value").GetDouble();
                Assert.Equal(value, again);
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
