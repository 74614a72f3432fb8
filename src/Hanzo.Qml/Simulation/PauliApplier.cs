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
            var (flip, sign, phase) = term.BasisAction(n);
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
