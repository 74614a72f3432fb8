using System.Buffers.Binary;

namespace Hanzo.Qml.Server.Storage;

/// <summary>Stored arrays as packed little-endian float64 (exact, 8 bytes a value).</summary>
public static class PackedDoubles
{
    /// <summary>Packs <paramref name="values"/> as little-endian float64 (8 bytes each, exact).</summary>
    /// <param name="values">Values.</param>
    public static byte[] Pack(ReadOnlySpan<double> values)
    {
        var bytes = new byte[values.Length * sizeof(double)];
        for (int i = 0; i < values.Length; i++) BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(i * sizeof(double)), values[i]);
        return bytes;
    }

    /// <summary>Unpacks what <see cref="Pack"/> wrote.</summary>
    /// <param name="bytes">Packed bytes; the length must be a multiple of 8.</param>
    /// <exception cref="FormatException">When the length is not a multiple of 8.</exception>
    public static double[] Unpack(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length % sizeof(double) != 0) throw new FormatException($"Packed float64 data has {bytes.Length} bytes, not a multiple of 8.");
        var values = new double[bytes.Length / sizeof(double)];
        for (int i = 0; i < values.Length; i++) values[i] = BinaryPrimitives.ReadDoubleLittleEndian(bytes[(i * sizeof(double))..]);
        return values;
    }
}
