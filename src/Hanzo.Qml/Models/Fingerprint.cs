using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Hanzo.Qml.Models;

/// <summary>
/// SHA-256 fingerprints of training inputs for <see cref="TrainingCheckpoint"/>: doubles are hashed by their bits, so
/// two inputs share a fingerprint only if training on them is the same computation.
/// </summary>
internal sealed class Fingerprint : IDisposable
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public void Add(long value)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, value);
        _hash.AppendData(bytes);
    }

    public void Add(double value) => Add(BitConverter.DoubleToInt64Bits(value));

    /// <summary>The hex digest (the hash is reset).</summary>
    public string Finish() => Convert.ToHexStringLower(_hash.GetHashAndReset());

    public static string Of(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public void Dispose() => _hash.Dispose();
}
