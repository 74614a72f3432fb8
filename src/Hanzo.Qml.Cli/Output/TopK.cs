namespace Hanzo.Qml.Cli.Output;

/// <summary>Selection of the largest entries of a long list without sorting it (for the readable tables).</summary>
internal static class TopK
{
    /// <summary>
    /// Indices of the <paramref name="k"/> largest values, largest first; ties keep the smaller index first.
    /// O(N log k) time and O(k) memory.
    /// </summary>
    public static long[] Largest(ReadOnlySpan<double> values, int k)
    {
        k = Math.Min(k, values.Length);
        if (k <= 0) return [];
        var heap = new PriorityQueue<long, (double Value, long NegIndex)>(k);
        for (int i = 0; i < values.Length; i++)
        {
            var key = (values[i], -(long)i);
            if (heap.Count < k) heap.Enqueue(i, key);
            else if (Compare(key, PeekPriority(heap)) > 0) heap.DequeueEnqueue(i, key);
        }
        var result = new long[heap.Count];
        for (int j = result.Length - 1; j >= 0; j--) result[j] = heap.Dequeue();
        return result;
    }

    private static (double, long) PeekPriority(PriorityQueue<long, (double Value, long NegIndex)> heap)
    {
        heap.TryPeek(out _, out var priority);
        return priority;
    }

    private static int Compare((double Value, long NegIndex) a, (double Value, long NegIndex) b)
    {
        int c = a.Value.CompareTo(b.Value);
        return c != 0 ? c : a.NegIndex.CompareTo(b.NegIndex);
    }
}
