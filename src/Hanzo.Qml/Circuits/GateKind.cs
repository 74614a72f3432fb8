namespace Hanzo.Qml.Circuits;

/// <summary>
/// The gates the simulator understands. Matrices follow PennyLane's definitions: the first wire of a
/// multi-wire gate is the most significant bit of the gate matrix index.
/// </summary>
public enum GateKind
{
    /// <summary>Identity.</summary>
    Identity,
    /// <summary>Pauli X.</summary>
    PauliX,
    /// <summary>Pauli Y.</summary>
    PauliY,
    /// <summary>Pauli Z.</summary>
    PauliZ,
    /// <summary>Hadamard.</summary>
    Hadamard,
    /// <summary>S = diag(1, i).</summary>
    S,
    /// <summary>S† = diag(1, −i).</summary>
    SAdjoint,
    /// <summary>T = diag(1, e^{iπ/4}).</summary>
    T,
    /// <summary>T† = diag(1, e^{−iπ/4}).</summary>
    TAdjoint,
    /// <summary>SX = √X.</summary>
    SX,
    /// <summary>SX† = (√X)†.</summary>
    SXAdjoint,
    /// <summary>RX(θ) = exp(−iθX/2).</summary>
    RX,
    /// <summary>RY(θ) = exp(−iθY/2).</summary>
    RY,
    /// <summary>RZ(θ) = exp(−iθZ/2).</summary>
    RZ,
    /// <summary>PhaseShift(φ) = diag(1, e^{iφ}) (OpenQASM p/u1).</summary>
    PhaseShift,
    /// <summary>Rot(φ, θ, ω) = RZ(ω)·RY(θ)·RZ(φ).</summary>
    Rot,
    /// <summary>U3(θ, φ, δ), equal to OpenQASM's u3.</summary>
    U3,
    /// <summary>Controlled NOT; wires = [control, target].</summary>
    CNOT,
    /// <summary>Controlled Z.</summary>
    CZ,
    /// <summary>Controlled Y; wires = [control, target].</summary>
    CY,
    /// <summary>SWAP.</summary>
    SWAP,
    /// <summary>iSWAP.</summary>
    ISWAP,
    /// <summary>Controlled RX; wires = [control, target].</summary>
    CRX,
    /// <summary>Controlled RY; wires = [control, target].</summary>
    CRY,
    /// <summary>Controlled RZ; wires = [control, target].</summary>
    CRZ,
    /// <summary>Controlled Rot(φ, θ, ω); wires = [control, target].</summary>
    CRot,
    /// <summary>ControlledPhaseShift(φ) = diag(1, 1, 1, e^{iφ}) (OpenQASM cp/cu1).</summary>
    ControlledPhaseShift,
    /// <summary>IsingXX(θ) = exp(−iθ X⊗X/2) (OpenQASM rxx).</summary>
    IsingXX,
    /// <summary>IsingYY(θ) = exp(−iθ Y⊗Y/2) (OpenQASM ryy).</summary>
    IsingYY,
    /// <summary>IsingZZ(θ) = exp(−iθ Z⊗Z/2) (OpenQASM rzz).</summary>
    IsingZZ,
    /// <summary>MultiRZ(θ) = exp(−iθ Z⊗…⊗Z/2) on any number of wires.</summary>
    MultiRZ,
    /// <summary>Toffoli (CCX); wires = [control, control, target].</summary>
    Toffoli,
}
