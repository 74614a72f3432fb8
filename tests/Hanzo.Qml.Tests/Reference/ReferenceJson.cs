using System.Numerics;
using System.Text.Json;

namespace Hanzo.Qml.Tests.Reference;

/// <summary>Reads the PennyLane reference files copied next to the test assembly.</summary>
internal static class ReferenceJson
{
    private static readonly Dictionary<string, JsonDocument> Cache = [];
    private static readonly Lock Gate = new();

    public static JsonElement Load(string fileName)
    {
        lock (Gate)
        {
            if (!Cache.TryGetValue(fileName, out var doc))
            {
                string path = Path.Combine(AppContext.BaseDirectory, "Reference", fileName);
                doc = JsonDocument.Parse(File.ReadAllBytes(path));
                Cache[fileName] = doc;
            }
            return doc.RootElement;
        }
    }

    /// <summary>A {"re": [...], "im": [...]} vector, or a matrix flattened row-major.</summary>
    public static Complex[] ComplexArray(JsonElement element)
    {
        var re = Flatten(element.GetProperty("re"));
        var im = Flatten(element.GetProperty("im"));
        Assert.Equal(re.Length, im.Length);
        var result = new Complex[re.Length];
        for (int i = 0; i < re.Length; i++) result[i] = new Complex(re[i], im[i]);
        return result;
    }

    /// <summary>Nested number arrays flattened row-major; null for a JSON null.</summary>
    public static double[] Flatten(JsonElement element)
    {
        var list = new List<double>();
        void Walk(JsonElement e)
        {
            if (e.ValueKind == JsonValueKind.Array) foreach (var c in e.EnumerateArray()) Walk(c);
            else list.Add(e.GetDouble());
        }
        Walk(element);
        return [.. list];
    }

    public static double[]? FlattenOrNull(JsonElement parent, string property) =>
        parent.TryGetProperty(property, out var e) && e.ValueKind != JsonValueKind.Null ? Flatten(e) : null;
}
