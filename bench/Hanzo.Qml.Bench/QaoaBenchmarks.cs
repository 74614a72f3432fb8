using System.Runtime.InteropServices;
using Hanzo.Qml.Optimization.Problems;
using Hanzo.Qml.Optimization.Qaoa;
using Hanzo.Qml.Simulation;
using Hanzo.Qml.Simulation.Kernels;

namespace Hanzo.Qml.Bench;

/// <summary>
/// QAOA p = 3 MaxCut on seeded 3-regular graphs, against PennyLane's fastest way (IsingZZ per edge + RX mixer +
/// probabilities · cut diagonal, shared/perf/PEERS.md "fair peer" rows, OpenBLAS column) and its backprop gradient.
/// </summary>
internal static unsafe class QaoaBenchmarks
{
    public static void Run()
    {
        Console.WriteLine();
        Console.WriteLine("(qaoa) p=3 MaxCut, 3-regular graphs (seed 1), angles = linear ramp; median of repeated runs after a warm-up");
        Console.WriteLine("  work                          n   ours (s)     peer (s)   ×faster  target");
        var angles = QaoaInitialization.LinearRamp(3, 1.5, 0.75);
        foreach (int n in new[] { 16, 20, 24 })
        {
            var graph = GraphGenerators.RandomRegular(n, 3, 1);
            long t0 = System.Diagnostics.Stopwatch.GetTimestamp();
            using var ansatz = new QaoaAnsatz(MaxCut.CostHamiltonian(graph), 3);
            double setup = System.Diagnostics.Stopwatch.GetElapsedTime(t0).TotalSeconds;
            int reps = n >= 24 ? 5 : n >= 20 ? 15 : 60;
            double exp = Benchmarks.Time(() => ansatz.Expectation(angles), reps);
            double grad = Benchmarks.Time(() => ansatz.Gradient(angles), Math.Max(3, reps / 3));
            (double? peerExp, string target) = n switch { 16 => ((double?)0.028, "≥20×"), 20 => (0.659, "≥50×"), _ => (null, "report") };
            Line("expectation", n, exp, peerExp, target);
            Line("expectation + gradient", n, grad, n == 16 ? 0.573 : null, n == 16 ? "≥50×" : "report");
            Console.WriteLine($"    (diagonal + levels once: {setup:F3} s; {ansatz.Minimum.Value} optimum; cost levels: {ansatz.UsesCostLevels})");
        }
        Breakdown(20);
    }

    private static void Line(string work, int n, double ours, double? peer, string target)
    {
        string p = peer is { } v ? $"{v,10:F4}   {v / ours,7:F1}" : $"{"—",10}   {"—",7}";
        Console.WriteLine($"  {work,-26} {n,3}  {ours,9:F5}   {p}  {target}");
    }

    /// <summary>Time of each kernel of one layer at <paramref name="n"/> qubits, to see where a layer's time goes.</summary>
    private static void Breakdown(int n)
    {
        var graph = GraphGenerators.RandomRegular(n, 3, 1);
        var diag = new CostDiagonal(MaxCut.CostHamiltonian(graph));
        using var psi = StateVector.Zero(n);
        using var lambda = StateVector.Zero(n);
        long partialCount = Math.Max(XMixerKernel.PartialsLength(n), 2 * ((1L << n) >> 12));
        double* t = (double*)NativeMemory.Alloc((nuint)(8 * 4 * Math.Max(1, diag.LevelCount)));
        double* pp = (double*)NativeMemory.Alloc((nuint)(8 * partialCount));
        var phase = (DiagonalPhaseKernel.Phase*)NativeMemory.Alloc((nuint)sizeof(DiagonalPhaseKernel.Phase));
        var src = (DiagonalSource*)NativeMemory.Alloc((nuint)sizeof(DiagonalSource));
        try
        {
            *phase = diag.Phase(0.3, t);
            *src = diag.Source;
            bool par = true;
            double Ms(Action a) => Benchmarks.Time(a, 15) * 1e3;
            Console.WriteLine($"  breakdown at n={n} (ms): phase {Ms(() => DiagonalPhaseKernel.Apply(psi.Data, n, *phase, par, true)):F2}"
                + $"  mixer {Ms(() => XMixerKernel.Layer(psi.Data, n, null, 0.9, 0.1, null, pp, par, true)):F2}"
                + $"  phase+mixer {Ms(() => XMixerKernel.Layer(psi.Data, n, phase, 0.9, 0.1, null, pp, par, true)):F2}"
                + $"  phase+mixer+⟨H⟩ {Ms(() => XMixerKernel.Layer(psi.Data, n, phase, 0.9, 0.1, src, pp, par, true)):F2}"
                + $"  expectation {Ms(() => DiagonalPhaseKernel.Expectation(psi.Data, n, *src, pp, par, true)):F2}"
                + $"  ΣX overlap {Ms(() => XMixerKernel.XInner(lambda.Data, psi.Data, n, pp, par, true)):F2}"
                + $"  H_C overlap {Ms(() => DiagonalPhaseKernel.Inner(lambda.Data, psi.Data, n, *src, pp, par, true)):F2}");
        }
        finally
        {
            NativeMemory.Free(t);
            NativeMemory.Free(pp);
            NativeMemory.Free(phase);
            NativeMemory.Free(src);
        }
    }
}
