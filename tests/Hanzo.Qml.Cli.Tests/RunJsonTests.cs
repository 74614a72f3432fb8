using System.Text.Json;
using Hanzo.Qml.Circuits;
using Hanzo.Qml.Cli.Commands;
using Hanzo.Qml.Simulation;

namespace Hanzo.Qml.Cli.Tests;

public sealed class RunJsonTests : IDisposable
{
    private readonly CliHarness _h = new();

    public void Dispose() => _h.Dispose();

    private static double[] Doubles(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetDouble())];

    private static void AssertSameBits(double expected, double actual) =>
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected == 0 ? 0.0 : expected), BitConverter.DoubleToInt64Bits(actual));

    [Theory]
    [InlineData(new string[0], new[] { "n_qubits" })]
    [InlineData(new[] { "--state" }, new[] { "n_qubits", "state" })]
    [InlineData(new[] { "--probs" }, new[] { "n_qubits", "probs" })]
    [InlineData(new[] { "--expval", "Z0" }, new[] { "n_qubits", "expvals" })]
    [InlineData(new[] { "--shots", "10" }, new[] { "n_qubits", "samples" })]
    [InlineData(new[] { "--seed", "5" }, new[] { "n_qubits" })]
    [InlineData(new[] { "--shots", "10", "--probs" }, new[] { "n_qubits", "probs", "samples" })]
    [InlineData(new[] { "--shots", "7", "--expval", "Z1", "--probs", "--state" }, new[] { "n_qubits", "state", "probs", "expvals", "samples" })]
    public void Json_has_only_the_requested_keys(string[] flags, string[] keys)
    {
        var r = CliHarness.Run(["run", _h.Qasm(CliHarness.Bell), "--json", .. flags]);
        Assert.Equal(keys, r.Keys);
        Assert.Equal(2, r.Json.GetProperty("n_qubits").GetInt32());
        Assert.Equal("", r.Stderr);
    }

    [Fact]
    public void Bell_state_probs_expvals_and_samples_match_the_library()
    {
        var r = CliHarness.Run("run", _h.Qasm(CliHarness.Bell), "--state", "--probs", "--expval", "Z0 Z1", "--expval", "Z0",
            "--expval", "X0 X1", "--expval", "0.5 Z0 Z1 + 0.25 X0 X1", "--shots", "1000", "--json");
        var json = r.Json;

        var state = json.GetProperty("state");
        Assert.Equal(["re", "im"], state.EnumerateObject().Select(p => p.Name));
        double[] re = Doubles(state.GetProperty("re")), im = Doubles(state.GetProperty("im"));
        double s = Math.Sqrt(0.5);
        Assert.Equal(new[] { s, 0, 0, s }, re, (a, b) => Math.Abs(a - b) < 1e-12);
        Assert.All(im, v => Assert.Equal(0.0, v, 12));
        Assert.Equal(new[] { 0.5, 0, 0, 0.5 }, Doubles(json.GetProperty("probs")), (a, b) => Math.Abs(a - b) < 1e-12);

        var expvals = json.GetProperty("expvals");
        Assert.Equal(["Z0 Z1", "Z0", "X0 X1", "0.5 Z0 Z1 + 0.25 X0 X1"], expvals.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1.0, expvals.GetProperty("Z0 Z1").GetDouble(), 12);
        Assert.Equal(0.0, expvals.GetProperty("Z0").GetDouble(), 12);
        Assert.Equal(1.0, expvals.GetProperty("X0 X1").GetDouble(), 12);
        Assert.Equal(0.75, expvals.GetProperty("0.5 Z0 Z1 + 0.25 X0 X1").GetDouble(), 12);

        var samples = json.GetProperty("samples").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
        Assert.Subset(new HashSet<string> { "00", "11" }, samples.Keys.ToHashSet());
        Assert.Equal(1000, samples.Values.Sum());
        Assert.InRange(samples["00"], 400, 600); // binomial(1000, ½): ±6σ
    }

    [Fact]
    public void Values_are_the_library_values_bit_for_bit()
    {
        const string source = """
            OPENQASM 2.0;
            include "qelib1.inc";
            qreg q[3];
            rx(0.3) q[0];
            ry(-1.1) q[1];
            u3(0.4,0.5,0.6) q[2];
            cx q[0],q[2];
            crz(0.7) q[1],q[0];
            h q[1];
            """;
        using var sv = CliHarness.Simulate(source);
        var r = CliHarness.Run("run", _h.Qasm(source), "--state", "--probs", "--expval", "Y0 X2", "--expval", "0.5 Z0 - 0.8 X1 X2 + 0.3 Y1",
            "--shots", "500", "--seed", "42", "--json");
        var json = r.Json;
        var amplitudes = sv.ToArray();
        double[] re = Doubles(json.GetProperty("state").GetProperty("re")), im = Doubles(json.GetProperty("state").GetProperty("im"));
        Assert.Equal(8, re.Length);
        for (int i = 0; i < 8; i++)
        {
            AssertSameBits(amplitudes[i].Real, re[i]);
            AssertSameBits(amplitudes[i].Imaginary, im[i]);
        }
        var probs = Doubles(json.GetProperty("probs"));
        var expected = Measurements.Probabilities(sv);
        for (int i = 0; i < 8; i++) AssertSameBits(expected[i], probs[i]);

        AssertSameBits(Measurements.Expectation(sv, PauliString.Parse("Y0 X2")), json.GetProperty("expvals").GetProperty("Y0 X2").GetDouble());
        AssertSameBits(Measurements.Expectation(sv, Hamiltonian.Parse("0.5 Z0 - 0.8 X1 X2 + 0.3 Y1")),
            json.GetProperty("expvals").GetProperty("0.5 Z0 - 0.8 X1 X2 + 0.3 Y1").GetDouble());

        var librarySamples = Measurements.Sample(sv, 500, 42);
        var samples = json.GetProperty("samples").EnumerateObject().Select(p => (p.Name, p.Value.GetInt32())).ToArray();
        Assert.Equal(librarySamples.Select(kv => (Measurements.Bitstring(kv.Key, 3), kv.Value)), samples);
    }

    [Fact]
    public void Index_order_is_PennyLanes_wire_0_is_the_most_significant_bit()
    {
        var r = CliHarness.Run("run", _h.Program(2, "x q[0];"), "--probs", "--state", "--shots", "100", "--json");
        var json = r.Json;
        Assert.Equal(new double[] { 0, 0, 1, 0 }, Doubles(json.GetProperty("probs")));
        Assert.Equal(new double[] { 0, 0, 1, 0 }, Doubles(json.GetProperty("state").GetProperty("re")));
        var samples = json.GetProperty("samples").EnumerateObject().ToArray();
        Assert.Single(samples);
        Assert.Equal("10", samples[0].Name);
        Assert.Equal(100, samples[0].Value.GetInt32());

        var three = CliHarness.Run("run", _h.Program(3, "x q[2];"), "--probs", "--expval", "Z2", "--expval", "Z0", "--shots", "5", "--json").Json;
        Assert.Equal(1.0, Doubles(three.GetProperty("probs"))[1]);
        Assert.Equal(-1.0, three.GetProperty("expvals").GetProperty("Z2").GetDouble());
        Assert.Equal(1.0, three.GetProperty("expvals").GetProperty("Z0").GetDouble());
        Assert.Equal(5, three.GetProperty("samples").GetProperty("001").GetInt32());
    }

    [Fact]
    public void Sample_keys_are_n_character_bitstrings_in_ascending_order()
    {
        var json = CliHarness.Run("run", _h.Program(4, "h q;"), "--shots", "2000", "--json").Json;
        var keys = json.GetProperty("samples").EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Equal(16, keys.Length); // 2000 shots over 16 equally likely outcomes: all appear
        Assert.All(keys, k => Assert.Matches("^[01]{4}$", k));
        Assert.Equal(keys.Order(StringComparer.Ordinal), keys);
        Assert.Equal(2000, json.GetProperty("samples").EnumerateObject().Sum(p => p.Value.GetInt32()));
    }

    [Fact]
    public void Same_seed_gives_the_same_samples_and_another_seed_other_samples()
    {
        string file = _h.Program(4, "h q;");
        string Samples(params string[] extra) =>
            CliHarness.Run(["run", file, "--shots", "1000", "--json", .. extra]).Json.GetProperty("samples").GetRawText();
        Assert.Equal(Samples("--seed", "1"), Samples("--seed", "1"));
        Assert.NotEqual(Samples("--seed", "1"), Samples("--seed", "2"));
        Assert.Equal(Samples("--seed", RunCommand.DefaultSeed.ToString(System.Globalization.CultureInfo.InvariantCulture)), Samples());
        Assert.Equal(Samples(), Samples());
    }

    [Fact]
    public void Partial_measurement_still_samples_every_qubit()
    {
        string file = _h.Qasm("""
            OPENQASM 2.0;
            include "qelib1.inc";
            qreg q[3];
            creg c[1];
            x q[1];
            measure q[0] -> c[0];
            """);
        var json = CliHarness.Run("run", file, "--shots", "20", "--json").Json;
        var samples = json.GetProperty("samples").EnumerateObject().ToArray();
        Assert.Single(samples);
        Assert.Equal("010", samples[0].Name);
        Assert.Equal(20, samples[0].Value.GetInt32());
    }

    [Fact]
    public void Doubles_are_never_negative_zero_nan_or_rounded()
    {
        // z·x gives amplitude −1 on |1⟩ and −0 imaginary parts on the way; rx/ry give irrational values.
        var r = CliHarness.Run("run", _h.Program(2, "x q[0];", "z q[0];", "rx(0.1) q[1];", "ry(2.9) q[1];", "s q[1];"), "--state", "--probs",
            "--expval", "Z0", "--expval", "Y1", "--json");
        Assert.DoesNotContain("NaN", r.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Infinity", r.Stdout, StringComparison.Ordinal);
        var numbers = new List<double>();
        Collect(r.Json, numbers);
        Assert.Equal(1 + 4 + 4 + 4 + 2, numbers.Count); // n_qubits, re, im, probs, expvals
        Assert.All(numbers, v => Assert.False(v == 0 && double.IsNegative(v), "−0 written"));
        using var sv = CliHarness.Simulate(File.ReadAllText(_h.Program(2, "x q[0];", "z q[0];", "rx(0.1) q[1];", "ry(2.9) q[1];", "s q[1];")));
        var re = Doubles(r.Json.GetProperty("state").GetProperty("re"));
        for (int i = 0; i < 4; i++) AssertSameBits(sv[i].Real, re[i]);
    }

    private static void Collect(JsonElement e, List<double> numbers)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Number: numbers.Add(e.GetDouble()); break;
            case JsonValueKind.Array: foreach (var x in e.EnumerateArray()) Collect(x, numbers); break;
            case JsonValueKind.Object: foreach (var p in e.EnumerateObject()) Collect(p.Value, numbers); break;
        }
    }

    [Fact]
    public void Repeated_expval_is_reported_once_and_keys_keep_the_users_spelling()
    {
        var json = CliHarness.Run("run", _h.Qasm(CliHarness.Bell), "--expval", "z0z1", "--expval", "Z0 Z1", "--expval", "z0z1", "--json").Json;
        Assert.Equal(["z0z1", "Z0 Z1"], json.GetProperty("expvals").EnumerateObject().Select(p => p.Name));
        Assert.Equal(json.GetProperty("expvals").GetProperty("z0z1").GetDouble(), json.GetProperty("expvals").GetProperty("Z0 Z1").GetDouble());
    }

    [Fact]
    public void Negative_coefficient_observable_is_accepted_with_equals_syntax()
    {
        var json = CliHarness.Run("run", _h.Program(1, "x q[0];"), "--expval=-0.5 Z0", "--json").Json;
        Assert.Equal(0.5, json.GetProperty("expvals").GetProperty("-0.5 Z0").GetDouble());
    }

    [Fact]
    public void Json_through_a_stream_writer_is_written_to_its_stream_in_order()
    {
        // Program.cs hands the CLI a StreamWriter; the JSON then bypasses the writer's char buffer.
        using var memory = new MemoryStream();
        using (var stdout = new StreamWriter(memory, new System.Text.UTF8Encoding(false), 1024, leaveOpen: true))
        using (var stderr = new StringWriter())
        {
            Assert.Equal(0, HanzoQmlCli.Run(["run", _h.Program(10, "h q;"), "--probs", "--state", "--json"], stdout, stderr));
            stdout.Flush();
        }
        using var doc = JsonDocument.Parse(memory.ToArray());
        Assert.Equal(1024, doc.RootElement.GetProperty("probs").GetArrayLength());
        Assert.All(Doubles(doc.RootElement.GetProperty("probs")), p => Assert.Equal(1.0 / 1024, p, 15));
    }
}
