using System.Numerics;
using System.Text.Json;
using Hanzo.Qml.Ansatze;
using Hanzo.Qml.Circuits;
using Hanzo.Qml.Encodings;
using Hanzo.Qml.Simulation;

namespace Hanzo.Qml.Tests.Reference;

/// <summary>All 72 statevectors of embeddings.json, global phase included, through the encodings, the ansätze and the simulator.</summary>
public class EmbeddingReferenceTests
{
    private const double Tolerance = 1e-10;

    private static JsonElement Cases => ReferenceJson.Load("embeddings.json").GetProperty("cases");

    public static TheoryData<int, string> CaseIndices()
    {
        var data = new TheoryData<int, string>();
        int k = 0;
        foreach (var c in Cases.EnumerateArray())
            data.Add(k++, $"{c.GetProperty("embedding").GetString()} n={c.GetProperty("n_qubits").GetInt32()} seed={c.GetProperty("seed").GetInt32()} {c.GetProperty("options")}");
        return data;
    }

    [Fact]
    public void TheReferenceFileHolds72Cases() => Assert.Equal(72, Cases.GetArrayLength());

    [Theory]
    [MemberData(nameof(CaseIndices))]
    public void StateMatchesPennyLane(int index, string label)
    {
        var c = Cases[index];
        var circuit = BuildCircuit(c, out var features, out var weights);
        var expected = ReferenceJson.ComplexArray(c.GetProperty("state"));
        Assert.Equal(1 << circuit.NumQubits, expected.Length);

        foreach (bool fuse in new[] { true, false })
        {
            var sim = new StatevectorSimulator(new SimulatorOptions { FuseSingleQubitGates = fuse });
            using var state = sim.Run(circuit, weights, features);
            double diff = DenseReference.MaxDiff(expected, state.Amplitudes);
            Assert.True(diff < Tolerance, $"{label} (fusion {fuse}): max deviation {diff:E3}");
        }
        var dense = DenseReference.Run(circuit, weights, features);
        Assert.True(DenseReference.MaxDiff(expected, dense) < Tolerance, $"{label}: dense reference deviates by {DenseReference.MaxDiff(expected, dense):E3}");
    }

    [Theory]
    [MemberData(nameof(CaseIndices))]
    public void FactoryBuiltEncodingsGiveTheSameStates(int index, string label)
    {
        var c = Cases[index];
        string embedding = c.GetProperty("embedding").GetString()!;
        int n = c.GetProperty("n_qubits").GetInt32();
        var o = c.GetProperty("options");
        var features = ReferenceJson.FlattenOrNull(c, "features");
        IEncoding[] encodings = embedding switch
        {
            "AngleEmbedding" => [EncodingFactory.Create("angle", n, new EncodingOptions { Rotation = Enum.Parse<AngleRotation>(o.GetProperty("rotation").GetString()!) })],
            "IQPEmbedding" => [EncodingFactory.Create("IQP", n, new EncodingOptions { Reps = o.GetProperty("n_repeats").GetInt32() })],
            "AmplitudeEmbedding" => [EncodingFactory.Create("amplitude", n, AmplitudeOptions(o, features!.Length))],
            // The Pauli map with ["Z", "ZZ"] must be the ZZ map; checking it on PennyLane's states pins both to the reference.
            "ZZFeatureMap" =>
            [
                EncodingFactory.Create("zz", n, new EncodingOptions { Reps = o.GetProperty("reps").GetInt32(), Alpha = o.GetProperty("alpha").GetDouble() }),
                EncodingFactory.Create("pauli", n, new EncodingOptions { Reps = o.GetProperty("reps").GetInt32(), Alpha = o.GetProperty("alpha").GetDouble(), Paulis = ["Z", "ZZ"] }),
                new PauliFeatureMap(n, ["z", "zz"], o.GetProperty("reps").GetInt32()),
            ],
            _ => [],
        };
        if (encodings.Length == 0)
        {
            // Ansatz cases: the factory's default ranges and rotation are PennyLane's defaults.
            var weights = ReferenceJson.Flatten(c.GetProperty("weights"));
            string name = embedding == "StronglyEntanglingLayers" ? "strongly_entangling" : "basic_entangler";
            var ansatz = AnsatzFactory.Create(name, n, o.GetProperty("layers").GetInt32());
            var b = new CircuitBuilder(n);
            if (o.GetProperty("after_AngleEmbedding_X").GetBoolean()) EncodingFactory.Create("angle", n).AppendTo(b);
            ansatz.AppendTo(b);
            AssertState(c, b.Build(), weights, features ?? [], label);
            return;
        }
        foreach (var e in encodings) AssertState(c, e.ToCircuit(), [], features!, $"{label} via {e}");
    }

    [Fact]
    public void FeatureAndWeightOffsetsShiftWhatIsRead()
    {
        // An encoding placed after unrelated features, and an ansatz after unrelated weights, must read their own slice.
        foreach (var c in Cases.EnumerateArray().Where(c => c.GetProperty("embedding").GetString() == "StronglyEntanglingLayers" && c.GetProperty("options").GetProperty("after_AngleEmbedding_X").GetBoolean()))
        {
            int n = c.GetProperty("n_qubits").GetInt32();
            var features = ReferenceJson.Flatten(c.GetProperty("features"));
            var weights = ReferenceJson.Flatten(c.GetProperty("weights"));
            var b = new CircuitBuilder(n);
            new AngleEncoding(n).AppendTo(b, featureOffset: 3);
            new StronglyEntanglingLayers(n, c.GetProperty("options").GetProperty("layers").GetInt32()).AppendTo(b, weightOffset: 5);
            var circuit = b.Build();
            Assert.Equal(3 + n, circuit.NumFeatures);
            Assert.Equal(5 + weights.Length, circuit.NumWeights);
            AssertState(c, circuit, [.. new double[5], .. weights], [9, 9, 9, .. features], "offsets");
        }
    }

    private static EncodingOptions AmplitudeOptions(JsonElement o, int count)
    {
        var pad = o.GetProperty("pad_with");
        return pad.ValueKind == JsonValueKind.Null
            ? new EncodingOptions()
            : new EncodingOptions { NumFeatures = count, PadWith = pad.GetDouble() };
    }

    private static void AssertState(JsonElement c, Circuit circuit, double[] weights, double[] features, string label)
    {
        var expected = ReferenceJson.ComplexArray(c.GetProperty("state"));
        using var state = new StatevectorSimulator().Run(circuit, weights, features);
        double diff = DenseReference.MaxDiff(expected, state.Amplitudes);
        Assert.True(diff < Tolerance, $"{label}: max deviation {diff:E3}");
    }

    /// <summary>The circuit of one reference case built from the constructors, with its inputs in the documented layouts.</summary>
    internal static Circuit BuildCircuit(JsonElement c, out double[] features, out double[] weights)
    {
        string embedding = c.GetProperty("embedding").GetString()!;
        int n = c.GetProperty("n_qubits").GetInt32();
        var o = c.GetProperty("options");
        features = ReferenceJson.FlattenOrNull(c, "features") ?? [];
        weights = ReferenceJson.FlattenOrNull(c, "weights") ?? [];
        var b = new CircuitBuilder(n);
        switch (embedding)
        {
            case "AngleEmbedding":
                new AngleEncoding(n, Enum.Parse<AngleRotation>(o.GetProperty("rotation").GetString()!)).AppendTo(b);
                break;
            case "IQPEmbedding":
                Assert.Equal("all pairs i<j (default)", o.GetProperty("pattern").GetString());
                new IqpEncoding(n, o.GetProperty("n_repeats").GetInt32()).AppendTo(b);
                break;
            case "AmplitudeEmbedding":
            {
                Assert.True(o.GetProperty("normalize").GetBoolean());
                var pad = o.GetProperty("pad_with");
                var enc = pad.ValueKind == JsonValueKind.Null
                    ? new AmplitudeEncoding(n)
                    : new AmplitudeEncoding(n, features.Length, pad.GetDouble());
                Assert.Equal(features.Length, enc.NumFeatures);
                enc.AppendTo(b);
                break;
            }
            case "ZZFeatureMap":
                Assert.Equal("full", o.GetProperty("entanglement").GetString());
                new ZZFeatureMap(n, o.GetProperty("reps").GetInt32(), Entanglement.Full, o.GetProperty("alpha").GetDouble()).AppendTo(b);
                break;
            case "StronglyEntanglingLayers":
            {
                Assert.Equal("default", o.GetProperty("ranges").GetString());
                Assert.Equal("CNOT", o.GetProperty("imprimitive").GetString());
                if (o.GetProperty("after_AngleEmbedding_X").GetBoolean()) new AngleEncoding(n).AppendTo(b);
                var sel = new StronglyEntanglingLayers(n, o.GetProperty("layers").GetInt32());
                Assert.Equal(ShapeOf(c.GetProperty("weights")), sel.WeightShape);
                sel.AppendTo(b);
                break;
            }
            case "BasicEntanglerLayers":
            {
                Assert.Equal("RX", o.GetProperty("rotation").GetString());
                if (o.GetProperty("after_AngleEmbedding_X").GetBoolean()) new AngleEncoding(n).AppendTo(b);
                var bel = new BasicEntanglerLayers(n, o.GetProperty("layers").GetInt32(), AngleRotation.X);
                Assert.Equal(ShapeOf(c.GetProperty("weights")), bel.WeightShape);
                bel.AppendTo(b);
                break;
            }
            default:
                throw new InvalidOperationException($"Unknown embedding {embedding}.");
        }
        return b.Build();
    }

    private static int[] ShapeOf(JsonElement e)
    {
        var shape = new List<int>();
        while (e.ValueKind == JsonValueKind.Array)
        {
            shape.Add(e.GetArrayLength());
            e = e[0];
        }
        return [.. shape];
    }
}
