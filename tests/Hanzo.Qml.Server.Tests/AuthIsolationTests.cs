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
    public async Task Every_kind_of_stored_object_is_invisible_to_another_organisation()
    {
        using var a = _factory.Client("org-a");
        using var b = _factory.Client("org-b");
        async Task<string> Id(HttpResponseMessage r)
        {
            Assert.True(r.IsSuccessStatusCode, await r.Content.ReadAsStringAsync());
            return (await r.Json()).GetProperty("id").GetString()!;
        }
        var kernel = await a.CreateKernel(new { encoding = "iqp", n_qubits = 2 });
        var matrixJob = await Id(await a.PostAsJsonAsync($"/v1/kernels/{kernel}/matrix", new { x = Rows, async = true }));
        var circuit = await Id(await a.PostAsJsonAsync("/v1/circuits", new { n_qubits = 2, encoding = "angle", observables = new[] { "Z0" } }));
        var model = await Id(await a.PostAsJsonAsync("/v1/models", new { type = "vqc", n_qubits = 2, epochs = 1 }));
        var trainJob = await Id(await a.PostAsJsonAsync($"/v1/models/{model}/train", new { data = new { x = new[] { new[] { 0.1, 0.2 }, [0.3, 0.4], [0.5, 0.1], [0.2, 0.9] }, y = new[] { 0, 1, 0, 1 } } }));
        var qaoa = await Id(await a.PostAsJsonAsync("/v1/qaoa", new { graph = "random:4:3", max_iter = 5 }));
        var benchmark = await Id(await a.PostAsJsonAsync("/v1/benchmark", new { dataset = "iris", n_qubits = 2, folds = 3, repeats = 1, baselines = new[] { "logreg" } }));
        foreach (var job in new[] { matrixJob, trainJob, qaoa }) await a.UntilFinal($"/v1/jobs/{job}");

        var reads = new (string Name, Func<HttpClient, Task<HttpResponseMessage>> Send)[]
        {
            ("stored matrix", c => c.GetAsync($"/v1/kernels/{kernel}/matrices/{matrixJob}")),
            ("circuit", c => c.GetAsync($"/v1/circuits/{circuit}")),
            ("circuit execute", c => c.PostAsJsonAsync($"/v1/circuits/{circuit}/execute", new { features = new[] { 0.1, 0.2 }, probs = true })),
            ("model", c => c.GetAsync($"/v1/models/{model}")),
            ("model export", c => c.GetAsync($"/v1/models/{model}/export")),
            ("model predict", c => c.PostAsJsonAsync($"/v1/models/{model}/predict", new { x = Rows })),
            ("job", c => c.GetAsync($"/v1/jobs/{trainJob}")),
            ("qaoa", c => c.GetAsync($"/v1/qaoa/{qaoa}")),
            ("benchmark", c => c.GetAsync($"/v1/benchmark/{benchmark}")),
            ("benchmark report", c => c.GetAsync($"/v1/benchmark/{benchmark}/report")),
        };
        foreach (var (name, send) in reads)
        {
            var own = await send(a);
            Assert.True(own.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"{name} by the owner: {(int)own.StatusCode}");
            var other = await send(b);
            Assert.True(other.StatusCode == HttpStatusCode.NotFound, $"{name} by another organisation: {(int)other.StatusCode}");
        }
        // Cancelling another organisation's job is a 404 too, and leaves it alone; its jobs are not listed.
        Assert.Equal(HttpStatusCode.NotFound, (await b.PostAsync($"/v1/jobs/{qaoa}/cancel", null)).StatusCode);
        var listed = await (await b.GetAsync("/v1/jobs")).Json();
        Assert.Equal(0, listed.GetProperty("jobs").GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, (await b.PostAsJsonAsync($"/v1/models/{model}/train", new { dataset = "iris" })).StatusCode);
    }

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
