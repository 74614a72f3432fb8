namespace Hanzo.Qml.Simulation.Kernels;

/// <summary>
/// Replays a list of kernel instructions with cache blocking. A run of consecutive instructions that touch only the
/// low <see cref="BlockQubits"/> bits acts independently on each aligned block of 2^B amplitudes, so the whole run is
/// applied to one block while it sits in the core's L2 cache before moving to the next: one trip through L3/DRAM for
/// the run instead of one per gate. Blocks go to different threads with no synchronisation inside the run.
/// Instructions on higher bits run as ordinary full passes.
/// </summary>
internal static unsafe class BlockedExecutor
{
    /// <summary>Block size in qubits: 2^15 amplitudes = 512 KiB, half of a core's L2 on the reference machine.</summary>
    public static int BlockQubits { get; set; } = 15;

    private struct Args
    {
        public double* State;
        public KernelInstruction* First;
        public int Count;
        public int BlockQubits;
    }

    public static void Execute(double* state, int n, ReadOnlySpan<KernelInstruction> list, bool parallel)
    {
        int b = BlockQubits;
        fixed (KernelInstruction* p = list)
        {
            int i = 0;
            while (i < list.Length)
            {
                int j = i;
                if (n > b)
                    while (j < list.Length && p[j].HighestBit < b) j++;
                if (j - i >= 2)
                {
                    var args = new Args { State = state, First = p + i, Count = j - i, BlockQubits = b };
                    KernelThreads.Run(&BlockBody, &args, 1L << (n - b), 1, parallel);
                    i = j;
                }
                else
                {
                    p[i].Execute(state, n, parallel);
                    i++;
                }
            }
        }
    }

    private static void BlockBody(void* pa, long c0, long c1)
    {
        var a = (Args*)pa;
        int b = a->BlockQubits;
        for (long c = c0; c < c1; c++)
        {
            double* block = a->State + (c << (b + 1));
            for (int k = 0; k < a->Count; k++) a->First[k].Execute(block, b, parallel: false);
        }
    }
}
