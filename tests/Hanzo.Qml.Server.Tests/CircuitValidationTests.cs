using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Hosting;

namespace Hanzo.Qml.Server.Tests;

public abstract class CircuitValidationTests(DatabaseKind kind) : ServerTestBase(kind)
{

    private static async Task<string> AssertProblem(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.BadRequest)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Json();
        Assert.Equal((int)status, body.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("title").GetString()));
        return body.GetProperty("detail").GetString()!;
    }

    private static string Qasm(string body, int qubits = 2) => $"OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[{qubits}];\n{body}";

    private static string Repeat(string line, int times) => string.Concat(Enumerable.Repeat(line, times));

    private async Task<string> Create(object body)
    {
        var response = await Client.PostAsJsonAsync("/v1/circuits", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Json()).GetProperty("id").GetString()!;
    }

    [SkippableTheory]
    [InlineData("{\"n_qubits\":3,\"encoding\":\"qft\"}", "allowed names: angle, amplitude, iqp, zz, pauli")]
    [InlineData("{\"n_qubits\":3,\"ansatz\":\"qaoa\"}", "allowed names: hardware_efficient, strongly_entangling, basic_entangler")]
    [InlineData("{\"n_qubits\":3}", "needs an \"encoding\"")]
    [InlineData("{\"encoding\":\"angle\"}", "\"n_qubits\" is required")]
    [InlineData("{\"n_qubits\":0,\"encoding\":\"angle\"}", "allowed: 1 to 20")]
    [InlineData("{\"n_qubits\":21,\"encoding\":\"angle\"}", "allowed: 1 to 20")]
    [InlineData("{\"n_qubits\":3,\"ansatz\":\"basic_entangler\",\"layers\":0}", "\"layers\" is 0; allowed: 1 to 1000")]
    [InlineData("{\"n_qubits\":3,\"encoding\":\"angle\",\"layers\":2}", "\"layers\" is set but \"ansatz\" is not")]
    [InlineData("{\"n_qubits\":3,\"encoding\":\"iqp\",\"encoding_options\":{\"reps\":0}}", "\"encoding_options.reps\" is 0; allowed: 1 to 64")]
    [InlineData("{\"n_qubits\":3,\"encoding\":\"angle\",\"encoding_options\":{\"rotation\":\"w\"}}", "allowed: x, y, z")]
    [InlineData("{\"n_qubits\":3,\"encoding\":\"zz\",\"encoding_options\":{\"entanglement\":\"ring\"}}", "allowed: linear, circular, full")]
    [InlineData("{\"n_qubits\":2,\"encoding\":\"pauli\",\"encoding_options\":{\"paulis\":[\"Q\"]}}", "only X, Y and Z are allowed")]
    [InlineData("{\"n_qubits\":20,\"encoding\":\"pauli\",\"encoding_options\":{\"paulis\":[\"ZZZZZZZZZZ\"],\"reps\":64}}", "limits.max_gates")]
    [InlineData("{\"n_qubits\":2,\"encoding\":\"amplitude\",\"encoding_options\":{\"num_features\":100}}", "")]
    [InlineData("{\"n_qubits\":3,\"encoding\":\"angle\",\"observables\":[\"Z3\"]}", "names wire 3, but the circuit has 3 qubits (wires 0 to 2)")]
    [InlineData("{\"n_qubits\":3,\"encoding\":\"angle\",\"observables\":[\"Q0\"]}", "expected a Pauli letter")]
    [InlineData("{\"n_qubits\":3,\"encoding\":\"angle\",\"observables\":[\"Z99999999999\"]}", "observables[0]")]
    [InlineData("{\"n_qubits\":3,\"encoding\":\"angle\",\"observables\":[\"\"]}", "\"observables[0]\" is empty")]
    [InlineData("{\"n_qubits\":3,\"encoding\":\"angle\",\"qasm\":\"OPENQASM 2.0;\"}", "either \"qasm\" or the structural fields")]
    [InlineData("{\"n_qubits\":\"3\",\"encoding\":\"angle\"}", "Malformed JSON")]
    [InlineData("{\"n_qubits\":99999999999,\"encoding\":\"angle\"}", "Malformed JSON")]
    [InlineData("{\"n_qubits\":3,", "Malformed JSON")]
    [InlineData("null", "JSON object")]
    [InlineData("{\"n_qubits\":3,\"ansatz\":\"basic_entangler\",\"layer\":4}", "'layer' could not be mapped")]
    [InlineData("{\"n_qubits\":3,\"encoding\":\"iqp\",\"encoding_options\":{\"repetitions\":4}}", "'repetitions' could not be mapped")]
    public async Task Bad_structural_definitions_are_400_problems(string json, string expected)
    {
        var detail = await AssertProblem(await Client.PostRaw("/v1/circuits", json));
        Assert.Contains(expected, detail, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData("h q[0];\nfoo q[1];\n", "line 5, column 1: unknown gate 'foo'")]
    [InlineData("h q[0]\ncx q[0],q[1];\n", "line 4, column 7: missing ';'")]
    [InlineData("h q[2];\n", "line 4")]
    [InlineData("reset q[0];\n", "'reset' is not supported")]
    public async Task Bad_qasm_is_a_400_with_line_and_column(string body, string expected)
    {
        var detail = await AssertProblem(await Client.PostAsJsonAsync("/v1/circuits", new { qasm = Qasm(body) }));
        Assert.Contains(expected, detail, StringComparison.Ordinal);
        Assert.Contains("column", detail, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Qasm_beyond_the_qubit_depth_and_gate_limits_is_refused()
    {
        var qubits = await AssertProblem(await Client.PostAsJsonAsync("/v1/circuits", new { qasm = Qasm("h q;\n", 25) }));
        Assert.Contains("25 qubits", qubits, StringComparison.Ordinal);
        Assert.Contains("allowed: 1 to 20", qubits, StringComparison.Ordinal);
        var huge = await AssertProblem(await Client.PostAsJsonAsync("/v1/circuits", new { qasm = Qasm("h q;\n", 2_000_000_000) }));
        Assert.Contains("2000000000 qubits", huge, StringComparison.Ordinal);

        var deep = await AssertProblem(await Client.PostAsJsonAsync("/v1/circuits", new { qasm = Qasm(Repeat("h q[0];\n", 2001)) }));
        Assert.Contains("depth 2001", deep, StringComparison.Ordinal);
        Assert.Contains("at most 2000", deep, StringComparison.Ordinal);

        var wide = await AssertProblem(await Client.PostAsJsonAsync("/v1/circuits", new { qasm = Qasm(Repeat("h q;\n", 1001), 20) }));
        Assert.Contains("20020 gates", wide, StringComparison.Ordinal);
        Assert.Contains("at most 20000", wide, StringComparison.Ordinal);

        var tooLong = await AssertProblem(await Client.PostAsJsonAsync("/v1/circuits", new { qasm = Qasm(Repeat("// padding padding padding\n", 50_000)) }), HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("characters", tooLong, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Execute_errors_say_what_was_expected()
    {
        var id = await Create(new { n_qubits = 3, encoding = "angle", ansatz = "basic_entangler", layers = 2, observables = new[] { "Z0" } });
        double[] w = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6];
        double[] x = [0.1, 0.2, 0.3];
        var url = $"/v1/circuits/{id}/execute";

        async Task Expect(object body, string expected, HttpStatusCode status = HttpStatusCode.BadRequest) =>
            Assert.Contains(expected, await AssertProblem(await Client.PostAsJsonAsync(url, body), status), StringComparison.Ordinal);

        await Expect(new { weights = new[] { 0.1, 0.2, 0.3 }, features = x }, "\"weights\" has 3 value(s); this circuit takes exactly 6 weight(s)");
        await Expect(new { features = x }, "\"weights\" is required: this circuit takes exactly 6 weight(s)");
        await Expect(new { weights = w, features = new[] { 0.1 } }, "\"features\" has 1 value(s); this circuit takes exactly 3 feature(s)");
        await Expect(new { weights = w }, "\"features\" is required");
        await Expect(new { weights = new double[100_000], features = x }, "has 100000 value(s)");
        await Expect(new { weights = w, features = x, shots = -5 }, "\"shots\" is -5; allowed: 1 to 1000000");
        await Expect(new { weights = w, features = x, shots = 0 }, "\"shots\" is 0");
        await Expect(new { weights = w, features = x, shots = 2_000_000 }, "at most 1000000", HttpStatusCode.RequestEntityTooLarge);
        await Expect(new { weights = w, features = x, backend = "ibmq" }, "Unknown backend \"ibmq\"; allowed: statevector");
        await Expect(new { weights = w, features = x, observables = new[] { "Z5" } }, "names wire 5");
        await Expect(new { weights = w, features = x, observables = Enumerable.Repeat("Z0", 300).ToArray() }, "at most 256", HttpStatusCode.RequestEntityTooLarge);
        await Expect(new { weights = w, features = x, observables = Array.Empty<string>() }, "Nothing to compute");
        await Expect(new { weights = w, features = x, batch = new[] { x } }, "either \"features\"");
        await Expect(new { weights = w, batch = Array.Empty<double[]>() }, "\"batch\" is empty");
        await Expect(new { weights = w, batch = new[] { x, new[] { 0.1 } } }, "\"batch[1]\" has 1 value(s)");
        await Expect(new { weights = w, batch = Enumerable.Repeat(x, 2001).ToArray() }, "at most 2000", HttpStatusCode.RequestEntityTooLarge);

        async Task ExpectRaw(string json, string expected) =>
            Assert.Contains(expected, await AssertProblem(await Client.PostRaw(url, json)), StringComparison.Ordinal);

        await ExpectRaw("{\"weights\":[0.1,\"NaN\",0.3,0.4,0.5,0.6],\"features\":[0.1,0.2,0.3]}", "Malformed JSON");
        await ExpectRaw("{\"weights\":[0.1,NaN,0.3,0.4,0.5,0.6],\"features\":[0.1,0.2,0.3]}", "Malformed JSON");
        await ExpectRaw("{\"weights\":[0.1,0.2,0.3,0.4,0.5,0.6],\"features\":[0.1,\"0.2\",0.3]}", "Malformed JSON");
        await ExpectRaw("{\"weights\":[0.1,0.2,0.3,0.4,0.5,0.6],\"features\":[0.1,1e400,0.3]}", "\"features\"[1] is not a finite number");
        await ExpectRaw("{\"weights\":[0.1,0.2,0.3,0.4,0.5,0.6],\"features\":[0.1,0.2,0.3],\"shots\":\"10\"}", "Malformed JSON");
        await ExpectRaw("{\"weights\":[0.1,0.2,0.3,0.4,0.5,0.6],\"features\":[0.1,0.2,0.3],\"probs\":\"yes\"}", "Malformed JSON");
        await ExpectRaw("{\"weights\":[0.1,0.2,0.3,0.4,0.5,0.6],\"features\":[0.1,0.2,0.3],\"shot\":10}", "'shot' could not be mapped");
    }

    [SkippableFact]
    public async Task State_and_probs_are_bounded_by_register_size()
    {
        var id = await Create(new { n_qubits = 17, encoding = "angle" });
        var x = new double[17];
        var state = await AssertProblem(await Client.PostAsJsonAsync($"/v1/circuits/{id}/execute", new { features = x, state = true }), HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("at most 16 qubits", state, StringComparison.Ordinal);
        var probs = await AssertProblem(await Client.PostAsJsonAsync($"/v1/circuits/{id}/execute", new { features = x, probs = true }), HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("\"probs\"", probs, StringComparison.Ordinal);

        // 17 rows of 2^16 probabilities exceed the 2^20 values one response may carry.
        var wide = await Create(new { n_qubits = 16, encoding = "angle" });
        var rows = Enumerable.Repeat(new double[16], 17).ToArray();
        var batch = await AssertProblem(await Client.PostAsJsonAsync($"/v1/circuits/{wide}/execute", new { batch = rows, probs = true }), HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("Send fewer batch rows", batch, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Gradient_errors_say_what_is_allowed()
    {
        var id = await Create(new { n_qubits = 2, encoding = "angle", ansatz = "basic_entangler" });
        var url = $"/v1/circuits/{id}/gradient";
        double[] w = [0.1, 0.2];
        double[] x = [0.3, 0.4];

        async Task Expect(object body, string expected) =>
            Assert.Contains(expected, await AssertProblem(await Client.PostAsJsonAsync(url, body)), StringComparison.Ordinal);

        await Expect(new { weights = w, features = x }, "\"observable\" is required");
        await Expect(new { weights = w, features = x, observable = "Z0", method = "backprop" }, "allowed: adjoint, parameter-shift");
        await Expect(new { weights = w, features = x, observable = "Z0", wrt = "angles" }, "allowed: weights, features, both");
        await Expect(new { weights = new[] { 0.1 }, features = x, observable = "Z0" }, "exactly 2 weight(s)");
        await Expect(new { weights = w, features = x, observable = "Z7" }, "names wire 7");

        var amplitude = await Create(new { n_qubits = 2, encoding = "amplitude" });
        var detail = await AssertProblem(await Client.PostAsJsonAsync($"/v1/circuits/{amplitude}/gradient",
            new { features = new[] { 0.1, 0.2, 0.3, 0.4 }, observable = "Z0", method = "parameter-shift", wrt = "features" }));
        Assert.Contains("adjoint", detail, StringComparison.Ordinal);
        var zeros = await AssertProblem(await Client.PostAsJsonAsync($"/v1/circuits/{amplitude}/execute",
            new { features = new[] { 0.0, 0.0, 0.0, 0.0 }, observables = new[] { "Z0" } }));
        Assert.Contains("all zeros", zeros, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData("GET", "/v1/circuits/c_nope")]
    [InlineData("POST", "/v1/circuits/c_nope/execute")]
    [InlineData("POST", "/v1/circuits/c_nope/gradient")]
    public async Task Unknown_circuits_are_404_problems(string method, string url)
    {
        var response = method == "GET" ? await Client.GetAsync(url) : await Client.PostRaw(url, "{}");
        Assert.Contains("No circuit with id \"c_nope\"", await AssertProblem(response, HttpStatusCode.NotFound), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Bodies_over_the_request_limit_are_413()
    {
        using var small = Factory.WithWebHostBuilder(b => b.UseSetting("Limits:MaxRequestBytes", "1000"));
        using var client = small.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://localhost:8072") });
        var json = "{\"qasm\":\"" + new string(' ', 2000) + "\"}";
        var detail = await AssertProblem(await client.PostAsync("/v1/circuits", new StringContent(json, Encoding.UTF8, "application/json")), HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("limits.max_request_bytes", detail, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Requests_over_the_work_bound_are_413_and_smaller_ones_run()
    {
        using var bounded = Factory.WithWebHostBuilder(b => b.UseSetting("Limits:MaxWorkPerRequest", "100000"));
        using var client = bounded.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://localhost:8072") });
        // 6 qubits, angle encoding + 2 strongly entangling layers: 6 + 2 × (6 + 6) = 30 gates, × 64 amplitudes = 1 920 a run.
        var created = await client.PostAsJsonAsync("/v1/circuits", new { n_qubits = 6, encoding = "angle", ansatz = "strongly_entangling", layers = 2, observables = new[] { "Z0" } });
        var id = (await created.Json()).GetProperty("id").GetString()!;
        var weights = new double[36];
        var row = new double[6];
        var small = await client.PostAsJsonAsync($"/v1/circuits/{id}/execute", new { weights, batch = Enumerable.Repeat(row, 10).ToArray() });
        Assert.Equal(HttpStatusCode.OK, small.StatusCode);
        var large = await client.PostAsJsonAsync($"/v1/circuits/{id}/execute", new { weights, batch = Enumerable.Repeat(row, 1000).ToArray() });
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, large.StatusCode);
        Assert.Contains("limits.max_work_per_request", (await large.Json()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        var shift = await client.PostAsJsonAsync($"/v1/circuits/{id}/gradient", new { weights, features = row, method = "parameter-shift" });
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, shift.StatusCode);
        var adjoint = await client.PostAsJsonAsync($"/v1/circuits/{id}/gradient", new { weights, features = row, method = "adjoint" });
        Assert.Equal(HttpStatusCode.OK, adjoint.StatusCode);
    }
}

public sealed class CircuitValidationTestsOnSqlite() : CircuitValidationTests(DatabaseKind.Sqlite);

public sealed class CircuitValidationTestsOnPostgres() : CircuitValidationTests(DatabaseKind.Postgres);
