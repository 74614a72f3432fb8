using Hanzo.Qml.Circuits;

namespace Hanzo.Qml.Ansatze;

/// <summary>
/// A trainable circuit template: layers of weight-parameterised rotations and fixed entangling gates. Angles are
/// symbolic weights, so one circuit serves every training step.
/// </summary>
/// <remarks>
/// <b>Weight layout.</b> The weights form a tensor of shape <see cref="WeightShape"/> (PennyLane's shape for the same
/// template), flattened in row-major order: with shape [L, n, 3] the weight w[l, i, k] is flat index (l·n + i)·3 + k, and
/// with shape [L, n] the weight w[l, i] is l·n + i. <see cref="AppendTo"/> adds its offset to every flat index.
/// </remarks>
public interface IAnsatz
{
    /// <summary>The name <see cref="AnsatzFactory"/> knows this ansatz by.</summary>
    string Name { get; }

    /// <summary>Number of wires the ansatz acts on (wires 0 … NumQubits−1).</summary>
    int NumQubits { get; }

    /// <summary>Number of layers.</summary>
    int NumLayers { get; }

    /// <summary>Number of weights, the product of <see cref="WeightShape"/>.</summary>
    int NumWeights { get; }

    /// <summary>Shape of the weight tensor, flattened row-major (see the interface remarks).</summary>
    IReadOnlyList<int> WeightShape { get; }

    /// <summary>
    /// Appends the ansatz's gates to <paramref name="builder"/>, reading weights
    /// θ[<paramref name="weightOffset"/>] … θ[<paramref name="weightOffset"/> + <see cref="NumWeights"/> − 1].
    /// </summary>
    /// <param name="builder">The circuit under construction; it must have at least <see cref="NumQubits"/> wires.</param>
    /// <param name="weightOffset">Flat index of the first weight (≥ 0), so several blocks can share one weight vector.</param>
    void AppendTo(CircuitBuilder builder, int weightOffset = 0);

    /// <summary>The ansatz alone, as a circuit on <see cref="NumQubits"/> wires reading weights 0 … NumWeights−1.</summary>
    Circuit ToCircuit();
}
