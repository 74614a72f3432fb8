using System.Numerics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Hanzo.Qml.Circuits;
using Hanzo.Qml.Simulation;

namespace Hanzo.Qml.Tests.Reference;

/// <summary>Every gate of gates.json against <see cref="GateMatrices"/>, the wire-order examples, and the shift-rule frequencies.</summary>
public partial class GateReferenceTests
{
    private const double Tolerance = 1e-10;

    private static JsonElement Gates => ReferenceJson.Load("gates.json").GetProperty("gates");

    public static TheoryData<int, string> GateCases()
    {
        var data = new TheoryData<int, string>();
        int k = 0;
        foreach (var g in Gates.EnumerateArray())
            data.Add(k++, $"{g.GetProperty("name").GetString()}({string.Join(", ", g.GetProperty("params").EnumerateArray().Select(p => p.GetDouble()))})");
        return data;
    }

    [Fact]
    public void TheReferenceFileHolds55Gates() => Assert.Equal(55, Gates.GetArrayLength());

    [Theory]
    [MemberData(nameof(GateCases))]
    public void GateMatrixMatchesPennyLane(int index, string label)
    {
        var g = Gates[index];
        var info = Kind(g.GetProperty("name").GetString()!);
        var angles = g.GetProperty("params").EnumerateArray().Select(p => p.GetDouble()).ToArray();
        int wires = g.GetProperty("wires").GetArrayLength();
        var expected = ReferenceJson.ComplexArray(g.GetProperty("matrix"));
        var actual = GateMatrices.Matrix(info.Kind, angles, wires);
        Assert.Equal(expected.Length, actual.Length);
        Assert.True(DenseReference.MaxDiff(expected, actual) < Tolerance, $"{label}: max deviation {DenseReference.MaxDiff(expected, actual):E3}");
        Assert.Equal(info.NumParameters, angles.Length);
        if (info.NumWires != 0) Assert.Equal(info.NumWires, wires);
    }

    [Theory]
    [MemberData(nameof(GateCases))]
    public void SimulatorAppliesTheReferenceMatrixColumnByColumn(int index, string label)
    {
        // The kernels, not only the dense table, must reproduce PennyLane's matrix in the operator's own wire order.
        var g = Gates[index];
        var info = Kind(g.GetProperty("name").GetString()!);
        var angles = g.GetProperty("params").EnumerateArray().Select(p => (ParameterExpression)p.GetDouble()).ToArray();
        int[] wires = [.. g.GetProperty("wires").EnumerateArray().Select(w => w.GetInt32())];
        var expected = ReferenceJson.ComplexArray(g.GetProperty("matrix"));
        var actual = RegisterMatrix(Math.Max(2, wires.Length), new Operation(info.Kind, wires, angles));
        int n = Math.Max(2, wires.Length);
        if (n == wires.Length)
            Assert.True(DenseReference.MaxDiff(expected, actual) < Tolerance, $"{label}: simulator deviates by {DenseReference.MaxDiff(expected, actual):E3}");
        else
        {
            // A one-wire gate on wire 0 of a two-wire register is U ⊗ I.
            var kron = new Complex[16];
            for (int r = 0; r < 4; r++)
                for (int c = 0; c < 4; c++)
                    kron[r * 4 + c] = (r & 1) == (c & 1) ? expected[(r >> 1) * 2 + (c >> 1)] : Complex.Zero;
            Assert.True(DenseReference.MaxDiff(kron, actual) < Tolerance, $"{label}: simulator deviates by {DenseReference.MaxDiff(kron, actual):E3}");
        }
    }

    [Fact]
    public void EveryParameterisedGateHasFrequenciesThatMatchItsShiftRule()
    {
        int checkedGates = 0;
        foreach (var g in Gates.EnumerateArray())
        {
            var info = Kind(g.GetProperty("name").GetString()!);
            if (!g.TryGetProperty("parameter_frequencies", out var freqs))
            {
                Assert.Equal(0, info.NumParameters);
                Assert.Equal(ShiftRule.None, info.Shift);
                continue;
            }
            Assert.Equal(info.NumParameters, freqs.GetArrayLength());
            foreach (var f in freqs.EnumerateArray())
            {
                var spectrum = f.EnumerateArray().Select(x => x.GetDouble()).ToArray();
                var expected = spectrum switch
                {
                    [1.0] => ShiftRule.TwoTerm,
                    [0.5, 1.0] => ShiftRule.FourTerm,
                    _ => throw new InvalidOperationException($"{info.Name}: unexpected spectrum [{string.Join(", ", spectrum)}]"),
                };
                Assert.Equal(expected, info.Shift);
            }
            checkedGates++;
        }
        Assert.Equal(42, checkedGates);
    }

    [Fact]
    public void WireOrderExamplesAreReproduced()
    {
        var examples = ReferenceJson.Load("gates.json").GetProperty("wire_order_examples");
        Assert.Equal(3, examples.GetArrayLength());
        foreach (var ex in examples.EnumerateArray())
        {
            string description = ex.GetProperty("description").GetString()!;
            if (ex.TryGetProperty("op", out var opName))
            {
                var info = Kind(opName.GetString()!);
                int[] opWires = [.. ex.GetProperty("op_wires").EnumerateArray().Select(w => w.GetInt32())];
                int[] order = [.. ex.GetProperty("wire_order").EnumerateArray().Select(w => w.GetInt32())];
                Assert.Equal(Enumerable.Range(0, order.Length), order);
                var angles = ex.TryGetProperty("params", out var ps) ? ps.EnumerateArray().Select(p => (ParameterExpression)p.GetDouble()).ToArray() : [];
                var op = new Operation(info.Kind, opWires, angles);
                var expected = ReferenceJson.ComplexArray(ex.GetProperty("matrix"));
                var viaSimulator = RegisterMatrix(order.Length, op);
                var viaDense = DenseRegisterMatrix(order.Length, op);
                Assert.True(DenseReference.MaxDiff(expected, viaSimulator) < Tolerance, $"{description}: simulator deviates by {DenseReference.MaxDiff(expected, viaSimulator):E3}");
                Assert.True(DenseReference.MaxDiff(expected, viaDense) < Tolerance, $"{description}: dense reference deviates by {DenseReference.MaxDiff(expected, viaDense):E3}");
            }
            else
            {
                var m = CircuitPattern().Match(ex.GetProperty("circuit").GetString()!);
                Assert.True(m.Success, $"unrecognised circuit in \"{description}\"");
                var info = Kind(m.Groups[1].Value);
                int[] wires = [.. m.Groups[2].Value.Split(',').Select(s => int.Parse(s.Trim(), System.Globalization.CultureInfo.InvariantCulture))];
                int n = int.Parse(m.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture);
                var circuit = new CircuitBuilder(n).Add(info.Kind, wires).Build();
                using var state = new StatevectorSimulator().Run(circuit);
                var expected = ReferenceJson.ComplexArray(ex.GetProperty("state"));
                Assert.True(DenseReference.MaxDiff(expected, state.Amplitudes) < Tolerance, $"{description}: state deviates by {DenseReference.MaxDiff(expected, state.Amplitudes):E3}");
            }
        }
    }

    private static GateInfo Kind(string pennyLaneName) =>
        GateInfo.FindByName(pennyLaneName) ?? throw new InvalidOperationException($"No gate named {pennyLaneName}.");

    /// <summary>The matrix of <paramref name="op"/> on an n-wire register, column j being the simulator's image of |j⟩.</summary>
    private static Complex[] RegisterMatrix(int n, Operation op)
    {
        int d = 1 << n;
        var m = new Complex[d * d];
        var sim = new StatevectorSimulator(new SimulatorOptions { FuseSingleQubitGates = false });
        var circuit = new Circuit(n, [op]);
        for (int c = 0; c < d; c++)
        {
            var basis = new Complex[d];
            basis[c] = 1;
            using var state = StateVector.FromAmplitudes(basis);
            sim.Apply(circuit, state, [], [], parallel: false);
            for (int r = 0; r < d; r++) m[r * d + c] = state[r];
        }
        return m;
    }

    private static Complex[] DenseRegisterMatrix(int n, Operation op)
    {
        int d = 1 << n;
        var m = new Complex[d * d];
        var angles = op.Parameters.ToArray().Select(p => p.Evaluate([], [])).ToArray();
        for (int c = 0; c < d; c++)
        {
            var basis = new Complex[d];
            basis[c] = 1;
            var image = DenseReference.Apply(basis, n, op, angles);
            for (int r = 0; r < d; r++) m[r * d + c] = image[r];
        }
        return m;
    }

    [GeneratedRegex(@"^(\w+)\(([\d,\s]+)\) on (\d+) wires$")]
    private static partial Regex CircuitPattern();
}
