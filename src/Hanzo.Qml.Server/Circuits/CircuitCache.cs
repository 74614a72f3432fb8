using System.Text.Json;
using Hanzo.Qml.Server.Storage;

namespace Hanzo.Qml.Server.Circuits;

/// <summary>
/// The most recently used compiled circuits, by id. Definitions are immutable, so a cached circuit never goes stale;
/// the bound keeps memory in check when many circuits are in use (a circuit may hold up to <c>limits.max_gates</c> gates).
/// Callers look the record up (scoped by organisation) first, so the cache never decides who may see a circuit.
/// </summary>
/// <param name="capacity">Most circuits kept.</param>
public sealed class CircuitCache(int capacity = CircuitCache.DefaultCapacity)
{
    /// <summary>Default number of circuits kept.</summary>
    public const int DefaultCapacity = 256;

    private readonly int _capacity = capacity >= 1 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "The cache must hold at least one circuit.");
    private readonly Dictionary<string, LinkedListNode<(string Id, CompiledCircuit Circuit)>> _index = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Id, CompiledCircuit Circuit)> _order = new();
    private readonly Lock _lock = new();

    /// <summary>Number of circuits held.</summary>
    public int Count
    {
        get { lock (_lock) return _index.Count; }
    }

    /// <summary>The compiled circuit of <paramref name="record"/>, built from its definition on a miss.</summary>
    /// <param name="record">A stored circuit the caller may see.</param>
    /// <param name="json">The service's JSON settings (to read the stored definition).</param>
    public CompiledCircuit Get(CircuitRecord record, JsonSerializerOptions json)
    {
        ArgumentNullException.ThrowIfNull(record);
        lock (_lock)
        {
            if (_index.TryGetValue(record.Id, out var node))
            {
                _order.Remove(node);
                _order.AddFirst(node);
                return node.Value.Circuit;
            }
        }
        // Built outside the lock: two requests may both build on a miss, and the second simply replaces the first.
        var compiled = CircuitCompiler.FromRecord(record, json);
        Put(record.Id, compiled);
        return compiled;
    }

    /// <summary>Stores a circuit just compiled (on create), evicting the least recently used one when full.</summary>
    /// <param name="id">Its id.</param>
    /// <param name="circuit">The compiled circuit.</param>
    public void Put(string id, CompiledCircuit circuit)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(circuit);
        lock (_lock)
        {
            if (_index.TryGetValue(id, out var existing)) _order.Remove(existing);
            var node = _order.AddFirst((id, circuit));
            _index[id] = node;
            while (_index.Count > _capacity)
            {
                var last = _order.Last!;
                _order.RemoveLast();
                _index.Remove(last.Value.Id);
            }
        }
    }
}
