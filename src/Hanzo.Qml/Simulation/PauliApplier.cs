using System.Numerics;
using Hanzo.Qml.Circuits;

namespace Hanzo.Qml.Simulation;

/// <summary>Applies observables to states: |dest⟩ = H|src⟩, the starting co-state of adjoint differentiation.</summary>
internal static unsafe class PauliApplier
{
    /// <summary>Writes H|<paramref name="source"/>⟩ into <paramref name="destination"/>.</summary>
    public static void Apply(Hamiltonian observable, StateVector source, StateVector destination)
    {
        int n = source.NumQubits;
        double* d = destination.Data;
        double* s = source.Data;
        System.Runtime.InteropServices.NativeMemory.Clear(d, (nuint)(source.Length * 16));
        foreach (var term in observable.Terms)
        {
            if (term.MaxWire >= n) throw new ArgumentException($"Observable term '{term}' names wire {term.MaxWire}, outside the {n}-qubit register.", nameof(observable));
            long flip = 0, sign = 0;
            int ys = 0;
            foreach (var (wire, op) in term.Factors)
            {
                long bit = 1L << (n - 1 - wire);
                if (op is Pauli.X or Pauli.Y) flip |= bit;
                if (op is Pauli.Y or Pauli.Z) sign |= bit;
                if (op == Pauli.Y) ys++;
            }
            // P|j⟩ = i^{#Y} (−1)^{popcount(j & sign)} |j ⊕ flip⟩.
            var phase = term.Coefficient * ((ys & 3) switch { 0 => Complex.One, 1 => Complex.ImaginaryOne, 2 => -Complex.One, _ => -Complex.ImaginaryOne });
            for (long j = 0; j < source.Length; j++)
            {
                double sg = (BitOperations.PopCount((ulong)(j & sign)) & 1) != 0 ? -1.0 : 1.0;
                double cr = sg * phase.Real, ci = sg * phase.Imaginary;
                double xr = s[2 * j], xi = s[2 * j + 1];
                long k = j ^ flip;
                d[2 * k] += cr * xr - ci * xi;
                d[2 * k + 1] += cr * xi + ci * xr;
            }
        }
    }
}
