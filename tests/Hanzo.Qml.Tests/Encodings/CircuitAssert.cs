using Hanzo.Qml.Circuits;

namespace Hanzo.Qml.Tests.Encodings;

/// <summary>Structural comparison of circuits (Operation and ParameterExpression compare arrays by reference).</summary>
internal static class CircuitAssert
{
    public static string Describe(Operation op)
    {
        var ps = op.Parameters.ToArray().Select(p => $"{p.Kind}[{string.Join(",", p.Indices.ToArray())}]*{p.Scale:R}+{p.Offset:R}");
        return $"{op.Gate}{(op.IsAdjoint ? "†" : "")} [{string.Join(",", op.Wires.ToArray())}] ({string.Join("; ", ps)})";
    }

    public static void SameOperations(Circuit expected, Circuit actual)
    {
        Assert.Equal(expected.NumQubits, actual.NumQubits);
        Assert.Equal(expected.NumFeatures, actual.NumFeatures);
        Assert.Equal(expected.NumWeights, actual.NumWeights);
        Assert.Equal(expected.Operations.Select(Describe), actual.Operations.Select(Describe));
    }

    public static (int, int)[] Cnots(Circuit c) =>
        [.. c.Operations.Where(o => o.Gate == GateKind.CNOT).Select(o => (o.Wires[0], o.Wires[1]))];
}
