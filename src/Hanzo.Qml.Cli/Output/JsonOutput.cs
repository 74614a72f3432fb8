using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Hanzo.Qml.Cli.Output;

/// <summary>
/// Writes JSON with <see cref="Utf8JsonWriter"/> (shortest round-trip doubles, no reflection) to a command's output:
/// straight into the byte stream under a <see cref="StreamWriter"/> (the real stdout), or decoded into any other
/// <see cref="TextWriter"/> (tests).
/// </summary>
internal static class JsonOutput
{
    /// <summary>Bytes buffered by the JSON writer before they are pushed to the output.</summary>
    public const int FlushThreshold = 1 << 16;

    private static readonly JsonWriterOptions Options = new()
    {
        Indented = false,
        // Keys are written as given: "0.5 Z0 + 0.3 X1" keeps its '+' instead of \u002B (this is not HTML).
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    /// <summary>Runs <paramref name="write"/> on a JSON writer over <paramref name="output"/>, then ends the line.</summary>
    public static void Write(TextWriter output, Action<Utf8JsonWriter> write)
    {
        if (output is StreamWriter { BaseStream: { CanWrite: true } stream } sw)
        {
            sw.Flush();
            WriteTo(stream, write);
            return;
        }
        using var adapter = new TextWriterStream(output);
        WriteTo(adapter, write);
        adapter.Flush();
    }

    private static void WriteTo(Stream stream, Action<Utf8JsonWriter> write)
    {
        using (var json = new Utf8JsonWriter(stream, Options))
        {
            write(json);
            json.Flush();
        }
        stream.WriteByte((byte)'\n');
        stream.Flush();
    }

    /// <summary>Pushes the writer's buffer to its stream once it is large, so a 2ⁿ-long array never sits in memory whole.</summary>
    public static void FlushIfFull(Utf8JsonWriter json)
    {
        if (json.BytesPending >= FlushThreshold) json.Flush();
    }

    /// <summary>A finite double with −0 written as 0; a non-finite value is a failure, never written as NaN.</summary>
    public static void Number(Utf8JsonWriter json, double value)
    {
        if (!double.IsFinite(value)) throw CliException.Failure($"refusing to write the non-finite value {value} as JSON");
        json.WriteNumberValue(value == 0 ? 0.0 : value);
    }

    /// <summary>A write-only stream that decodes UTF-8 into a <see cref="TextWriter"/>.</summary>
    private sealed class TextWriterStream(TextWriter writer) : Stream
    {
        private readonly Decoder _decoder = new UTF8Encoding(false, true).GetDecoder();
        private char[] _chars = new char[4096];

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            int needed = _decoder.GetCharCount(buffer, flush: false);
            if (needed > _chars.Length) _chars = new char[Math.Max(needed, 2 * _chars.Length)];
            int n = _decoder.GetChars(buffer, _chars, flush: false);
            writer.Write(_chars, 0, n);
        }

        public override void Flush() => writer.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
