namespace Hanzo.Qml.Cli.Output;

/// <summary>Bitstrings in PennyLane's order: character k is wire k, wire 0 is the most significant bit of the index.</summary>
internal static class BasisFormat
{
    /// <summary>Writes the bitstring of <paramref name="index"/> as ASCII '0'/'1' into <paramref name="destination"/> (length n).</summary>
    public static void Bitstring(long index, Span<byte> destination)
    {
        int n = destination.Length;
        for (int k = 0; k < n; k++) destination[k] = (byte)('0' + (int)((index >> (n - 1 - k)) & 1));
    }

    /// <summary>The bitstring of <paramref name="index"/> on <paramref name="numQubits"/> wires.</summary>
    public static string Bitstring(long index, int numQubits) =>
        string.Create(numQubits, index, static (chars, i) =>
        {
            int n = chars.Length;
            for (int k = 0; k < n; k++) chars[k] = (char)('0' + (int)((i >> (n - 1 - k)) & 1));
        });
}
