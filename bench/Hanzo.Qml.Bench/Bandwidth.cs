using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Hanzo.Qml.Simulation.Kernels;

namespace Hanzo.Qml.Bench;

/// <summary>
/// Measures this machine's memory bandwidth in-process, on a buffer the size of the state being benchmarked, so gate
/// timings can be quoted as a ratio to the bound measured in the same run (the shared machine's bandwidth drifts).
/// </summary>
internal static unsafe class Bandwidth
{
    /// <summary>STREAM-style copy (read one buffer, write another): bytes moved / second.</summary>
    public static double Copy(double* src, double* dst, long doubles, bool parallel)
    {
        Args* args = (Args*)NativeMemory.Alloc((nuint)sizeof(Args));
        *args = new Args { A = src, B = dst };
        try { return Best(() => KernelThreads.Run(&CopyBody, args, doubles / 8, 4096, parallel), 2.0 * doubles * 8); }
        finally { NativeMemory.Free(args); }
    }

    /// <summary>In-place update a[i] = s·a[i] + t (read and write the same buffer, a gate's access pattern): bytes / second.</summary>
    public static double Update(double* a, long doubles, bool parallel)
    {
        Args* args = (Args*)NativeMemory.Alloc((nuint)sizeof(Args));
        *args = new Args { A = a };
        try { return Best(() => KernelThreads.Run(&UpdateBody, args, doubles / 8, 4096, parallel), 2.0 * doubles * 8); }
        finally { NativeMemory.Free(args); }
    }

    private struct Args { public double* A; public double* B; }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static void CopyBody(void* pa, long v0, long v1)
    {
        var a = (Args*)pa;
        for (long v = v0; v < v1; v++) Vector512.Load(a->A + 8 * v).Store(a->B + 8 * v);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static void UpdateBody(void* pa, long v0, long v1)
    {
        var a = (Args*)pa;
        var s = Vector512.Create(1.0000001);
        var t = Vector512.Create(1e-9);
        for (long v = v0; v < v1; v++)
        {
            double* p = a->A + 8 * v;
            Vector512.FusedMultiplyAdd(Vector512.Load(p), s, t).Store(p);
        }
    }

    private static double Best(Action pass, double bytes)
    {
        pass();
        double best = double.MaxValue;
        int reps = bytes > 1e8 ? 10 : 100;
        for (int r = 0; r < reps; r++)
        {
            long t0 = System.Diagnostics.Stopwatch.GetTimestamp();
            pass();
            best = Math.Min(best, System.Diagnostics.Stopwatch.GetElapsedTime(t0).TotalSeconds);
        }
        return bytes / best;
    }
}
