using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hanzo.Qml.Ansatze;
using Hanzo.Qml.Circuits;
using Hanzo.Qml.Circuits.OpenQasm;
using Hanzo.Qml.Encodings;
using Hanzo.Qml.Gradients;
using Hanzo.Qml.Server.Storage;
using Hanzo.Qml.Simulation;
using Microsoft.Extensions.DependencyInjection;

namespace Hanzo.Qml.Server.Tests;

public abstract class CircuitRouteTests(DatabaseKind kind) : ServerTestBase(kind)
{

    internal const string Bell = "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[2];\ncreg c[2];\nh q[0];\ncx q[0],q[1];\nmeasure q -> c;\n";

    private static readonly object Structural = new
    {
        n_qubits = 4,
        encoding = "angle",
        ansatz = "strongly_entangling",
        layers = 2,
        observables = new[] { "Z0", "0.5 Z0 Z1 + X2" },
    };

    private static readonly double[] X = [0.1, -0.4, 0.9, 0.3];

    private static double[] W(int n) => [.. Enumerable.Range(0, n).Select(i => 0.1 * i - 0.7)];

    private static Circuit LibraryCircuit()
    {
        var builder = new CircuitBuilder(4);
        EncodingFactory.Create("angle", 4).AppendTo(builder);
        AnsatzFactory.Create("strongly_entangling", 4, 2).AppendTo(builder);
        return builder.Build();
    }

    private async Task<string> Create(object body)
    {
        var response = await Client.PostAsJsonAsync("/v1/circuits", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Json()).GetProperty("id").GetString()!;
    }

    private async Task<JsonElement> Post(string url, object body)
    {
        var response = await Client.PostAsJsonAsync(url, body);
        var json = await response.Json();
        Assert.True(response.StatusCode == HttpStatusCode.OK, json.ToString());
        return json;
    }

    [SkippableFact]
    public async Task Create_structural_returns_201_with_its_shape_and_get_returns_the_definition()
    {
        var response = await Client.PostAsJsonAsync("/v1/circuits", Structural);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Json();
        var id = body.GetProperty("id").GetString()!;
        Assert.StartsWith("c_", id, StringComparison.Ordinal);
        Assert.Equal($"/v1/circuits/{id}", response.Headers.Location?.OriginalString);
        var library = LibraryCircuit();
        Assert.Equal("structural", body.GetProperty("format").GetString());
        Assert.Equal(4, body.GetProperty("n_qubits").GetInt32());
        Assert.Equal(24, body.GetProperty("n_weights").GetInt32());
        Assert.Equal(4, body.GetProperty("n_features").GetInt32());
        Assert.Equal(library.Count, body.GetProperty("n_gates").GetInt32());
        Assert.InRange(body.GetProperty("depth").GetInt32(), 2, library.Count);
        Assert.Equal(["Z0", "0.5 Z0 Z1 + X2"], body.GetProperty("observables").Deserialize<string[]>()!);
        Assert.False(body.TryGetProperty("definition", out _));

        var again = await (await Client.GetAsync($"/v1/circuits/{id}")).Json();
        Assert.Equal(id, again.GetProperty("id").GetString());
        var definition = again.GetProperty("definition");
        Assert.Equal(4, definition.GetProperty("n_qubits").GetInt32());
        Assert.Equal("angle", definition.GetProperty("encoding").GetString());
        Assert.Equal("x", definition.GetProperty("encoding_options").GetProperty("rotation").GetString());
        Assert.Equal("strongly_entangling", definition.GetProperty("ansatz").GetString());
        Assert.Equal(2, definition.GetProperty("layers").GetInt32());
        Assert.False(definition.TryGetProperty("qasm", out _));
    }

    [SkippableFact]
    public async Task Depth_counts_layers_of_gates_on_disjoint_wires()
    {
        // h on both wires shares one layer, cx is the second, x on wire 1 the third.
        var body = await (await Client.PostAsJsonAsync("/v1/circuits", new { qasm = "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[2];\nh q;\ncx q[0],q[1];\nx q[1];\n" })).Json();
        Assert.Equal(3, body.GetProperty("depth").GetInt32());
        Assert.Equal(4, body.GetProperty("n_gates").GetInt32());
    }

    [SkippableFact]
    public async Task Execute_structural_equals_the_library_simulator()
    {
        var id = await Create(Structural);
        var w = W(24);
        var body = await Post($"/v1/circuits/{id}/execute", new { weights = w, features = X, probs = true, state = true });
        var circuit = LibraryCircuit();
        var sim = new StatevectorSimulator();
        Assert.Equal(sim.Expectation(circuit, Hamiltonian.Parse("Z0"), w, X), body.GetProperty("expvals").GetProperty("Z0").GetDouble(), 1e-12);
        Assert.Equal(sim.Expectation(circuit, Hamiltonian.Parse("0.5 Z0 Z1 + X2"), w, X), body.GetProperty("expvals").GetProperty("0.5 Z0 Z1 + X2").GetDouble(), 1e-12);
        using var sv = sim.Run(circuit, w, X);
        var probs = body.GetProperty("probs").Deserialize<double[]>()!;
        var expected = Measurements.Probabilities(sv);
        Assert.Equal(16, probs.Length);
        for (int i = 0; i < 16; i++) Assert.Equal(expected[i], probs[i], 1e-12);
        var re = body.GetProperty("state").GetProperty("re").Deserialize<double[]>()!;
        var im = body.GetProperty("state").GetProperty("im").Deserialize<double[]>()!;
        for (int i = 0; i < 16; i++)
        {
            Assert.Equal(sv[i].Real, re[i], 1e-12);
            Assert.Equal(sv[i].Imaginary, im[i], 1e-12);
        }
        Assert.False(body.TryGetProperty("samples", out _));
        Assert.Equal("statevector", body.GetProperty("backend").GetString());
    }

    [SkippableFact]
    public async Task Execute_bell_qasm_gives_the_bell_state()
    {
        var id = await Create(new { qasm = Bell, observables = new[] { "Z0 Z1" } });
        var body = await Post($"/v1/circuits/{id}/execute", new { probs = true, state = true, observables = new[] { "Z0 Z1", "Z0", "X0 X1" } });
        var probs = body.GetProperty("probs").Deserialize<double[]>()!;
        Assert.Equal(4, probs.Length);
        double[] bell = [0.5, 0, 0, 0.5];
        for (int i = 0; i < 4; i++) Assert.Equal(bell[i], probs[i], 1e-12);
        var re = body.GetProperty("state").GetProperty("re").Deserialize<double[]>()!;
        Assert.Equal(Math.Sqrt(0.5), re[0], 1e-12);
        Assert.Equal(Math.Sqrt(0.5), re[3], 1e-12);
        var expvals = body.GetProperty("expvals");
        Assert.Equal(1.0, expvals.GetProperty("Z0 Z1").GetDouble(), 1e-12);
        Assert.Equal(0.0, expvals.GetProperty("Z0").GetDouble(), 1e-12);
        Assert.Equal(1.0, expvals.GetProperty("X0 X1").GetDouble(), 1e-12);

        // Without observables the circuit's defaults are measured.
        var defaults = await Post($"/v1/circuits/{id}/execute", new { });
        Assert.Equal(1.0, defaults.GetProperty("expvals").GetProperty("Z0 Z1").GetDouble(), 1e-12);
        Assert.False(defaults.TryGetProperty("probs", out _));
    }

    [SkippableFact]
    public async Task Execute_qasm_equals_the_library_on_an_asymmetric_circuit()
    {
        // X on wire 0 only: index 2 (|10⟩) on two wires, wire 0 being the most significant bit.
        const string source = "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[3];\nx q[0];\nry(0.3) q[1];\ncx q[1],q[2];\nrz(1.1) q[2];\n";
        var id = await Create(new { qasm = source });
        var body = await Post($"/v1/circuits/{id}/execute", new { probs = true, observables = new[] { "Z0", "Z1 Z2", "0.5 X1 - 0.25 Y2" } });
        var circuit = OpenQasmParser.Parse(source).Circuit;
        using var sv = new StatevectorSimulator().Run(circuit);
        var expected = Measurements.Probabilities(sv);
        var probs = body.GetProperty("probs").Deserialize<double[]>()!;
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], probs[i], 1e-12);
        Assert.True(probs[4] + probs[5] + probs[6] + probs[7] > 0.999, "wire 0 is the most significant bit");
        foreach (var o in new[] { "Z0", "Z1 Z2", "0.5 X1 - 0.25 Y2" })
            Assert.Equal(Measurements.Expectation(sv, Hamiltonian.Parse(o)), body.GetProperty("expvals").GetProperty(o).GetDouble(), 1e-12);
    }

    [SkippableFact]
    public async Task Seeded_samples_repeat_and_equal_the_library_sampler()
    {
        var id = await Create(new { qasm = Bell });
        var first = await Post($"/v1/circuits/{id}/execute", new { shots = 1000, seed = 7 });
        var second = await Post($"/v1/circuits/{id}/execute", new { shots = 1000, seed = 7 });
        var a = first.GetProperty("samples").Deserialize<Dictionary<string, int>>()!;
        var b = second.GetProperty("samples").Deserialize<Dictionary<string, int>>()!;
        Assert.Equal(a, b);
        Assert.Equal(7, first.GetProperty("seed").GetInt32());
        Assert.Equal(1000, a.Values.Sum());
        Assert.All(a.Keys, k => Assert.Contains(k, new[] { "00", "11" }));
        using var sv = new StatevectorSimulator().Run(OpenQasmParser.Parse(Bell).Circuit);
        var library = Measurements.Sample(sv, 1000, 7).ToDictionary(kv => Measurements.Bitstring(kv.Key, 2), kv => kv.Value);
        Assert.Equal(library, a);

        // Without a seed one is drawn and returned, and resending it reproduces the counts.
        var unseeded = await Post($"/v1/circuits/{id}/execute", new { shots = 500 });
        int seed = unseeded.GetProperty("seed").GetInt32();
        var replay = await Post($"/v1/circuits/{id}/execute", new { shots = 500, seed });
        Assert.Equal(unseeded.GetProperty("samples").Deserialize<Dictionary<string, int>>(), replay.GetProperty("samples").Deserialize<Dictionary<string, int>>());
    }

    [SkippableFact]
    public async Task Batch_equals_per_row_executions()
    {
        var id = await Create(Structural);
        var w = W(24);
        double[][] rows = [X, [0.5, 0.6, -0.7, 0.8], [0, 0, 0, 0]];
        // Expectation values only (the library's batched path) and with probs and samples (row by row).
        var batch = await Post($"/v1/circuits/{id}/execute", new { weights = w, batch = rows });
        var full = await Post($"/v1/circuits/{id}/execute", new { weights = w, batch = rows, probs = true, shots = 100, seed = 3 });
        Assert.Equal(3, batch.GetProperty("expvals").GetArrayLength());
        for (int r = 0; r < rows.Length; r++)
        {
            var single = await Post($"/v1/circuits/{id}/execute", new { weights = w, features = rows[r], probs = true, shots = 100, seed = 3 });
            foreach (var o in new[] { "Z0", "0.5 Z0 Z1 + X2" })
            {
                double expected = single.GetProperty("expvals").GetProperty(o).GetDouble();
                Assert.Equal(expected, batch.GetProperty("expvals")[r].GetProperty(o).GetDouble(), 1e-12);
                Assert.Equal(expected, full.GetProperty("expvals")[r].GetProperty(o).GetDouble(), 1e-12);
            }
            Assert.Equal(single.GetProperty("probs").Deserialize<double[]>(), full.GetProperty("probs")[r].Deserialize<double[]>());
            Assert.Equal(single.GetProperty("samples").Deserialize<Dictionary<string, int>>(), full.GetProperty("samples")[r].Deserialize<Dictionary<string, int>>());
        }
    }

    [SkippableFact]
    public async Task Gradient_adjoint_equals_parameter_shift_and_the_library()
    {
        var id = await Create(Structural);
        var w = W(24);
        var circuit = LibraryCircuit();
        var h = Hamiltonian.Parse("0.5 Z0 Z1 + X2");
        var adjoint = await Post($"/v1/circuits/{id}/gradient", new { weights = w, features = X, observable = "0.5 Z0 Z1 + X2", method = "adjoint", wrt = "both" });
        var shift = await Post($"/v1/circuits/{id}/gradient", new { weights = w, features = X, observable = "0.5 Z0 Z1 + X2", method = "parameter-shift", wrt = "both" });
        var libraryAdjoint = new AdjointDifferentiator().Compute(circuit, h, w, X, GradientTargets.Both);
        var libraryShift = new ParameterShiftDifferentiator().Compute(circuit, h, w, X, GradientTargets.Both);
        Assert.Equal("adjoint", adjoint.GetProperty("method").GetString());
        Assert.Equal("parameter-shift", shift.GetProperty("method").GetString());
        Assert.Equal(libraryAdjoint.Value, adjoint.GetProperty("value").GetDouble(), 1e-12);
        Assert.Equal(new StatevectorSimulator().Expectation(circuit, h, w, X), shift.GetProperty("value").GetDouble(), 1e-12);
        var aw = adjoint.GetProperty("weights").Deserialize<double[]>()!;
        var ax = adjoint.GetProperty("features").Deserialize<double[]>()!;
        var sw = shift.GetProperty("weights").Deserialize<double[]>()!;
        var sx = shift.GetProperty("features").Deserialize<double[]>()!;
        Assert.Equal(24, aw.Length);
        Assert.Equal(4, ax.Length);
        Assert.Contains(aw, g => Math.Abs(g) > 1e-3);
        for (int i = 0; i < 24; i++)
        {
            Assert.Equal(libraryAdjoint.WeightGradient[i], aw[i], 1e-12);
            Assert.Equal(libraryShift.WeightGradient[i], sw[i], 1e-12);
            Assert.Equal(aw[i], sw[i], 1e-10);
        }
        for (int i = 0; i < 4; i++)
        {
            Assert.Equal(libraryAdjoint.FeatureGradient[i], ax[i], 1e-12);
            Assert.Equal(ax[i], sx[i], 1e-10);
        }
    }

    [SkippableFact]
    public async Task Gradient_defaults_to_the_first_observable_adjoint_and_weights()
    {
        var id = await Create(Structural);
        var w = W(24);
        var body = await Post($"/v1/circuits/{id}/gradient", new { weights = w, features = X });
        Assert.Equal("Z0", body.GetProperty("observable").GetString());
        Assert.Equal("adjoint", body.GetProperty("method").GetString());
        Assert.False(body.TryGetProperty("features", out _));
        var expected = new AdjointDifferentiator().Compute(LibraryCircuit(), PauliString.Z(0), w, X);
        var got = body.GetProperty("weights").Deserialize<double[]>()!;
        for (int i = 0; i < 24; i++) Assert.Equal(expected.WeightGradient[i], got[i], 1e-12);
    }

    [SkippableFact]
    public async Task A_circuit_of_another_organisation_is_404()
    {
        using (var scope = Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<QmlDbContext>();
            db.Circuits.Add(new CircuitRecord
            {
                Id = "c_other",
                OrganisationId = "someone-else",
                Format = "qasm",
                Definition = JsonSerializer.Serialize(new { qasm = Bell }),
                NumQubits = 2,
                CreatedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        }
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/v1/circuits/c_other")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.PostAsJsonAsync("/v1/circuits/c_other/execute", new { probs = true })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.PostAsJsonAsync("/v1/circuits/c_other/gradient", new { observable = "Z0" })).StatusCode);
    }

    [SkippableFact]
    public async Task Circuits_survive_a_restart_and_run_from_their_stored_definition()
    {
        var path = Path.Combine(ServerFactory.TempFolder(), "restart.db");
        string structural, qasm;
        using (var first = new ServerFactory(path))
        using (var client = first.Api())
        {
            var a = await client.PostAsJsonAsync("/v1/circuits", Structural);
            structural = (await a.Json()).GetProperty("id").GetString()!;
            var b = await client.PostAsJsonAsync("/v1/circuits", new { qasm = Bell, observables = new[] { "Z0 Z1" } });
            qasm = (await b.Json()).GetProperty("id").GetString()!;
        }
        using var second = new ServerFactory(path);
        using var again = second.Api();
        var w = W(24);
        var run = await (await again.PostAsJsonAsync($"/v1/circuits/{structural}/execute", new { weights = w, features = X })).Json();
        Assert.Equal(new StatevectorSimulator().Expectation(LibraryCircuit(), PauliString.Z(0), w, X), run.GetProperty("expvals").GetProperty("Z0").GetDouble(), 1e-12);
        var bell = await (await again.PostAsJsonAsync($"/v1/circuits/{qasm}/execute", new { })).Json();
        Assert.Equal(1.0, bell.GetProperty("expvals").GetProperty("Z0 Z1").GetDouble(), 1e-12);
        var get = await (await again.GetAsync($"/v1/circuits/{qasm}")).Json();
        Assert.Equal(Bell, get.GetProperty("definition").GetProperty("qasm").GetString());
    }

    [SkippableFact]
    public async Task Execution_is_counted_and_timed_in_the_metrics()
    {
        var id = await Create(new { qasm = Bell });
        await Post($"/v1/circuits/{id}/execute", new { probs = true });
        using var metrics = Factory.Metrics();
        var text = await metrics.GetStringAsync("/metrics");
        Assert.Matches("hanzo_qml_circuits_executed_total\\{backend=\"statevector\",n_qubits=\"2\"\\} [1-9]", text);
        Assert.Contains("hanzo_qml_circuit_execution_seconds_count{backend=\"statevector\",n_qubits=\"2\"}", text, StringComparison.Ordinal);
    }
}

public sealed class CircuitRouteTestsOnSqlite() : CircuitRouteTests(DatabaseKind.Sqlite);

public sealed class CircuitRouteTestsOnPostgres() : CircuitRouteTests(DatabaseKind.Postgres);
