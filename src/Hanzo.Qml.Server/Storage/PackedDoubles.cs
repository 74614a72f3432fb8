using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Hanzo.Qml.Server.Storage;

/// <summary>Compact binary forms for stored arrays and documents: little-endian float64 and gzip text.</summary>
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

    /// <summary>Gzip of the UTF-8 bytes of <paramref name="text"/>.</summary>
    /// <param name="text">Text, e.g. a JSON document.</param>
    public static byte[] Compress(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
            gzip.Write(Encoding.UTF8.GetBytes(text));
        return output.ToArray();
    }

    /// <summary>The text <see cref="Compress"/> stored.</summary>
    /// <param name="bytes">Gzip bytes.</param>
    public static string Decompress(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        using var input = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var reader = new StreamReader(input, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
