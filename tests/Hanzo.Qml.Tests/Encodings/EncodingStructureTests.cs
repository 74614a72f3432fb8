using System.Numerics;
using Hanzo.Qml.Circuits;
using Hanzo.Qml.Encodings;
using Hanzo.Qml.Simulation;

namespace Hanzo.Qml.Tests.Encodings;

public class EncodingStructureTests
{
    public static TheoryData<int, Entanglement, int, double> ZZGrid()
    {
        var data = new TheoryData<int, Entanglement, int, double>();
        foreach (int n in new[] { 2, 3, 4, 5, 6 })
            foreach (var e in Enum.GetValues<Entanglement>())
                foreach (int reps in new[] { 1, 2, 3 })
                    data.Add(n, e, reps, reps == 2 ? 2.0 : 0.7);
        return data;
    }

    [Theory]
    [MemberData(nameof(ZZGrid))]
    public void PauliMapWithZAndZZIsExactlyTheZZMap(int n, Entanglement entanglement, int reps, double alpha)
    {
        var zz = new ZZFeatureMap(n, reps, entanglement, alpha);
        var pauli = new PauliFeatureMap(n, ["Z", "ZZ"], reps, entanglement, alpha);
        CircuitAssert.SameOperations(zz.ToCircuit(), pauli.ToCircuit());

        var bz = new CircuitBuilder(n);
        zz.AppendTo(bz, featureOffset: 2);
        var bp = new CircuitBuilder(n);
        pauli.AppendTo(bp, featureOffset: 2);
        CircuitAssert.SameOperations(bz.Build(), bp.Build());
        Assert.Equal(n + 2, bz.Build().NumFeatures);
    }

    [Fact]
    public void PauliMapDefaultsAreQiskits()
    {
        var p = new PauliFeatureMap(3);
        Assert.Equal(["Z", "ZZ"], p.Paulis);
        Assert.Equal(2, p.Reps);
        Assert.Equal(Entanglement.Full, p.Entanglement);
        Assert.Equal(2.0, p.Alpha);
        CircuitAssert.SameOperations(new ZZFeatureMap(3).ToCircuit(), p.ToCircuit());
    }

    [Theory]
    [InlineData(Entanglement.Full, 4, "01 02 03 12 13 23")]
    [InlineData(Entanglement.Linear, 4, "01 12 23")]
    [InlineData(Entanglement.Circular, 4, "30 01 12 23")]
    [InlineData(Entanglement.Circular, 3, "20 01 12")]
    [InlineData(Entanglement.Circular, 2, "01")]
    [InlineData(Entanglement.Linear, 2, "01")]
    [InlineData(Entanglement.Full, 2, "01")]
    public void ZZPairsFollowQiskitsOrder(Entanglement entanglement, int n, string expected)
    {
        var map = new ZZFeatureMap(n, 1, entanglement);
        Assert.Equal(expected, string.Join(" ", map.Pairs.Select(p => $"{p.First}{p.Second}")));
        // The circuit applies the pairs in exactly that order, each as CNOT · phase · CNOT.
        var cnots = CircuitAssert.Cnots(map.ToCircuit());
        Assert.Equal(map.Pairs.SelectMany(p => new[] { p, p }).Select(p => (p.First, p.Second)), cnots);
    }

    [Theory]
    [InlineData(Entanglement.Full, 4, 3, "012 013 023 123")]
    [InlineData(Entanglement.Linear, 4, 3, "012 123")]
    [InlineData(Entanglement.Circular, 4, 3, "230 012 123")]
    [InlineData(Entanglement.Circular, 5, 3, "340 012 123 234")]
    [InlineData(Entanglement.Circular, 3, 3, "012")]
    [InlineData(Entanglement.Full, 5, 4, "0123 0124 0134 0234 1234")]
    [InlineData(Entanglement.Circular, 3, 1, "0 1 2")]
    [InlineData(Entanglement.Full, 3, 1, "0 1 2")]
    public void KBodyTuplesFollowQiskitsOrder(Entanglement entanglement, int n, int k, string expected)
    {
        var map = new PauliFeatureMap(n, ["Z", new string('Z', k)], 1, entanglement);
        Assert.Equal(expected, string.Join(" ", map.TuplesFor(1).Select(t => string.Concat(t))));
        Assert.Equal(string.Join(" ", Enumerable.Range(0, n)), string.Join(" ", map.TuplesFor(0).Select(t => string.Concat(t))));
    }

    [Fact]
    public void ZYPutsTheYOnTheFirstWireOfTheTuple()
    {
        var ops = new PauliFeatureMap(2, ["ZY"], 1).ToCircuit().Operations.Select(CircuitAssert.Describe).ToArray();
        Assert.Equal(
        [
            "Hadamard [0] ()", "Hadamard [1] ()",
            $"RX [0] (Constant[]*0+{Math.PI / 2:R})",
            "CNOT [0,1] ()",
            "PhaseShift [1] (PiMinusFeatureProduct[0,1]*2+0)",
            "CNOT [0,1] ()",
            $"RX [0] (Constant[]*0+{-Math.PI / 2:R})",
        ], ops);
    }

    [Theory]
    [InlineData("X", 1)]
    [InlineData("Y", 1)]
    [InlineData("Z", 1)]
    [InlineData("ZY", 2)]
    [InlineData("XY", 2)]
    [InlineData("YX", 2)]
    [InlineData("XYZ", 3)]
    [InlineData("YXZY", 4)]
    public void EachBlockIsTheExponentialOfTheReversedPauliWord(string word, int n)
    {
        // With one word as long as the register there is one tuple (0..n-1); the block must equal
        // e^{iλ/2}·exp(−i(λ/2)·P), P = word reversed onto the wires (last letter on wire 0), λ = α·φ_S.
        double alpha = 1.3;
        double[] x = [.. Enumerable.Range(0, n).Select(i => 0.4 + 0.37 * i)];
        var circuit = new PauliFeatureMap(n, [word], 1, Entanglement.Full, alpha).ToCircuit();
        using var state = new StatevectorSimulator().Run(circuit, [], x);

        var plus = new Complex[1 << n];
        for (int i = 0; i < plus.Length; i++) plus[i] = 1 / Math.Sqrt(plus.Length);
        var p = plus;
        for (int m = 0; m < n; m++)
        {
            var gate = word[n - 1 - m] switch { 'X' => GateKind.PauliX, 'Y' => GateKind.PauliY, _ => GateKind.PauliZ };
            p = DenseReference.Apply(p, n, new Operation(gate, [m]), []);
        }
        double phi = n == 1 ? x[0] : x.Aggregate(1.0, (acc, v) => acc * (Math.PI - v));
        double lambda = alpha * phi;
        var phase = Complex.FromPolarCoordinates(1, lambda / 2);
        var expected = plus.Select((a, i) => phase * (Math.Cos(lambda / 2) * a - Complex.ImaginaryOne * Math.Sin(lambda / 2) * p[i])).ToArray();
        Assert.True(DenseReference.MaxDiff(expected, state.Amplitudes) < 1e-12, $"{word}: deviation {DenseReference.MaxDiff(expected, state.Amplitudes):E3}");
    }

    [Fact]
    public void EncodingAnglesComeFromFeaturesNeverFromBakedConstants()
    {
        IEncoding[] encodings = [new AngleEncoding(3, AngleRotation.Y), new IqpEncoding(3), new ZZFeatureMap(3, 2, Entanglement.Circular), new PauliFeatureMap(3, ["Z", "ZZ", "ZZZ"])];
        foreach (var e in encodings)
        {
            var c = e.ToCircuit();
            Assert.Equal(e.NumFeatures, c.NumFeatures);
            Assert.Equal(0, c.NumWeights);
            foreach (var op in c.Operations)
                foreach (var p in op.Parameters.ToArray())
                    Assert.True(p.DependsOnFeatures, $"{e}: {op} has a non-feature angle");
        }
    }

    [Fact]
    public void IqpDefaultsToTwoRepeatsWithAllPairs()
    {
        var iqp = new IqpEncoding(4);
        Assert.Equal(2, iqp.Repeats);
        var ops = iqp.ToCircuit().Operations;
        Assert.Equal(2 * (2 * 4 + 6), ops.Count);
        var pairs = ops.Where(o => o.Gate == GateKind.MultiRZ).Take(6).Select(o => $"{o.Wires[0]}{o.Wires[1]}");
        Assert.Equal(["01", "02", "03", "12", "13", "23"], pairs);
        Assert.All(ops.Where(o => o.Gate == GateKind.MultiRZ), o => Assert.Equal(ParameterKind.FeatureProduct, o.Parameters[0].Kind));
        Assert.DoesNotContain(new IqpEncoding(1).ToCircuit().Operations, o => o.Gate == GateKind.MultiRZ);
    }

    [Fact]
    public void AnglesOnALargerRegisterLeaveTheExtraWiresAlone()
    {
        var b = new CircuitBuilder(5);
        new AngleEncoding(3, AngleRotation.Z).AppendTo(b, featureOffset: 1);
        var c = b.Build();
        Assert.Equal(4, c.NumFeatures);
        Assert.Equal([0, 1, 2], c.Operations.Select(o => o.Wires[0]));
        Assert.Equal([1, 2, 3], c.Operations.Select(o => o.Parameters[0].Index));
    }

    [Fact]
    public void AmplitudeEncodingPadsThenNormalisesFromItsOffset()
    {
        var enc = new AmplitudeEncoding(2, 3, padWith: 1.0);
        var b = new CircuitBuilder(2);
        enc.AppendTo(b, featureOffset: 2);
        var c = b.Build();
        Assert.Equal(5, c.NumFeatures);
        using var s = new StatevectorSimulator().Run(c, [], [100, 100, 1, 2, 3]);
        double norm = Math.Sqrt(1 + 4 + 9 + 1);
        Assert.Equal(new[] { 1 / norm, 2 / norm, 3 / norm, 1 / norm }, s.ToArray().Select(a => a.Real), new ToleranceComparer(1e-14));
        Assert.Equal(4, new AmplitudeEncoding(2).NumFeatures);
    }

    [Fact]
    public void AmplitudeEncodingMustStartAndSpanTheCircuit()
    {
        var enc = new AmplitudeEncoding(2);
        var wider = Assert.Throws<ArgumentException>(() => enc.AppendTo(new CircuitBuilder(3)));
        Assert.Contains("whole register", wider.Message, StringComparison.Ordinal);
        var b = new CircuitBuilder(2).H(0);
        Assert.Throws<InvalidOperationException>(() => enc.AppendTo(b));
    }

    [Fact]
    public void FactoryKnowsEveryNameCaseInsensitively()
    {
        Assert.IsType<AngleEncoding>(EncodingFactory.Create(" Angle ", 2));
        Assert.IsType<AmplitudeEncoding>(EncodingFactory.Create("AMPLITUDE", 2));
        Assert.IsType<IqpEncoding>(EncodingFactory.Create("iqp", 2));
        Assert.IsType<ZZFeatureMap>(EncodingFactory.Create("ZZ", 2));
        Assert.IsType<PauliFeatureMap>(EncodingFactory.Create("Pauli", 2));
        foreach (string name in EncodingFactory.Names) Assert.Equal(name, EncodingFactory.Create(name, 3).Name);
        Assert.Equal(2, ((IqpEncoding)EncodingFactory.Create("iqp", 2)).Repeats);

        var o = new EncodingOptions { Reps = 3, Rotation = AngleRotation.Z, Entanglement = Entanglement.Linear, Alpha = 1.5, Paulis = ["X", "ZY"], PadWith = 0.5, NumFeatures = 3 };
        var pauli = (PauliFeatureMap)EncodingFactory.Create("pauli", 3, o);
        Assert.Equal((3, Entanglement.Linear, 1.5), (pauli.Reps, pauli.Entanglement, pauli.Alpha));
        Assert.Equal(["X", "ZY"], pauli.Paulis);
        var amp = (AmplitudeEncoding)EncodingFactory.Create("amplitude", 2, o);
        Assert.Equal((3, 0.5), (amp.NumFeatures, amp.PadWith));
        Assert.Equal(AngleRotation.Z, ((AngleEncoding)EncodingFactory.Create("angle", 2, o)).Rotation);
        Assert.Equal(3, ((ZZFeatureMap)EncodingFactory.Create("zz", 2, o)).Reps);
    }

    [Fact]
    public void OptionsAreImmutableValues()
    {
        var words = new List<string> { "Z", "ZZ" };
        var a = new EncodingOptions { Paulis = words };
        words[1] = "XX";
        Assert.Equal(["Z", "ZZ"], a.Paulis);
        Assert.Equal(EncodingOptions.Default, a);
        Assert.Equal(EncodingOptions.Default.GetHashCode(), a.GetHashCode());
        Assert.NotEqual(a, a with { Reps = 1 });
        Assert.NotEqual(a, a with { Paulis = ["Z"] });
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;
        public int GetHashCode(double obj) => 0;
    }
}
