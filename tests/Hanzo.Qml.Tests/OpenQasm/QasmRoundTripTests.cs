using FsCheck.Xunit;
using Hanzo.Qml.Circuits;
using Hanzo.Qml.Circuits.OpenQasm;
using static Hanzo.Qml.Tests.OpenQasm.QasmTestSupport;

namespace Hanzo.Qml.Tests.OpenQasm;

/// <summary>Export then import must give the same statevector, global phase included.</summary>
public class QasmRoundTripTests
{
    private const int NumWeights = 6;
    private const int NumFeatures = 4;

    public static IEnumerable<object[]> KindsAndAdjointModes() =>
        from g in Enum.GetValues<GateKind>()
        from mode in new[] { 0, 1, 2 } // 0: plain, 1: flagged IsAdjoint, 2: closed-form Adjoint()
        select new object[] { g, mode };

    [Theory]
    [MemberData(nameof(KindsAndAdjointModes))]
    public void EachGateSurvivesTheRoundTrip(GateKind gate, int adjointMode)
    {
        var rng = new Random(1000 + (int)gate * 7 + adjointMode);
        int n = 4;
        var info = GateInfo.Of(gate);
        int[] arities = info.NumWires == 0 ? [1, 2, 3, 4] : [info.NumWires];
        foreach (int arity in arities)
        {
            for (int trial = 0; trial < 3; trial++)
            {
                var b = new CircuitBuilder(n);
                GenericLayer(b, rng);
                var wires = Enumerable.Range(0, n).OrderBy(_ => rng.Next()).Take(arity).ToArray();
                var pars = Enumerable.Range(0, info.NumParameters).Select(_ => (ParameterExpression)(rng.NextDouble() * 10 - 5)).ToArray();
                var op = new Operation(gate, wires, pars, isAdjoint: adjointMode == 1);
                if (adjointMode == 2) op = op.Adjoint();
                b.Add(op);
                GenericLayer(b, rng);
                AssertRoundTrip(b.Build(), [], [], $"{op}");
            }
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    public void SeededRandomCircuitsUsingEveryGateKindSurviveTheRoundTrip(int n)
    {
        var used = new HashSet<GateKind>();
        for (int seed = 0; seed < 12; seed++)
        {
            var rng = new Random(seed * 101 + n);
            var (circuit, weights, features) = RandomCircuit(rng, n, 50, used);
            AssertRoundTrip(circuit, weights, features, $"n={n}, seed={seed}");
        }
        var expected = Enum.GetValues<GateKind>().Where(g => GateInfo.Of(g).NumWires <= n).ToHashSet();
        Assert.Subset(used, expected);
    }

    [Property(MaxTest = 40)]
    public void RandomCircuitsRoundTrip(int seed)
    {
        var rng = new Random(seed);
        int n = 1 + rng.Next(5);
        var (circuit, weights, features) = RandomCircuit(rng, n, 30, []);
        AssertRoundTrip(circuit, weights, features, $"seed={seed}");
    }

    [Fact]
    public void WriterEmitsTheHeaderRegistersGatesAndMeasure()
    {
        var c = new CircuitBuilder(2).H(0).CNOT(0, 1).RX(1, ParameterExpression.Weight(0, 2.0)).Phase(0, ParameterExpression.Feature(1)).Build();
        string text = OpenQasmWriter.Write(c, [0.05], [0.0, 0.1 + 0.2], measureAll: true);
        Assert.Equal(
            "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[2];\ncreg c[2];\nh q[0];\ncx q[0],q[1];\nrx(0.1) q[1];\np(0.30000000000000004) q[0];\nmeasure q -> c;\n",
            text);
        var back = OpenQasmParser.Parse(text);
        Assert.True(back.MeasuresAll);
        Assert.Equal(new[] { new QasmMeasurement(0, 0), new QasmMeasurement(1, 1) }, back.Measurements);
        Assert.Equal(0.30000000000000004, back.Circuit.Operations[3].Parameters[0].Evaluate([], []));
    }

    [Fact]
    public void WriterWithoutMeasureEmitsNoMeasurement()
    {
        string text = OpenQasmWriter.Write(new CircuitBuilder(1).H(0).Build());
        Assert.DoesNotContain("measure", text, StringComparison.Ordinal);
        Assert.False(OpenQasmParser.Parse(text).MeasuresAll);
    }

    [Fact]
    public void TinyAndHugeAnglesUseParsableExponentNotation()
    {
        var c = new CircuitBuilder(1).RX(0, 1.5e-300).RY(0, -2.5e-7).RZ(0, 1e21).Build();
        string text = OpenQasmWriter.Write(c);
        Assert.Contains("E-", text, StringComparison.Ordinal);
        var back = OpenQasmParser.Parse(text).Circuit;
        Assert.Equal(1.5e-300, back.Operations[0].Parameters[0].Evaluate([], []));
        Assert.Equal(-2.5e-7, back.Operations[1].Parameters[0].Evaluate([], []));
        Assert.Equal(1e21, back.Operations[2].Parameters[0].Evaluate([], []));
    }

    [Fact]
    public void DecomposedGatesUseOnlyQelib1Names()
    {
        var c = new CircuitBuilder(3)
            .Rot(0, 0.1, 0.2, 0.3)
            .Add(GateKind.CRot, [0, 1], 0.1, 0.2, 0.3)
            .Add(GateKind.ISWAP, [1, 2])
            .Add(new Operation(GateKind.ISWAP, [2, 0], null, isAdjoint: true))
            .Add(GateKind.SXAdjoint, [2])
            .Add(GateKind.IsingYY, [0, 2], 0.4)
            .MultiRZ([0, 1, 2], 0.5)
            .Build();
        string text = OpenQasmWriter.Write(c);
        var names = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(4)
            .Select(l => l.Split(' ', '(')[0]).ToHashSet();
        Assert.Subset(new HashSet<string> { "rz", "ry", "crz", "cry", "s", "sdg", "h", "cx", "sx", "x", "rx" }, names);
        AssertRoundTrip(c, [], [], "decomposed");
    }

    [Fact]
    public void AmplitudeEncodedCircuitsCannotBeExported()
    {
        var c = new CircuitBuilder(2).Prepare(new StatePreparation(4)).H(0).Build();
        var e = Assert.Throws<NotSupportedException>(() => OpenQasmWriter.Write(c, [], [1, 2, 3, 4]));
        Assert.Contains("amplitude", e.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void MissingWeightsAreReported()
    {
        var c = new CircuitBuilder(1).RX(0, ParameterExpression.Weight(2)).Build();
        Assert.Throws<ArgumentException>(() => OpenQasmWriter.Write(c, [0.1]));
    }

    private static void AssertRoundTrip(Circuit circuit, double[] weights, double[] features, string context)
    {
        string text = OpenQasmWriter.Write(circuit, weights, features);
        QasmProgram back;
        try
        {
            back = OpenQasmParser.Parse(text);
        }
        catch (QasmParseException e)
        {
            Assert.Fail($"{context}: the exported program does not parse: {e.Message}\n{text}");
            throw;
        }
        Assert.Equal(circuit.NumQubits, back.Circuit.NumQubits);
        AssertClose(State(circuit, weights, features), State(back.Circuit), 1e-10, context);
        // The naive reference must agree as well, so a kernel bug cannot hide a decomposition bug.
        AssertClose(DenseReference.Run(circuit, weights, features), DenseReference.Run(back.Circuit, [], []), 1e-10, context + " (dense)");
    }

    /// <summary>RY/RZ on every wire and a CNOT chain: any state difference, phase included, shows after it.</summary>
    private static void GenericLayer(CircuitBuilder b, Random rng)
    {
        for (int w = 0; w < b.NumQubits; w++) b.RY(w, rng.NextDouble() * 3).RZ(w, rng.NextDouble() * 3 - 1.5);
        for (int w = 0; w + 1 < b.NumQubits; w++) b.CNOT(w, w + 1);
    }

    private static (Circuit Circuit, double[] Weights, double[] Features) RandomCircuit(Random rng, int n, int numGates, HashSet<GateKind> used)
    {
        var kinds = GateInfo.All.Where(g => g.NumWires <= n).ToArray();
        var b = new CircuitBuilder(n);
        GenericLayer(b, rng);
        for (int g = 0; g < numGates; g++)
        {
            // Cycle through every kind first so each circuit holds all of them, then pick at random.
            var info = g < kinds.Length ? kinds[g] : kinds[rng.Next(kinds.Length)];
            int arity = info.NumWires == 0 ? 1 + rng.Next(n) : info.NumWires;
            var wires = Enumerable.Range(0, n).OrderBy(_ => rng.Next()).Take(arity).ToArray();
            var pars = Enumerable.Range(0, info.NumParameters).Select(_ => RandomParameter(rng)).ToArray();
            var op = new Operation(info.Kind, wires, pars, isAdjoint: rng.Next(4) == 0);
            if (rng.Next(5) == 0) op = op.Adjoint();
            b.Add(op);
            used.Add(info.Kind);
        }
        b.DeclareWeights(NumWeights).DeclareFeatures(NumFeatures);
        var weights = Enumerable.Range(0, NumWeights).Select(_ => rng.NextDouble() * 4 - 2).ToArray();
        var features = Enumerable.Range(0, NumFeatures).Select(_ => rng.NextDouble() * 2).ToArray();
        return (b.Build(), weights, features);
    }

    private static ParameterExpression RandomParameter(Random rng) => rng.Next(5) switch
    {
        0 => rng.NextDouble() * 12 - 6,
        1 => ParameterExpression.Weight(rng.Next(NumWeights), rng.NextDouble() * 3 - 1.5).Plus(rng.NextDouble() - 0.5),
        2 => ParameterExpression.Feature(rng.Next(NumFeatures), rng.NextDouble() * 2),
        3 => ParameterExpression.FeatureProduct([rng.Next(NumFeatures), rng.Next(NumFeatures)], 0.7),
        _ => ParameterExpression.PiMinusFeatureProduct([rng.Next(NumFeatures), rng.Next(NumFeatures)]).Times(-0.3),
    };
}
