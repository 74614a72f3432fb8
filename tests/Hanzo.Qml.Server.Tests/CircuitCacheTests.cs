using System.Text.Json;
using Hanzo.Qml.Server.Circuits;
using Hanzo.Qml.Server.Storage;

namespace Hanzo.Qml.Server.Tests;

public sealed class CircuitCacheTests
{
    private static readonly JsonSerializerOptions Json = Options();

    private static JsonSerializerOptions Options()
    {
        var o = new JsonSerializerOptions();
        ServerSetup.Configure(o);
        return o;
    }

    private static CircuitRecord Record(string id, int qubits) => new()
    {
        Id = id,
        OrganisationId = "local",
        Format = "structural",
        Definition = JsonSerializer.Serialize(new CreateCircuitRequest { NQubits = qubits, Encoding = "angle" }, Json),
        NumQubits = qubits,
    };

    [Fact]
    public void Keeps_the_most_recently_used_circuits_within_its_capacity()
    {
        var cache = new CircuitCache(capacity: 2);
        var a = cache.Get(Record("a", 1), Json);
        var b = cache.Get(Record("b", 2), Json);
        Assert.Same(a, cache.Get(Record("a", 1), Json)); // a is now the most recent
        cache.Get(Record("c", 3), Json);                  // evicts b
        Assert.Equal(2, cache.Count);
        Assert.Same(a, cache.Get(Record("a", 1), Json));
        Assert.NotSame(b, cache.Get(Record("b", 2), Json));
        Assert.Equal(2, cache.Count);
    }

    [Fact]
    public void Rebuilds_a_stored_definition_with_its_shape()
    {
        var compiled = new CircuitCache().Get(Record("x", 3), Json);
        Assert.Equal(3, compiled.Circuit.NumQubits);
        Assert.Equal(3, compiled.Circuit.NumFeatures);
        Assert.Equal(1, compiled.Depth);
        Assert.Equal("structural", compiled.Format);
    }
}
