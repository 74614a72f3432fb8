using Hanzo.Qml.Circuits;

namespace Hanzo.Qml.Encodings;

/// <summary>
/// A data encoding (feature map): a fixed circuit structure whose angles are symbolic functions of the input features.
/// Angles are never computed from data at build time, so one circuit serves every sample and the gradient code can
/// differentiate with respect to the features.
/// </summary>
public interface IEncoding
{
    /// <summary>The name <see cref="EncodingFactory"/> knows this encoding by.</summary>
    string Name { get; }

    /// <summary>Number of wires the encoding acts on (wires 0 … NumQubits−1).</summary>
    int NumQubits { get; }

    /// <summary>Number of features the encoding reads.</summary>
    int NumFeatures { get; }

    /// <summary>
    /// Appends the encoding's gates to <paramref name="builder"/>, reading features
    /// x[<paramref name="featureOffset"/>] … x[<paramref name="featureOffset"/> + <see cref="NumFeatures"/> − 1].
    /// </summary>
    /// <param name="builder">The circuit under construction; it must have at least <see cref="NumQubits"/> wires.</param>
    /// <param name="featureOffset">Index of the first feature read (≥ 0), so several encodings can share one feature vector.</param>
    void AppendTo(CircuitBuilder builder, int featureOffset = 0);

    /// <summary>The encoding alone, as a circuit on <see cref="NumQubits"/> wires reading features 0 … NumFeatures−1.</summary>
    Circuit ToCircuit();
}
