using System.Numerics;
using System.Text.Json;

namespace Hanzo.Qml.Tests;

/// <summary>Reads the PennyLane reference files copied into the test output (Reference/*.json).</summary>
internal static class ReferenceData
{
    public static JsonElement Load(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Reference", name);
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.Clone();
    }

    public static double[] Doubles(JsonElement e) => e.EnumerateArray().Select(x => x.GetDouble()).ToArray();

    /// <summary>Flattens nested arrays in row-major order.</summary>
    public static double[] Flatten(JsonElement e)
    {
        var list = new List<double>();
        void Walk(JsonElement x)
        {
            if (x.ValueKind == JsonValueKind.Array) foreach (var c in x.EnumerateArray()) Walk(c);
            else list.Add(x.GetDouble());
        }
        Walk(e);
        return [.. list];
    }

    public static Complex[] ComplexVector(JsonElement e)
    {
        var re = Flatten(e.GetProperty("re"));
        var im = Flatten(e.GetProperty("im"));
        return re.Zip(im, (a, b) => new Complex(a, b)).ToArray();
    }
}
