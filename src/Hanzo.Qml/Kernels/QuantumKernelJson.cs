using System.Text.Json.Nodes;
using Hanzo.Qml.Encodings;
using Hanzo.Qml.Simulation;

namespace Hanzo.Qml.Kernels;

/// <summary>
/// JSON form of the library's quantum kernels and encodings, for saved models: the encoding by factory name and its
/// settings, the kernel by type and its hyperparameters (resolved values, so a reloaded kernel needs no training data).
/// </summary>
internal static class QuantumKernelJson
{
    public static JsonObject Write(IQuantumKernel kernel)
    {
        var o = new JsonObject { ["type"] = kernel.Name, ["encoding"] = WriteEncoding(kernel.Encoding) };
        switch (kernel)
        {
            case FidelityKernel f:
                o["shots"] = f.Options.Shots;
                o["seed"] = f.Options.Seed;
                break;
            case ProjectedQuantumKernel p:
                o["gamma"] = p.Gamma;
                o["gamma_factor"] = p.GammaFactor;
                break;
            default:
                throw new NotSupportedException($"Cannot save a kernel of type {kernel.GetType().Name}; only the library's fidelity and projected kernels are serialisable.");
        }
        return o;
    }

    public static IQuantumKernel Read(JsonObject o, SimulatorOptions? simulator)
    {
        var encoding = ReadEncoding(Object(o, "encoding"));
        string type = Required<string>(o, "type");
        return type switch
        {
            "fidelity" => new FidelityKernel(encoding, new FidelityKernelOptions
            {
                Shots = o["shots"]?.GetValue<int>(),
                Seed = o["seed"]?.GetValue<int>() ?? 0,
                Simulator = simulator,
            }),
            "projected" => new ProjectedQuantumKernel(encoding, o["gamma"]?.GetValue<double>(), o["gamma_factor"]?.GetValue<double>() ?? 1.0, simulator),
            _ => throw new FormatException($"Unknown kernel type \"{type}\"; expected \"fidelity\" or \"projected\"."),
        };
    }

    public static JsonObject WriteEncoding(IEncoding encoding)
    {
        var o = new JsonObject { ["name"] = encoding.Name, ["num_qubits"] = encoding.NumQubits, ["num_features"] = encoding.NumFeatures };
        switch (encoding)
        {
            case AngleEncoding a:
                o["rotation"] = a.Rotation.ToString();
                break;
            case AmplitudeEncoding a:
                o["pad_with"] = a.PadWith;
                break;
            case IqpEncoding q:
                o["reps"] = q.Repeats;
                break;
            case ZZFeatureMap z:
                o["reps"] = z.Reps;
                o["entanglement"] = z.Entanglement.ToString();
                o["alpha"] = z.Alpha;
                break;
            case PauliFeatureMap p:
                o["reps"] = p.Reps;
                o["entanglement"] = p.Entanglement.ToString();
                o["alpha"] = p.Alpha;
                o["paulis"] = new JsonArray([.. p.Paulis.Select(s => (JsonNode?)JsonValue.Create(s))]);
                break;
            default:
                throw new NotSupportedException($"Cannot save encoding {encoding.GetType().Name}: only the encodings of EncodingFactory ({string.Join(", ", EncodingFactory.Names)}) are serialisable.");
        }
        return o;
    }

    public static IEncoding ReadEncoding(JsonObject o)
    {
        string name = Required<string>(o, "name");
        int qubits = Required<int>(o, "num_qubits");
        int features = Required<int>(o, "num_features");
        var options = EncodingOptions.Default;
        if (o["reps"] is JsonNode reps) options = options with { Reps = reps.GetValue<int>() };
        if (o["rotation"] is JsonNode rot) options = options with { Rotation = Enum.Parse<AngleRotation>(rot.GetValue<string>()) };
        if (o["entanglement"] is JsonNode ent) options = options with { Entanglement = Enum.Parse<Entanglement>(ent.GetValue<string>()) };
        if (o["alpha"] is JsonNode alpha) options = options with { Alpha = alpha.GetValue<double>() };
        if (o["paulis"] is JsonArray paulis) options = options with { Paulis = [.. paulis.Select(p => p!.GetValue<string>())] };
        if (o["pad_with"] is JsonNode pad) options = options with { PadWith = pad.GetValue<double>(), NumFeatures = features };
        var encoding = EncodingFactory.Create(name, qubits, options);
        if (encoding.NumFeatures != features)
            throw new FormatException($"The saved encoding reads {features} features but \"{name}\" on {qubits} qubits reads {encoding.NumFeatures}.");
        return encoding;
    }

    public static JsonObject Object(JsonObject o, string property) =>
        o[property] as JsonObject ?? throw new FormatException($"The saved model lacks the object \"{property}\".");

    public static T Required<T>(JsonObject o, string property) =>
        o[property] is JsonNode n ? n.GetValue<T>() : throw new FormatException($"The saved model lacks \"{property}\".");
}
