using Hanzo.Qml.Encodings;
using Hanzo.Qml.Kernels;

namespace Hanzo.Qml.Benchmark;

/// <summary>What a benchmark model needs to know to build itself for one run.</summary>
/// <param name="NumQubits">Qubits of the quantum model.</param>
/// <param name="Encoding">Encoding name (<see cref="EncodingFactory.Names"/>).</param>
/// <param name="EncodingOptions">Encoding settings.</param>
/// <param name="Kernel">Quantum kernel kind, for kernel models.</param>
/// <param name="NumClasses">Classes of the dataset.</param>
/// <param name="Seed">Seed for models with random initialisation (the same for every split, so splits differ only in data).</param>
/// <param name="RemoveEntanglement">Build the no-entanglement twin instead (quantum models that support it).</param>
public sealed record BenchmarkModelContext(int NumQubits, string Encoding, EncodingOptions EncodingOptions, QuantumKernelKind Kernel,
    int NumClasses, long Seed, bool RemoveEntanglement = false);
