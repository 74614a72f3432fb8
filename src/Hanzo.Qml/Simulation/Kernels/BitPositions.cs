using System.Runtime.CompilerServices;

namespace Hanzo.Qml.Simulation.Kernels;

/// <summary>Up to four sorted bit positions at which zero bits are inserted to enumerate a sub-space of indices.</summary>
internal unsafe struct BitPositions
{
    private fixed int _pos[4];

    public int Count;

    /// <summary>Smallest position, or 64 when empty.</summary>
    public readonly int Lowest => Count == 0 ? 64 : _pos[0];

    public void Add(int position)
    {
        if (Count == 4) throw new InvalidOperationException("At most four fixed bits are supported by a kernel.");
        int i = Count++;
        while (i > 0 && _pos[i - 1] > position) { _pos[i] = _pos[i - 1]; i--; }
        _pos[i] = position;
    }

    /// <summary>Spreads the bits of k apart so that every listed position holds a zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly long Insert(long k)
    {
        for (int j = 0; j < Count; j++)
        {
            int q = _pos[j];
            long low = (1L << q) - 1;
            k = ((k & ~low) << 1) | (k & low);
        }
        return k;
    }
}
