namespace Hanzo.Qml.Encodings;

/// <summary>The wire tuples of an <see cref="Entanglement"/> pattern, shared by the ZZ and Pauli feature maps.</summary>
internal static class EntanglerMap
{
    /// <summary>The tuples of <paramref name="blockSize"/> wires out of <paramref name="numQubits"/>, in Qiskit's order.</summary>
    public static int[][] Tuples(Entanglement entanglement, int numQubits, int blockSize)
    {
        if (blockSize < 1 || blockSize > numQubits)
            throw new ArgumentOutOfRangeException(nameof(blockSize), blockSize, $"A {blockSize}-body term does not fit on {numQubits} qubit(s); it needs 1..{numQubits} wires.");
        switch (entanglement)
        {
            case Entanglement.Full:
                return Combinations(numQubits, blockSize);
            case Entanglement.Linear:
                return Windows(numQubits, blockSize);
            case Entanglement.Circular:
            {
                var linear = Windows(numQubits, blockSize);
                // One-body terms have nothing to wrap around, and with n == k the wrap tuple would repeat the only window.
                if (blockSize == 1 || numQubits == blockSize) return linear;
                var wrap = new int[blockSize];
                for (int m = 0; m < blockSize - 1; m++) wrap[m] = numQubits - blockSize + 1 + m;
                wrap[blockSize - 1] = 0;
                return [wrap, .. linear];
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(entanglement), entanglement, "Entanglement must be Linear, Circular or Full.");
        }
    }

    private static int[][] Windows(int n, int k)
    {
        var result = new int[n - k + 1][];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = new int[k];
            for (int m = 0; m < k; m++) result[i][m] = i + m;
        }
        return result;
    }

    private static int[][] Combinations(int n, int k)
    {
        var result = new List<int[]>();
        var current = new int[k];
        for (int m = 0; m < k; m++) current[m] = m;
        while (true)
        {
            result.Add((int[])current.Clone());
            // Advance the rightmost index that still has room; everything after it restarts just above it.
            int pos = k - 1;
            while (pos >= 0 && current[pos] == n - k + pos) pos--;
            if (pos < 0) return [.. result];
            current[pos]++;
            for (int m = pos + 1; m < k; m++) current[m] = current[m - 1] + 1;
        }
    }
}
