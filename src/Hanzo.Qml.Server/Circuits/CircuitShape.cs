using Hanzo.Qml.Circuits;

namespace Hanzo.Qml.Server.Circuits;

/// <summary>Structural measures of a circuit used by the limits.</summary>
public static class CircuitShape
{
    /// <summary>
    /// Depth: the number of layers when every gate is placed in the first layer after the last gate on any of its wires
    /// (so gates on disjoint wires share a layer). An amplitude-encoding state preparation is not a gate and adds nothing.
    /// </summary>
    /// <param name="circuit">The circuit.</param>
    public static int Depth(Circuit circuit)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        var level = new int[circuit.NumQubits];
        int depth = 0;
        foreach (var op in circuit.Operations)
        {
            int d = 0;
            foreach (int w in op.Wires) d = Math.Max(d, level[w]);
            d++;
            foreach (int w in op.Wires) level[w] = d;
            depth = Math.Max(depth, d);
        }
        return depth;
    }
}
