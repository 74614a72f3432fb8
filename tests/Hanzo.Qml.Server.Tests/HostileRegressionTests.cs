using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace Hanzo.Qml.Server.Tests;

/// <summary>
/// The requests the hostile properties found to crash, hang or fail the server with a 500, each pinned as a test: a
/// stack overflow in the OpenQASM importer, an out-of-memory Pauli kernel, quadratic observable parsing, 500s for
/// non-finite results and for a dense random graph, and a 400 without a detail.
/// </summary>
public sealed class HostileRegressionTests(HostileServer server) : IClassFixture<HostileServer>
{
    private HttpClient Client => server.Client;

    private async Task<JsonElement> Problem(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {text[..Math.Min(text.Length, 800)]}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/v1/health")).StatusCode);
        return problem;
    }

    private Task<HttpResponseMessage> Post(string path, object body) => Client.PostRaw(server.Expand(path), JsonSerializer.Serialize(body));

    private Task<HttpResponseMessage> Qasm(string source) => Post("/v1/circuits", new { qasm = source });

    [Theory]
    [InlineData("parens", 300_000, false)]
    [InlineData("minus", 300_000, false)]
    [InlineData("sum", 300_000, false)]
    [InlineData("product", 300_000, false)]
    [InlineData("power", 300_000, false)]
    [InlineData("call", 100_000, false)]
    [InlineData("sum", 300_000, true)]
    [InlineData("parens", 300_000, true)]
    public async Task Deeply_nested_qasm_angles_are_400_not_a_stack_overflow(string kind, int depth, bool inGate)
    {
        // Before the fix each of these killed the process (recursive parse or evaluation, one frame per level).
        var expression = HostileQasm.Expression(kind, depth);
        var source = inGate
            ? $"OPENQASM 2.0;\nqreg q[1];\ngate g(t) a {{ U({expression.Replace("1", "t", StringComparison.Ordinal)},0,0) a; }}\ng(0.5) q[0];"
            : $"OPENQASM 2.0;\nqreg q[1];\nU({expression},0,0) q[0];";
        var problem = await Problem(await Qasm(source), HttpStatusCode.BadRequest);
        Assert.Contains("nests more than 256 levels", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("parens")]
    [InlineData("sum")]
    [InlineData("call")]
    public async Task Angles_nested_within_the_bound_still_import(string kind)
    {
        var response = await Qasm($"OPENQASM 2.0;\nqreg q[1];\nU({HostileQasm.Expression(kind, 100)},0,0) q[0];");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task A_30000_deep_chain_of_user_gates_is_400_not_a_stack_overflow()
    {
        var problem = await Problem(await Qasm(HostileQasm.Nested(30_000, 1)), HttpStatusCode.BadRequest);
        Assert.Contains("nests user gates 129 deep", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, (await Qasm(HostileQasm.Nested(100, 1))).StatusCode);
    }

    [Theory]
    [InlineData("nested")]
    [InlineData("broadcast")]
    public async Task A_short_program_that_expands_to_millions_of_gates_stops_at_the_gate_limit(string form)
    {
        // Before: 4 million operations (1.3 GB allocated, 4 s) were built and only then compared with limits.max_gates.
        var source = form == "nested"
            ? HostileQasm.Nested(12, 4)
            : "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[20];\n" + string.Concat(Enumerable.Repeat("h q;\n", 200_000));
        var problem = await Problem(await Qasm(source), HttpStatusCode.BadRequest);
        // The parser stopped at 4 × limits.max_gates (80000), not at its own default of 4 Mi operations.
        Assert.Contains("80000 operations", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_300000_term_observable_parses_in_linear_time()
    {
        // Before: every '+' trimmed the whole prefix, about 10^11 character copies for this one string.
        var observable = string.Concat(Enumerable.Repeat("Z0+", 300_000)) + "Z0";
        var clock = Stopwatch.StartNew();
        var response = await Post("/v1/circuits", new { n_qubits = 1, encoding = "angle", observables = new[] { observable } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
    }

    [Theory]
    [InlineData("/v1/kernels/{kernel}/evaluate", "{\"x\":[-2.23,0.06,0.63],\"z\":[1e308,1e308,1e308]}", "Features out of range")]
    [InlineData("/v1/kernels/{kernel}/matrix", "{\"x\":[[1e308,1e308,1e308],[0.1,0.2,0.3]]}", "Features out of range")]
    [InlineData("/v1/circuits/{zz_circuit}/execute", "{\"weights\":[0,0,0,0,0,0],\"features\":[1e308,1e308],\"probs\":true,\"shots\":10}", "Inputs out of range")]
    [InlineData("/v1/circuits/{zz_circuit}/execute", "{\"weights\":[0,0,0,0,0,0],\"batch\":[[0.1,0.2],[1e308,1e308]],\"observables\":[\"Z0\"]}", "Inputs out of range")]
    [InlineData("/v1/circuits/{zz_circuit}/gradient", "{\"weights\":[0,0,0,0,0,0],\"features\":[1e308,1e308],\"wrt\":\"both\"}", "Inputs out of range")]
    [InlineData("/v1/circuits/{circuit}/execute", "{\"weights\":[0,0,0,0,0,0],\"features\":[0,0],\"observables\":[\"1e308 Z0 + 1e308 Z0\"]}", "Inputs out of range")]
    [InlineData("/v1/circuits/{circuit}/gradient", "{\"weights\":[0,0,0,0,0,0],\"features\":[0,0],\"observable\":\"1e308 Z0 + 1e308 Z0\"}", "Inputs out of range")]
    [InlineData("/v1/models/{trained}/predict", "{\"x\":[[0.3,0.3],[1e308,-1e300]]}", "Features out of range")]
    [InlineData("/v1/models/{trained_vqc}/predict", "{\"x\":[[1e308,-1e300]]}", "Features out of range")]
    [InlineData("/v1/models/{trained_vqr}/predict", "{\"x\":[[0.3,0.3],[1e308,-1e300]]}", "Features out of range")]
    public async Task Finite_but_huge_inputs_that_overflow_are_400_not_500(string path, string body, string title)
    {
        // Before: NaN or infinity reached the JSON writer (500), or the library's refusal of them went unhandled (500).
        var problem = await Problem(await Client.PostRaw(server.Expand(path), body), HttpStatusCode.BadRequest);
        Assert.Equal(title, problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_dense_random_graph_the_generator_cannot_draw_is_400_not_500()
    {
        var problem = await Problem(await Client.PostRaw("/v1/qaoa", "{\"graph\":\"random:20:19\",\"p\":2}"), HttpStatusCode.BadRequest);
        Assert.Equal("Invalid graph", problem.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("{\"encoding\":\"pauli\",\"n_qubits\":20,\"paulis\":[\"ZZZZZZZZZZ\"],\"reps\":64}", "limits.max_gates")]
    [InlineData("{\"encoding\":\"pauli\",\"n_qubits\":20,\"paulis\":[\"ZZZZZZZZZZ\",\"XXXXXXXXXX\"],\"reps\":1}", "limits.max_gates")]
    [InlineData("{\"encoding\":\"pauli\",\"n_qubits\":4,\"paulis\":[\"Z\",\"Z\",\"Z\",\"Z\",\"Z\",\"Z\",\"Z\",\"Z\",\"Z\",\"Z\",\"Z\",\"Z\",\"Z\",\"Z\",\"Z\",\"Z\",\"Z\"]}", "at most 16")]
    public async Task A_pauli_kernel_over_the_gate_limit_is_refused_when_created(string body, string expected)
    {
        // Before: created (201); its first evaluate expanded 12 million Pauli blocks and the process was killed for memory.
        var problem = await Problem(await Client.PostRaw("/v1/kernels", body), HttpStatusCode.BadRequest);
        Assert.Contains(expected, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/v1/jobs?limit=abc")]
    [InlineData("/v1/jobs?limit=%20")]
    [InlineData("/v1/jobs?limit=2147483648")]
    public async Task A_query_parameter_that_does_not_bind_is_a_400_problem_with_a_detail(string path)
    {
        // Before: the 400 problem document had no detail (Problem asserts there is one now).
        var problem = await Problem(await Client.GetAsync(path), HttpStatusCode.BadRequest);
        Assert.Contains("query parameter", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
