using Hanzo.Qml.Ansatze;
using Hanzo.Qml.Circuits;
using Hanzo.Qml.Encodings;

namespace Hanzo.Qml.Tests.Encodings;

/// <summary>Every invalid argument is rejected up front with a message that says what was wrong and what is allowed.</summary>
public class ValidationTests
{
    public static TheoryData<string, Func<object>, string> InvalidConstructions() => new()
    {
        { "angle 0 qubits", () => new AngleEncoding(0), "at least 1 qubit" },
        { "angle bad rotation", () => new AngleEncoding(2, (AngleRotation)7), "allowed: X, Y, Z" },
        { "amplitude 0 qubits", () => new AmplitudeEncoding(0), "at least 1 qubit" },
        { "amplitude 31 qubits", () => new AmplitudeEncoding(31), "at most 30 qubits" },
        { "amplitude too many features", () => new AmplitudeEncoding(2, 5), "1..4 features; got 5" },
        { "amplitude zero features", () => new AmplitudeEncoding(2, 0), "1..4 features; got 0" },
        { "amplitude NaN pad", () => new AmplitudeEncoding(2, 3, double.NaN), "finite" },
        { "iqp 0 qubits", () => new IqpEncoding(0), "at least 1 qubit" },
        { "iqp 0 repeats", () => new IqpEncoding(2, 0), "repeats must be at least 1" },
        { "zz 1 qubit", () => new ZZFeatureMap(1), "at least 2 qubit" },
        { "zz 0 reps", () => new ZZFeatureMap(2, 0), "repetitions must be at least 1" },
        { "zz bad entanglement", () => new ZZFeatureMap(2, 2, (Entanglement)9), "allowed: Linear, Circular, Full" },
        { "zz infinite alpha", () => new ZZFeatureMap(2, 2, Entanglement.Full, double.PositiveInfinity), "Alpha must be a finite number" },
        { "pauli no words", () => new PauliFeatureMap(2, []), "at least one Pauli word" },
        { "pauli empty word", () => new PauliFeatureMap(2, ["Z", ""]), "word 1 is empty" },
        { "pauli bad letter", () => new PauliFeatureMap(2, ["ZA"]), "only X, Y and Z" },
        { "pauli identity", () => new PauliFeatureMap(2, ["IZ"]), "identities are not supported" },
        { "pauli word too long", () => new PauliFeatureMap(2, ["ZZZ"]), "acts on 3 wires but the map has only 2" },
        { "pauli 0 reps", () => new PauliFeatureMap(2, null, 0), "repetitions must be at least 1" },
        { "pauli NaN alpha", () => new PauliFeatureMap(2, null, 1, Entanglement.Full, double.NaN), "finite" },
        { "hea 0 qubits", () => new HardwareEfficientAnsatz(0, 1), "at least 1 qubit" },
        { "hea 0 layers", () => new HardwareEfficientAnsatz(2, 0), "layers must be at least 1" },
        { "hea overflow", () => new HardwareEfficientAnsatz(1 << 16, 1 << 16), "more than" },
        { "sel 0 layers", () => new StronglyEntanglingLayers(2, 0), "layers must be at least 1" },
        { "sel range count", () => new StronglyEntanglingLayers(3, 2, [1]), "one range per layer: 2 expected, 1 given" },
        { "sel zero range", () => new StronglyEntanglingLayers(3, 2, [1, 0]), "multiple of the wire count 3" },
        { "sel range = n", () => new StronglyEntanglingLayers(3, 2, [3, 1]), "multiple of the wire count 3" },
        { "bel 0 qubits", () => new BasicEntanglerLayers(0, 1), "at least 1 qubit" },
        { "bel bad rotation", () => new BasicEntanglerLayers(2, 1, (AngleRotation)(-1)), "allowed: X, Y, Z" },
        { "encoding factory", () => EncodingFactory.Create("zzfeaturemap", 2), "allowed names: angle, amplitude, iqp, zz, pauli" },
        { "ansatz factory", () => AnsatzFactory.Create("ry_cz", 2, 1), "allowed names: hardware_efficient, strongly_entangling, basic_entangler" },
        { "factory passes options on", () => EncodingFactory.Create("iqp", 2, new EncodingOptions { Reps = 0 }), "repeats must be at least 1" },
    };

    [Theory]
    [MemberData(nameof(InvalidConstructions))]
    public void InvalidArgumentsAreRejectedWithAClearMessage(string label, Func<object> create, string fragment)
    {
        var ex = Assert.ThrowsAny<ArgumentException>(create);
        Assert.True(ex.Message.Contains(fragment, StringComparison.Ordinal), $"{label}: message \"{ex.Message}\" lacks \"{fragment}\"");
    }

    public static TheoryData<string> Blocks() => ["angle", "amplitude", "iqp", "zz", "pauli", "hardware_efficient", "strongly_entangling", "basic_entangler"];

    [Theory]
    [MemberData(nameof(Blocks))]
    public void AppendingToATooSmallCircuitOrAtANegativeOffsetFails(string name)
    {
        Action<CircuitBuilder, int> append = EncodingFactory.Names.Contains(name)
            ? EncodingFactory.Create(name, 3).AppendTo
            : AnsatzFactory.Create(name, 3, 1).AppendTo;
        var small = Assert.ThrowsAny<ArgumentException>(() => append(new CircuitBuilder(2), 0));
        Assert.Contains("2", small.Message, StringComparison.Ordinal);
        var negative = Assert.ThrowsAny<ArgumentOutOfRangeException>(() => append(new CircuitBuilder(3), -1));
        Assert.Contains("≥ 0", negative.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => append(null!, 0));
    }

    [Fact]
    public void NullNamesAndOptionListsAreRejected()
    {
        Assert.Throws<ArgumentNullException>(() => EncodingFactory.Create(null!, 2));
        Assert.Throws<ArgumentNullException>(() => AnsatzFactory.Create(null!, 2, 1));
        Assert.Throws<ArgumentNullException>(() => new EncodingOptions { Paulis = null! });
        Assert.Throws<ArgumentException>(() => new PauliFeatureMap(2, [null!]));
    }

    [Fact]
    public void TupleIndexOutsideTheWordsIsRejected()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new PauliFeatureMap(2).TuplesFor(2));
        Assert.Contains("0..1", ex.Message, StringComparison.Ordinal);
    }
}
