using System.Net;
using System.Net.Http.Json;

namespace Hanzo.Qml.Server.Tests;

/// <summary>Objects of one organisation are invisible (404) to every other; kernel definitions and matrices included.</summary>
public sealed class AuthIsolationTests : IDisposable
{
    private readonly AuthServerFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private static readonly double[][] Rows = [[0.1, 0.2], [0.3, 0.4]];

    [Fact]
    public async Task Another_organisation_gets_404_on_get_evaluate_and_matrix()
    {
        using var a = _factory.Client("org-a");
        using var b = _factory.Client("org-b");
        var id = await a.CreateKernel(new { encoding = "iqp", n_qubits = 2 });

        var calls = new (string Name, Func<HttpClient, Task<HttpResponseMessage>> Send)[]
        {
            ("get", c => c.GetAsync($"/v1/kernels/{id}")),
            ("evaluate", c => c.PostAsJsonAsync($"/v1/kernels/{id}/evaluate", new { x = Rows[0], z = Rows[1] })),
            ("matrix", c => c.PostAsJsonAsync($"/v1/kernels/{id}/matrix", new { x = Rows })),
            ("cross matrix", c => c.PostAsJsonAsync($"/v1/kernels/{id}/matrix", new { x = Rows, z = Rows })),
        };
        foreach (var (name, send) in calls)
        {
            var own = await send(a);
            Assert.True(own.StatusCode == HttpStatusCode.OK, $"{name} by the owner: {(int)own.StatusCode}");
            var other = await send(b);
            Assert.True(other.StatusCode == HttpStatusCode.NotFound, $"{name} by another organisation: {(int)other.StatusCode}");
            var text = await other.Content.ReadAsStringAsync();
            Assert.DoesNotContain("matrix\":", text, StringComparison.Ordinal);
            Assert.DoesNotContain("org-a", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Api_key_of_another_organisation_gets_404()
    {
        using var a = _factory.KeyClient("org-a");
        using var b = _factory.KeyClient("org-b");
        var id = await a.CreateKernel(new { encoding = "angle", n_qubits = 2 });
        Assert.Equal(HttpStatusCode.OK, (await a.GetAsync($"/v1/kernels/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync($"/v1/kernels/{id}")).StatusCode);
    }

    [Fact]
    public async Task Organisation_names_compare_exactly()
    {
        using var a = _factory.Client("Org-A");
        using var b = _factory.Client("org-a");
        var id = await a.CreateKernel(new { encoding = "angle", n_qubits = 2 });
        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync($"/v1/kernels/{id}")).StatusCode);
    }

    [Fact]
    public async Task Without_auth_every_request_is_the_local_organisation()
    {
        using var factory = new ServerFactory();
        using var client = factory.Api();
        var body = await (await client.GetAsync("/v1/budget")).Json();
        Assert.Equal("local", body.GetProperty("organisation").GetString());
    }
}
