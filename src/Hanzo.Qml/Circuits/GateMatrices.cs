using System.Numerics;

namespace Hanzo.Qml.Circuits;

/// <summary>
/// Dense matrices of the gates (PennyLane's definitions, row-major, first wire = most significant bit) and their
/// derivatives with respect to each angle. The simulator uses specialised kernels; these matrices are the reference
/// they are tested against, and the source of fused single-qubit blocks and adjoint-gradient derivative matrices.
/// </summary>
public static class GateMatrices
{
    /// <summary>The matrix dimension 2^k of a gate on <paramref name="numWires"/> wires.</summary>
    public static int Dimension(int numWires) => 1 << numWires;

    /// <summary>The matrix of <paramref name="gate"/> (on <paramref name="numWires"/> wires for MultiRZ) at the given angles.</summary>
    public static Complex[] Matrix(GateKind gate, ReadOnlySpan<double> angles, int numWires = 0, bool adjoint = false)
    {
        int k = GateInfo.Of(gate).NumWires == 0 ? numWires : GateInfo.Of(gate).NumWires;
        if (k < 1) throw new ArgumentException($"{GateInfo.Of(gate).Name} needs the number of wires.", nameof(numWires));
        var m = new Complex[1 << (2 * k)];
        Fill(gate, angles, k, m);
        if (adjoint) ConjugateTranspose(m, 1 << k);
        return m;
    }

    /// <summary>∂U/∂angle[<paramref name="parameter"/>] of <paramref name="gate"/> at the given angles.</summary>
    public static Complex[] Derivative(GateKind gate, ReadOnlySpan<double> angles, int parameter, int numWires = 0, bool adjoint = false)
    {
        var info = GateInfo.Of(gate);
        if ((uint)parameter >= (uint)info.NumParameters)
            throw new ArgumentOutOfRangeException(nameof(parameter), $"{info.Name} has {info.NumParameters} parameter(s).");
        int k = info.NumWires == 0 ? numWires : info.NumWires;
        int d = 1 << k;
        var m = new Complex[d * d];
        Span<double> shifted = stackalloc double[angles.Length];
        angles.CopyTo(shifted);
        switch (gate)
        {
            case GateKind.RX or GateKind.RY or GateKind.RZ or GateKind.IsingXX or GateKind.IsingYY or GateKind.IsingZZ or GateKind.MultiRZ:
                // exp(−iθG/2) with G² = I: U(θ+π) = −iG·U(θ), so ∂U/∂θ = ½·U(θ+π).
                shifted[0] += Math.PI;
                Fill(gate, shifted, k, m);
                Scale(m, 0.5);
                break;
            case GateKind.CRX or GateKind.CRY or GateKind.CRZ:
            {
                // Only the |1⟩⟨1| ⊗ R(θ) block depends on θ.
                var single = gate switch { GateKind.CRX => GateKind.RX, GateKind.CRY => GateKind.RY, _ => GateKind.RZ };
                var dr = Derivative(single, angles, 0);
                PlaceControlled(dr, m, zeroBlock: true);
                break;
            }
            case GateKind.PhaseShift:
                m[3] = Complex.ImaginaryOne * Complex.FromPolarCoordinates(1.0, angles[0]);
                break;
            case GateKind.ControlledPhaseShift:
                m[15] = Complex.ImaginaryOne * Complex.FromPolarCoordinates(1.0, angles[0]);
                break;
            case GateKind.Rot:
                RotDerivative(angles, parameter, m);
                break;
            case GateKind.CRot:
            {
                var dr = new Complex[4];
                RotDerivative(angles, parameter, dr);
                PlaceControlled(dr, m, zeroBlock: true);
                break;
            }
            case GateKind.U3:
                U3Derivative(angles, parameter, m);
                break;
            default:
                throw new ArgumentException($"{info.Name} has no parameters to differentiate.", nameof(gate));
        }
        if (adjoint) ConjugateTranspose(m, d);
        return m;
    }

    /// <summary>Writes the matrix of a fixed-arity gate (or MultiRZ on <paramref name="numWires"/> wires) into <paramref name="m"/>.</summary>
    internal static void Fill(GateKind gate, ReadOnlySpan<double> a, int numWires, Span<Complex> m)
    {
        m.Clear();
        var i = Complex.ImaginaryOne;
        double s2 = 1.0 / Math.Sqrt(2.0);
        switch (gate)
        {
            case GateKind.Identity: m[0] = 1; m[3] = 1; break;
            case GateKind.PauliX: m[1] = 1; m[2] = 1; break;
            case GateKind.PauliY: m[1] = -i; m[2] = i; break;
            case GateKind.PauliZ: m[0] = 1; m[3] = -1; break;
            case GateKind.Hadamard: m[0] = s2; m[1] = s2; m[2] = s2; m[3] = -s2; break;
            case GateKind.S: m[0] = 1; m[3] = i; break;
            case GateKind.SAdjoint: m[0] = 1; m[3] = -i; break;
            case GateKind.T: m[0] = 1; m[3] = Complex.FromPolarCoordinates(1, Math.PI / 4); break;
            case GateKind.TAdjoint: m[0] = 1; m[3] = Complex.FromPolarCoordinates(1, -Math.PI / 4); break;
            case GateKind.SX: m[0] = new(0.5, 0.5); m[1] = new(0.5, -0.5); m[2] = new(0.5, -0.5); m[3] = new(0.5, 0.5); break;
            case GateKind.SXAdjoint: m[0] = new(0.5, -0.5); m[1] = new(0.5, 0.5); m[2] = new(0.5, 0.5); m[3] = new(0.5, -0.5); break;
            case GateKind.RX:
            {
                double c = Math.Cos(a[0] / 2), s = Math.Sin(a[0] / 2);
                m[0] = c; m[1] = new(0, -s); m[2] = new(0, -s); m[3] = c; break;
            }
            case GateKind.RY:
            {
                double c = Math.Cos(a[0] / 2), s = Math.Sin(a[0] / 2);
                m[0] = c; m[1] = -s; m[2] = s; m[3] = c; break;
            }
            case GateKind.RZ:
                m[0] = Complex.FromPolarCoordinates(1, -a[0] / 2); m[3] = Complex.FromPolarCoordinates(1, a[0] / 2); break;
            case GateKind.PhaseShift:
                m[0] = 1; m[3] = Complex.FromPolarCoordinates(1, a[0]); break;
            case GateKind.Rot:
                Rot(a[0], a[1], a[2], m);
                break;
            case GateKind.U3:
            {
                double c = Math.Cos(a[0] / 2), s = Math.Sin(a[0] / 2);
                m[0] = c;
                m[1] = -Complex.FromPolarCoordinates(s, a[2]);
                m[2] = Complex.FromPolarCoordinates(s, a[1]);
                m[3] = Complex.FromPolarCoordinates(c, a[1] + a[2]);
                break;
            }
            case GateKind.CNOT: m[0] = 1; m[5] = 1; m[11] = 1; m[14] = 1; break;
            case GateKind.CZ: m[0] = 1; m[5] = 1; m[10] = 1; m[15] = -1; break;
            case GateKind.CY: m[0] = 1; m[5] = 1; m[11] = -i; m[14] = i; break;
            case GateKind.SWAP: m[0] = 1; m[6] = 1; m[9] = 1; m[15] = 1; break;
            case GateKind.ISWAP: m[0] = 1; m[6] = i; m[9] = i; m[15] = 1; break;
            case GateKind.CRX or GateKind.CRY or GateKind.CRZ:
            {
                var single = gate switch { GateKind.CRX => GateKind.RX, GateKind.CRY => GateKind.RY, _ => GateKind.RZ };
                Span<Complex> r = stackalloc Complex[4];
                Fill(single, a, 1, r);
                PlaceControlled(r, m, zeroBlock: false);
                break;
            }
            case GateKind.CRot:
            {
                Span<Complex> r = stackalloc Complex[4];
                Rot(a[0], a[1], a[2], r);
                PlaceControlled(r, m, zeroBlock: false);
                break;
            }
            case GateKind.ControlledPhaseShift:
                m[0] = 1; m[5] = 1; m[10] = 1; m[15] = Complex.FromPolarCoordinates(1, a[0]); break;
            case GateKind.IsingXX or GateKind.IsingYY:
            {
                double c = Math.Cos(a[0] / 2), s = Math.Sin(a[0] / 2);
                // XX flips both bits: off-diagonal on the anti-diagonal; YY carries a sign (−1 for |00⟩↔|11⟩).
                double yySign = gate == GateKind.IsingYY ? -1.0 : 1.0;
                m[0] = c; m[5] = c; m[10] = c; m[15] = c;
                m[3] = new(0, -s * yySign); m[12] = new(0, -s * yySign);
                m[6] = new(0, -s); m[9] = new(0, -s);
                break;
            }
            case GateKind.IsingZZ or GateKind.MultiRZ:
            {
                int k = gate == GateKind.IsingZZ ? 2 : numWires;
                int d = 1 << k;
                for (int b = 0; b < d; b++)
                {
                    double z = (BitOperations.PopCount((uint)b) & 1) == 0 ? 1.0 : -1.0;
                    m[b * d + b] = Complex.FromPolarCoordinates(1, -a[0] * z / 2);
                }
                break;
            }
            case GateKind.Toffoli:
                for (int b = 0; b < 6; b++) m[b * 8 + b] = 1;
                m[6 * 8 + 7] = 1; m[7 * 8 + 6] = 1;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(gate), gate, "Unknown gate.");
        }
    }

    private static void Rot(double phi, double theta, double omega, Span<Complex> m)
    {
        // RZ(ω)·RY(θ)·RZ(φ) written out.
        double c = Math.Cos(theta / 2), s = Math.Sin(theta / 2);
        m[0] = Complex.FromPolarCoordinates(c, -(phi + omega) / 2);
        m[1] = -Complex.FromPolarCoordinates(s, (phi - omega) / 2);
        m[2] = Complex.FromPolarCoordinates(s, -(phi - omega) / 2);
        m[3] = Complex.FromPolarCoordinates(c, (phi + omega) / 2);
    }

    private static void RotDerivative(ReadOnlySpan<double> a, int parameter, Span<Complex> m)
    {
        double phi = a[0], theta = a[1], omega = a[2];
        double c = Math.Cos(theta / 2), s = Math.Sin(theta / 2);
        var i = Complex.ImaginaryOne;
        switch (parameter)
        {
            case 0:
                m[0] = -0.5 * i * Complex.FromPolarCoordinates(c, -(phi + omega) / 2);
                m[1] = -0.5 * i * Complex.FromPolarCoordinates(s, (phi - omega) / 2);
                m[2] = -0.5 * i * Complex.FromPolarCoordinates(s, -(phi - omega) / 2);
                m[3] = 0.5 * i * Complex.FromPolarCoordinates(c, (phi + omega) / 2);
                break;
            case 1:
                m[0] = Complex.FromPolarCoordinates(-s / 2, -(phi + omega) / 2);
                m[1] = -Complex.FromPolarCoordinates(c / 2, (phi - omega) / 2);
                m[2] = Complex.FromPolarCoordinates(c / 2, -(phi - omega) / 2);
                m[3] = Complex.FromPolarCoordinates(-s / 2, (phi + omega) / 2);
                break;
            default:
                m[0] = -0.5 * i * Complex.FromPolarCoordinates(c, -(phi + omega) / 2);
                m[1] = 0.5 * i * Complex.FromPolarCoordinates(s, (phi - omega) / 2);
                m[2] = 0.5 * i * Complex.FromPolarCoordinates(s, -(phi - omega) / 2);
                m[3] = 0.5 * i * Complex.FromPolarCoordinates(c, (phi + omega) / 2);
                break;
        }
    }

    private static void U3Derivative(ReadOnlySpan<double> a, int parameter, Span<Complex> m)
    {
        double c = Math.Cos(a[0] / 2), s = Math.Sin(a[0] / 2);
        var i = Complex.ImaginaryOne;
        switch (parameter)
        {
            case 0:
                m[0] = -s / 2;
                m[1] = -Complex.FromPolarCoordinates(c / 2, a[2]);
                m[2] = Complex.FromPolarCoordinates(c / 2, a[1]);
                m[3] = Complex.FromPolarCoordinates(-s / 2, a[1] + a[2]);
                break;
            case 1:
                m[2] = i * Complex.FromPolarCoordinates(s, a[1]);
                m[3] = i * Complex.FromPolarCoordinates(c, a[1] + a[2]);
                break;
            default:
                m[1] = -i * Complex.FromPolarCoordinates(s, a[2]);
                m[3] = i * Complex.FromPolarCoordinates(c, a[1] + a[2]);
                break;
        }
    }

    private static void PlaceControlled(ReadOnlySpan<Complex> block, Span<Complex> m4, bool zeroBlock)
    {
        if (!zeroBlock) { m4[0] = 1; m4[5] = 1; }
        m4[10] = block[0]; m4[11] = block[1]; m4[14] = block[2]; m4[15] = block[3];
    }

    private static void Scale(Span<Complex> m, double f)
    {
        for (int k = 0; k < m.Length; k++) m[k] *= f;
    }

    internal static void ConjugateTranspose(Span<Complex> m, int d)
    {
        for (int r = 0; r < d; r++)
        {
            m[r * d + r] = Complex.Conjugate(m[r * d + r]);
            for (int c = r + 1; c < d; c++)
            {
                var t = m[r * d + c];
                m[r * d + c] = Complex.Conjugate(m[c * d + r]);
                m[c * d + r] = Complex.Conjugate(t);
            }
        }
    }
}
