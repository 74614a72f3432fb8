using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Hanzo.Qml.Server.Tests;

/// <summary>
/// One server per hostile test class, with the objects the routes act on created up front (a kernel, two circuits, an
/// untrained and a trained model, a benchmark, a job). <see cref="SendAsync"/> sends a generated request and checks
/// the invariants: never a 5xx, every 4xx a problem document with a detail, jobs that were accepted get cancelled, and
/// the server still answers /v1/health.
/// </summary>
public sealed class HostileServer : IAsyncLifetime
{
    /// <summary>A request slower than this counts as a hang (generous: the runner may share two cores with other builds).</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(60);

    private readonly Dictionary<string, string> _ids = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _jobs = new();
    private ServerFactory? _factory;
    private HttpClient? _client;
    private int _requests;

    public HttpClient Client => _client ?? throw new InvalidOperationException("The server has not started.");

    /// <summary>Requests sent so far, health checks and cancellations included.</summary>
    public int Requests => _requests;

    /// <summary>Weights and features of the structural circuit <c>{circuit}</c>.</summary>
    public int CircuitWeights { get; private set; }

    public int CircuitFeatures { get; private set; }

    /// <summary>Ids of the jobs the generated requests started (all were asked to cancel at once).</summary>
    public IReadOnlyCollection<string> Jobs => _jobs;

    public async Task InitializeAsync()
    {
        // Thousands of refused requests would flood the test output at the default level; warnings (and 5xx errors) stay.
        _factory = new ServerFactory().With("Logging:Level", "warning");
        _client = _factory.Api();
        _client.Timeout = RequestTimeout;
        _ids["kernel"] = await Client.CreateKernel(new { encoding = "iqp", n_qubits = 3 });

        var circuit = await Created("/v1/circuits", new { n_qubits = 2, encoding = "angle", ansatz = "hardware_efficient", layers = 1, observables = new[] { "Z0" } });
        _ids["circuit"] = circuit.GetProperty("id").GetString()!;
        CircuitWeights = circuit.GetProperty("n_weights").GetInt32();
        CircuitFeatures = circuit.GetProperty("n_features").GetInt32();
        // Same shape, but the ZZ encoding multiplies features: huge ones overflow its angles.
        var zz = await Created("/v1/circuits", new { n_qubits = 2, encoding = "zz", ansatz = "hardware_efficient", layers = 1, observables = new[] { "Z0" } });
        Assert.Equal((CircuitWeights, CircuitFeatures), (zz.GetProperty("n_weights").GetInt32(), zz.GetProperty("n_features").GetInt32()));
        _ids["zz_circuit"] = zz.GetProperty("id").GetString()!;
        var qasm = await Created("/v1/circuits", new { qasm = "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[2];\nh q[0];\ncx q[0],q[1];" });
        _ids["qasm_circuit"] = qasm.GetProperty("id").GetString()!;

        _ids["model"] = (await Created("/v1/models", new { type = "vqc", n_qubits = 2, n_layers = 1, epochs = 1 })).GetProperty("id").GetString()!;
        var x = new[] { new[] { 0.1, 0.2 }, new[] { 0.9, 0.8 }, new[] { 0.2, 0.1 }, new[] { 0.8, 0.9 }, new[] { 0.15, 0.25 }, new[] { 0.85, 0.75 } };
        _ids["trained"] = await Trained(new { type = "qsvm", n_qubits = 2 }, new { x, y = new[] { "a", "b", "a", "b", "a", "b" } });
        _ids["trained_vqc"] = await Trained(new { type = "vqc", n_qubits = 2, n_layers = 1, epochs = 1 }, new { x, y = new[] { "a", "b", "a", "b", "a", "b" } });
        _ids["trained_vqr"] = await Trained(new { type = "vqr", n_qubits = 2, n_layers = 1, epochs = 1 }, new { x, y = new[] { 1.0, 2.0, 1.0, 2.0, 1.0, 2.0 }, task = "regression" });

        var benchmark = await Client.PostAsJsonAsync("/v1/benchmark", new { dataset = "iris", folds = 3, repeats = 1, baselines = new[] { "logreg" } });
        var b = await benchmark.Json();
        Assert.True(benchmark.StatusCode == HttpStatusCode.Accepted, $"benchmark: {(int)benchmark.StatusCode} {b}");
        _ids["benchmark"] = b.GetProperty("id").GetString()!;
        _ids["job"] = b.GetProperty("job").GetProperty("id").GetString()!;
        await Client.PostAsync($"/v1/jobs/{_ids["job"]}/cancel", null);
    }

    /// <summary>Creates a model, trains it on inline data and waits for the job to succeed.</summary>
    private async Task<string> Trained(object spec, object data)
    {
        var id = (await Created("/v1/models", spec)).GetProperty("id").GetString()!;
        var train = await Client.PostAsJsonAsync($"/v1/models/{id}/train", new { data });
        Assert.Equal(HttpStatusCode.Accepted, train.StatusCode);
        var job = await Client.UntilFinal($"/v1/jobs/{(await train.Json()).GetProperty("id").GetString()}", 60);
        Assert.True(job.GetProperty("status").GetString() == "succeeded", $"training {spec}: {job}");
        return id;
    }

    private async Task<JsonElement> Created(string path, object body)
    {
        var response = await Client.PostAsJsonAsync(path, body);
        var json = await response.Json();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{path}: {(int)response.StatusCode} {json}");
        return json;
    }

    public Task DisposeAsync()
    {
        _client?.Dispose();
        _factory?.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>The path with every <c>{name}</c> placeholder replaced by the id created for it.</summary>
    public string Expand(string path)
    {
        foreach (var (name, id) in _ids) path = path.Replace("{" + name + "}", id, StringComparison.Ordinal);
        return path;
    }

    /// <summary>Sends <paramref name="request"/> and asserts the invariants; the assertion messages carry the request. Returns the status.</summary>
    public async Task<int> SendAsync(HostileRequest request)
    {
        var path = Expand(request.Path);
        var clock = Stopwatch.StartNew();
        HttpResponseMessage response;
        string text;
        try
        {
            using var message = new HttpRequestMessage(new HttpMethod(request.Method), path);
            if (request.Body is not null)
            {
                message.Content = new ByteArrayContent(request.Body);
                if (request.ContentType is not null) message.Content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
            }
            response = await Client.SendAsync(message);
            text = await response.Content.ReadAsStringAsync();
        }
        catch (Exception e)
        {
            throw new HostileFailure($"the request failed after {clock.ElapsedMilliseconds} ms with {e.GetType().Name}: {e.Message}", request, e);
        }
        Interlocked.Increment(ref _requests);
        int status = (int)response.StatusCode;
        using (response)
        {
            // 501 is the documented answer for model types on the roadmap (qbm, qgan), not a server fault.
            bool plannedModel = status == 501 && request.Method == "POST" && path.TrimEnd('/') == "/v1/models";
            if (status >= 500 && !plannedModel) throw new HostileFailure($"status {status}: {Cut(text)}", request);
            if (status is >= 400 and < 600 && request.Method != "HEAD") CheckProblem(request, response, text, status);
            if (status == 202) await CancelJob(request, text);
        }
        await CheckHealth(request);
        return status;
    }

    private static void CheckProblem(HostileRequest request, HttpResponseMessage response, string text, int status)
    {
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (mediaType != "application/problem+json")
            throw new HostileFailure($"status {status} with content type {mediaType ?? "none"} instead of application/problem+json: {Cut(text)}", request);
        JsonElement problem;
        try
        {
            problem = JsonDocument.Parse(text).RootElement;
        }
        catch (JsonException e)
        {
            throw new HostileFailure($"status {status} with a problem document that is not JSON ({e.Message}): {Cut(text)}", request);
        }
        if (!problem.TryGetProperty("detail", out var detail) || detail.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(detail.GetString()))
            throw new HostileFailure($"status {status} with a problem document without a detail: {Cut(text)}", request);
        if (!problem.TryGetProperty("status", out var s) || s.ValueKind != JsonValueKind.Number || s.GetInt32() != status)
            throw new HostileFailure($"status {status} but the problem document says otherwise: {Cut(text)}", request);
    }

    private async Task CancelJob(HostileRequest request, string text)
    {
        var accepted = JsonDocument.Parse(text).RootElement;
        // Benchmarks answer with the benchmark (its job inside); the other job routes with the job itself.
        var id = (accepted.TryGetProperty("job", out var job) ? job : accepted).GetProperty("id").GetString()
            ?? throw new HostileFailure($"202 without a job id: {Cut(text)}", request);
        _jobs.Enqueue(id);
        var cancel = await Client.PostAsync($"/v1/jobs/{id}/cancel", null);
        Interlocked.Increment(ref _requests);
        if (cancel.StatusCode != HttpStatusCode.OK)
            throw new HostileFailure($"cancelling job {id} gave {(int)cancel.StatusCode}: {Cut(await cancel.Content.ReadAsStringAsync())}", request);
    }

    private async Task CheckHealth(HostileRequest after)
    {
        var health = await Client.GetAsync("/v1/health");
        Interlocked.Increment(ref _requests);
        if (health.StatusCode != HttpStatusCode.OK || (await health.Json()).GetProperty("status").GetString() != "ok")
            throw new HostileFailure($"/v1/health answered {(int)health.StatusCode} afterwards", after);
    }

    /// <summary>
    /// Waits for a sample of the started jobs (every one when there are at most <paramref name="sample"/>) to reach a
    /// final state; a cancelled or failed job must say why.
    /// </summary>
    public async Task<int> AssertJobsSettle(int sample, TimeSpan timeout)
    {
        var all = _jobs.ToArray();
        var chosen = all.Length <= sample ? all : [.. Enumerable.Range(0, sample).Select(i => all[i * all.Length / sample])];
        foreach (var id in chosen)
        {
            var job = await Client.UntilFinal($"/v1/jobs/{id}", timeout.TotalSeconds);
            var status = job.GetProperty("status").GetString();
            if (status is "cancelled" or "failed")
                Assert.False(string.IsNullOrWhiteSpace(job.GetProperty("error").GetString()), $"job {id} is {status} without a reason: {job}");
        }
        return chosen.Length;
    }

    private static string Cut(string s) => s.Length <= 1000 ? s : s[..1000] + $"… ({s.Length} chars)";
}

/// <summary>A broken invariant, with the request that broke it.</summary>
public sealed class HostileFailure(string problem, HostileRequest request, Exception? inner = null)
    : Exception($"{problem}\n  request: {request}", inner);
