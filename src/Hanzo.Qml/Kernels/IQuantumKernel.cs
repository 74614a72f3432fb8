using Hanzo.Qml.Encodings;

namespace Hanzo.Qml.Kernels;

/// <summary>A kernel computed from the states an <see cref="IEncoding"/> prepares: only the kernel is quantum.</summary>
public interface IQuantumKernel : IKernel
{
    /// <summary>The feature map that turns a sample into a state.</summary>
    IEncoding Encoding { get; }

    /// <summary>Qubits of the encoded states.</summary>
    int NumQubits { get; }

    /// <inheritdoc cref="IKernel.FitTo" />
    new IQuantumKernel FitTo(IReadOnlyList<double[]> training);
}
