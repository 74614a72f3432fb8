using System.Numerics;
using Hanzo.Qml.Circuits;
using Hanzo.Qml.Encodings;
using Hanzo.Qml.Kernels;
using Hanzo.Qml.Simulation;

namespace Hanzo.Qml.Tests.Kernels;

/// <summary>
/// The kernels' state preparation (fused diagonal runs, Hadamard layers as one transform) gives the simulator's state,
/// global phase included, for every encoding and for random circuits full of diagonal gates.
/// </summary>
public class EncodingProgramTests
{
    private static readonly StatevectorSimulator Simulator = new();

    private static void AssertSameState(Circuit circuit, double[] x, string what)
    {
        var program = new EncodingProgram(circuit, null);
        using var expected = Simulator.Run(circuit, [], x);
        using var actual = StateVector.Zero(circuit.NumQubits);
        program.Prepare(actual, x, new DiagonalBlock.Scratch());
        double worst = 0;
        for (long i = 0; i < expected.Length; i++) worst = Math.Max(worst, Complex.Abs(expected[i] - actual[i]));
        Assert.True(worst < 1e-12, $"{what}: max |Δψ| = {worst}");
    }

    public static TheoryData<string, int> EncodingCases
    {
        get
        {
            var d = new TheoryData<string, int>();
            foreach (int n in new[] { 1, 2, 3, 6, 11, 12, 13 })
                foreach (var name in new[] { "iqp1", "iqp2", "angleX", "angleY", "angleZ", "zz-full", "zz-linear", "zz-circular", "pauli", "pauli3", "amplitude" })
                    if (!(n < 2 && (name.StartsWith("zz", StringComparison.Ordinal) || name == "pauli")) && !(n < 3 && name == "pauli3")
                        && !(n > 6 && name is "pauli3" or "zz-full"))
                        d.Add(name, n);
            return d;
        }
    }

    private static IEncoding Encoding(string name, int n) => name switch
    {
        "iqp1" => new IqpEncoding(n, 1),
        "iqp2" => new IqpEncoding(n, 2),
        "angleX" => new AngleEncoding(n, AngleRotation.X),
        "angleY" => new AngleEncoding(n, AngleRotation.Y),
        "angleZ" => new AngleEncoding(n, AngleRotation.Z),
        "zz-full" => new ZZFeatureMap(n, 2, Entanglement.Full),
        "zz-linear" => new ZZFeatureMap(n, 2, Entanglement.Linear),
        "zz-circular" => new ZZFeatureMap(n, 2, Entanglement.Circular),
        "pauli" => new PauliFeatureMap(n, ["Z", "XX"], 2, Entanglement.Linear),
        "pauli3" => new PauliFeatureMap(n, ["Y", "ZZ", "ZZZ"], 1, Entanglement.Full),
        "amplitude" => new AmplitudeEncoding(n, Math.Max(1, (1 << n) - 1), 0.3),
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(EncodingCases))]
    public void PreparedStateEqualsSimulator(string name, int n)
    {
        var e = Encoding(name, n);
        var rng = new Random(n * 97 + name.Length);
        var x = Enumerable.Range(0, e.NumFeatures).Select(_ => (rng.NextDouble() - 0.3) * 4).ToArray();
        AssertSameState(e.ToCircuit(), x, $"{name} n={n}");
    }

    [Theory]
    [InlineData(4, 1)]
    [InlineData(16, 2)]
    [InlineData(12, 3)]
    public void IqpBecomesOneTransformAndOnePhasePassPerRepeat(int n, int reps)
    {
        var program = new EncodingProgram(new IqpEncoding(n, reps), null);
        Assert.Equal(reps, program.FusedBlockCount);
        Assert.Equal(reps, program.HadamardLayerCount);
    }

    [Theory]
    [InlineData(3, 1)]
    [InlineData(5, 2)]
    [InlineData(10, 3)]
    [InlineData(11, 4)]
    [InlineData(12, 5)]
    [InlineData(13, 6)]
    public void RandomDiagonalRunsEqualSimulator(int n, int seed)
    {
        var rng = new Random(seed);
        var b = new CircuitBuilder(n);
        int features = 3;
        ParameterExpression Angle() => rng.Next(3) switch
        {
            0 => ParameterExpression.Constant(rng.NextDouble() * 6 - 3),
            1 => ParameterExpression.Feature(rng.Next(features), rng.NextDouble() * 2 - 1),
            _ => ParameterExpression.FeatureProduct([rng.Next(features), rng.Next(features)]),
        };
        int[] Wires(int k) => [.. Enumerable.Range(0, n).OrderBy(_ => rng.Next()).Take(k)];
        for (int layer = 0; layer < 4; layer++)
        {
            for (int w = 0; w < n; w++) b.H(w);
            if (layer % 2 == 1) b.RX(rng.Next(n), Angle());
            int gates = 6 + rng.Next(20);
            for (int g = 0; g < gates; g++)
            {
                int kind = rng.Next(n >= 3 ? 12 : 10);
                int[] w2 = n >= 2 ? Wires(2) : [0, 0];
                if (n < 2 && kind >= 6) kind = rng.Next(6);
                var op = kind switch
                {
                    0 => new Operation(GateKind.RZ, [rng.Next(n)], [Angle()]),
                    1 => new Operation(GateKind.PhaseShift, [rng.Next(n)], [Angle()], isAdjoint: rng.Next(2) == 0),
                    2 => new Operation(GateKind.S, [rng.Next(n)], isAdjoint: rng.Next(2) == 0),
                    3 => new Operation(GateKind.TAdjoint, [rng.Next(n)]),
                    4 => new Operation(GateKind.PauliZ, [rng.Next(n)]),
                    5 => new Operation(GateKind.T, [rng.Next(n)]),
                    6 => new Operation(GateKind.CZ, w2),
                    7 => new Operation(GateKind.CRZ, w2, [Angle()]),
                    8 => new Operation(GateKind.ControlledPhaseShift, w2, [Angle()]),
                    9 => new Operation(GateKind.IsingZZ, w2, [Angle()], isAdjoint: rng.Next(2) == 0),
                    10 => new Operation(GateKind.MultiRZ, Wires(3), [Angle()]),
                    _ => new Operation(GateKind.MultiRZ, Wires(Math.Min(n, 4)), [Angle()]),
                };
                b.Add(op);
            }
            if (n >= 2 && layer == 2) b.CNOT(0, n - 1);
        }
        b.DeclareFeatures(features);
        var circuit = b.Build();
        var x = new[] { 0.7, -1.3, 2.1 };
        AssertSameState(circuit, x, $"random n={n}");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(14)]
    public void HadamardTransformEqualsHadamardGates(int n)
    {
        var rng = new Random(n);
        var amplitudes = KernelTestData.RandomStates(1, n, seed: n)[0];
        foreach (long bits in new[] { (1L << n) - 1, 1L, 1L << (n - 1), rng.NextInt64(1, 1L << n), rng.NextInt64(1, 1L << n) })
        {
            var b = new CircuitBuilder(n);
            for (int w = 0; w < n; w++)
                if ((bits & (1L << (n - 1 - w))) != 0) b.H(w);
            using var expected = StateVector.FromAmplitudes(amplitudes);
            Simulator.Apply(b.Build(), expected, [], [], parallel: false);
            using var actual = StateVector.FromAmplitudes(amplitudes);
            HadamardTransform.Apply(actual, bits);
            for (long i = 0; i < expected.Length; i++)
                Assert.True(Complex.Abs(expected[i] - actual[i]) < 1e-13, $"bits {bits:X}, index {i}");
        }
    }
}
