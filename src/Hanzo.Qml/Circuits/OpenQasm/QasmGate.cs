namespace Hanzo.Qml.Circuits.OpenQasm;

/// <summary>A gate name the importer can apply: a built-in or qelib1 gate, or a user <c>gate</c> definition.</summary>
internal abstract class QasmGate(string name, int numParameters, int numQubits)
{
    /// <summary>Default bound on a program's operations: more means a runaway chain of nested user gates.</summary>
    public const int MaxOperations = 1 << 22;

    public string Name { get; } = name;

    public int NumParameters { get; } = numParameters;

    public int NumQubits { get; } = numQubits;

    /// <summary>Levels of user gates this gate expands through (0 for a library gate); expansion recurses this deep.</summary>
    public virtual int Nesting => 0;

    /// <summary>Appends the gate's operations for concrete angles and distinct wires.</summary>
    /// <param name="parameters">Evaluated, finite angles.</param>
    /// <param name="wires">Circuit wires, one per gate argument.</param>
    /// <param name="output">Where the operations go.</param>
    /// <param name="site">The statement being expanded, to locate a size-limit error.</param>
    /// <param name="maxOperations">Bound on <paramref name="output"/>'s length, checked while user gates expand.</param>
    public abstract void Emit(ReadOnlySpan<double> parameters, ReadOnlySpan<int> wires, List<Operation> output, QasmToken site, int maxOperations);
}
