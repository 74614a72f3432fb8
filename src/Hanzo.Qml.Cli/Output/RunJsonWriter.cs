using System.Text.Json;

namespace Hanzo.Qml.Cli.Output;

/// <summary>
/// The <c>run --json</c> object: <c>{"n_qubits": n, "state": {"re": [...], "im": [...]}, "probs": [...],
/// "expvals": {"Z0 Z3": v}, "samples": {"0101": count}}</c>, with only the requested keys (n_qubits always).
/// Index i of state/probs is the basis state whose bitstring has wire k as character k (wire 0 = most significant bit).
/// </summary>
internal static class RunJsonWriter
{
    public static void Write(TextWriter output, RunResult result) => JsonOutput.Write(output, json => Write(json, result));

    private static void Write(Utf8JsonWriter json, RunResult result)
    {
        var request = result.Request;
        int n = result.NumQubits;
        json.WriteStartObject();
        json.WriteNumber("n_qubits"u8, n);
        if (request.State)
        {
            var amplitudes = result.State.Amplitudes;
            json.WritePropertyName("state"u8);
            json.WriteStartObject();
            json.WritePropertyName("re"u8);
            json.WriteStartArray();
            for (int i = 0; i < amplitudes.Length; i++)
            {
                JsonOutput.Number(json, amplitudes[i].Real);
                JsonOutput.FlushIfFull(json);
            }
            json.WriteEndArray();
            json.WritePropertyName("im"u8);
            json.WriteStartArray();
            for (int i = 0; i < amplitudes.Length; i++)
            {
                JsonOutput.Number(json, amplitudes[i].Imaginary);
                JsonOutput.FlushIfFull(json);
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        if (request.Probs)
        {
            var amplitudes = result.State.Amplitudes;
            json.WritePropertyName("probs"u8);
            json.WriteStartArray();
            for (int i = 0; i < amplitudes.Length; i++)
            {
                // The same arithmetic as Measurements.Probabilities, without its 2ⁿ array.
                double re = amplitudes[i].Real, im = amplitudes[i].Imaginary;
                JsonOutput.Number(json, re * re + im * im);
                JsonOutput.FlushIfFull(json);
            }
            json.WriteEndArray();
        }
        if (request.Expvals.Count > 0)
        {
            json.WritePropertyName("expvals"u8);
            json.WriteStartObject();
            for (int i = 0; i < request.Expvals.Count; i++)
            {
                json.WritePropertyName(request.Expvals[i]);
                JsonOutput.Number(json, result.Expvals[i]);
            }
            json.WriteEndObject();
        }
        if (result.Samples is { } samples)
        {
            Span<byte> key = n <= 256 ? stackalloc byte[n] : new byte[n];
            json.WritePropertyName("samples"u8);
            json.WriteStartObject();
            foreach (var (index, count) in samples) // ascending index = ascending bitstring
            {
                BasisFormat.Bitstring(index, key);
                json.WriteNumber(key, count);
                JsonOutput.FlushIfFull(json);
            }
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }
}
