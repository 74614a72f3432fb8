using System.IO.Compression;
using System.Text;

namespace Hanzo.Qml.Server.Storage;

/// <summary>Stored documents (model documents, checkpoints, reports) as gzip of their UTF-8 text.</summary>
public static class CompressedText
{
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
