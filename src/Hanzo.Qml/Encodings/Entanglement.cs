namespace Hanzo.Qml.Encodings;

/// <summary>
/// Which wire tuples a k-body term of a Pauli feature map acts on, in Qiskit's orders (see
/// <c>qiskit.circuit.library.n_local.get_entangler_map</c>). Order matters: the CNOT-conjugated phase blocks of
/// different tuples do not commute once X or Y terms are present, and the order also fixes the statevector bit for bit.
/// </summary>
public enum Entanglement
{
    /// <summary>Consecutive windows (0,…,k−1), (1,…,k), …; for pairs (0,1), (1,2), …, (n−2,n−1).</summary>
    Linear,
    /// <summary>
    /// The wrap-around tuple (n−k+1, …, n−1, 0) <b>first</b>, then the linear windows; for pairs (n−1,0), (0,1), (1,2), ….
    /// As in current Qiskit, the wrap-around tuple is added only when n &gt; k, so on two qubits circular equals linear.
    /// </summary>
    Circular,
    /// <summary>Every k-subset of the wires in lexicographic order; for pairs (0,1), (0,2), …, (1,2), ….</summary>
    Full,
}
