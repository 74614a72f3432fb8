namespace Hanzo.Qml.Optimization.Qaoa;

/// <summary>The mixer layer of a QAOA circuit.</summary>
public enum QaoaMixer
{
    /// <summary>
    /// The transverse field e^{−iβΣⱼXⱼ} = RX(2β) on every wire (Farhi et al.; PennyLane's <c>x_mixer</c>): explores every
    /// bitstring. Applied by a dedicated two-pass kernel.
    /// </summary>
    X,

    /// <summary>
    /// The XY ring mixer: for each ring pair (i, i+1 mod n) in order, e^{−iβ(XᵢXᵢ₊₁ + YᵢYᵢ₊₁)/2} = IsingXX(β)·IsingYY(β)
    /// (PennyLane's <c>xy_mixer</c> on a cycle, one Trotter step). It preserves the Hamming weight, for problems with a
    /// fixed number of ones; start it from a basis state of that weight (<see cref="QaoaAnsatz.InitialBitstring"/>).
    /// </summary>
    XYRing,
}
