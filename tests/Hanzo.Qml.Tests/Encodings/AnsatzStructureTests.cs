using Hanzo.Qml.Ansatze;
using Hanzo.Qml.Circuits;
using Hanzo.Qml.Encodings;

namespace Hanzo.Qml.Tests.Encodings;

public class AnsatzStructureTests
{
    [Theory]
    [InlineData(1, "")]
    [InlineData(2, "01")]
    [InlineData(3, "01 12 20")]
    [InlineData(4, "01 12 23 30")]
    public void HardwareEfficientRing(int n, string ring)
    {
        var a = new HardwareEfficientAnsatz(n, 2);
        Assert.Equal(6 * n, a.NumWeights);
        Assert.Equal([2, n, 3], a.WeightShape);
        var c = a.ToCircuit();
        Assert.Equal(6 * n, c.NumWeights);
        string layer = string.Join(" ", CircuitAssert.Cnots(c).Take(CircuitAssert.Cnots(c).Length / 2).Select(p => $"{p.Item1}{p.Item2}"));
        Assert.Equal(ring, layer);
        // Layout [layer][wire][rx, ry, rz]: the RY on wire i of layer l reads (l·n + i)·3 + 1.
        var ry = c.Operations.Where(o => o.Gate == GateKind.RY).Select(o => (o.Wires[0], o.Parameters[0].Index)).ToArray();
        Assert.Equal(Enumerable.Range(0, 2).SelectMany(l => Enumerable.Range(0, n).Select(i => (i, (l * n + i) * 3 + 1))), ry);
        var perWire = c.Operations.TakeWhile(o => o.Gate != GateKind.CNOT).Take(3).Select(o => o.Gate);
        Assert.Equal([GateKind.RX, GateKind.RY, GateKind.RZ], perWire);
    }

    [Theory]
    [InlineData(1, 3, "||")]
    [InlineData(2, 2, "01 10|01 10")]
    [InlineData(3, 3, "01 12 20|02 10 21|01 12 20")]
    [InlineData(4, 4, "01 12 23 30|02 13 20 31|03 10 21 32|01 12 23 30")]
    public void StronglyEntanglingDefaultRanges(int n, int layers, string expected)
    {
        var a = new StronglyEntanglingLayers(n, layers);
        Assert.Equal([layers, n, 3], a.WeightShape);
        Assert.Equal(expected, Layers(a.ToCircuit(), GateKind.Rot, n));
        var rot = a.ToCircuit().Operations.First(o => o.Gate == GateKind.Rot && o.Wires[0] == n - 1);
        Assert.Equal([(n - 1) * 3, (n - 1) * 3 + 1, (n - 1) * 3 + 2], rot.Parameters.ToArray().Select(p => p.Index));
    }

    [Fact]
    public void StronglyEntanglingCustomRanges()
    {
        var a = new StronglyEntanglingLayers(4, 2, [3, -1]);
        Assert.Equal([3, -1], a.Ranges);
        Assert.Equal("03 10 21 32|03 10 21 32", Layers(a.ToCircuit(), GateKind.Rot, 4));
        Assert.Equal([0], new StronglyEntanglingLayers(1, 1, [0]).Ranges);
    }

    [Theory]
    [InlineData(1, "|")]
    [InlineData(2, "01|01")]
    [InlineData(3, "01 12 20|01 12 20")]
    public void BasicEntanglerRing(int n, string expected)
    {
        var a = new BasicEntanglerLayers(n, 2, AngleRotation.Y);
        Assert.Equal([2, n], a.WeightShape);
        Assert.Equal(2 * n, a.NumWeights);
        var c = a.ToCircuit();
        Assert.Equal(expected, Layers(c, GateKind.RY, n));
        Assert.Equal(Enumerable.Range(0, 2 * n), c.Operations.Where(o => o.Gate == GateKind.RY).Select(o => o.Parameters[0].Index));
    }

    [Fact]
    public void WeightOffsetShiftsEveryIndexAndDeclaresTheCount()
    {
        var b = new CircuitBuilder(3);
        new BasicEntanglerLayers(3, 1).AppendTo(b, weightOffset: 4);
        var c = b.Build();
        Assert.Equal(7, c.NumWeights);
        Assert.Equal([4, 5, 6], c.Operations.Where(o => o.Gate == GateKind.RX).Select(o => o.Parameters[0].Index));
    }

    [Fact]
    public void FactoryKnowsEveryName()
    {
        Assert.IsType<HardwareEfficientAnsatz>(AnsatzFactory.Create("Hardware_Efficient", 2, 1));
        Assert.IsType<StronglyEntanglingLayers>(AnsatzFactory.Create("strongly_entangling", 2, 1));
        Assert.IsType<BasicEntanglerLayers>(AnsatzFactory.Create("BASIC_ENTANGLER", 2, 1));
        foreach (string name in AnsatzFactory.Names)
        {
            var a = AnsatzFactory.Create(name, 3, 2);
            Assert.Equal(name, a.Name);
            Assert.Equal((3, 2), (a.NumQubits, a.NumLayers));
            Assert.Equal(a.WeightShape.Aggregate(1, (x, y) => x * y), a.NumWeights);
        }
    }

    /// <summary>The CNOTs of each layer as "cc tt|…"; a layer starts at every n-th rotation.</summary>
    private static string Layers(Circuit c, GateKind rotation, int n)
    {
        var layers = new List<List<string>>();
        int rotations = 0;
        foreach (var op in c.Operations)
        {
            if (op.Gate == rotation)
            {
                if (rotations++ % n == 0) layers.Add([]);
            }
            else if (op.Gate == GateKind.CNOT)
            {
                layers[^1].Add($"{op.Wires[0]}{op.Wires[1]}");
            }
        }
        return string.Join("|", layers.Select(l => string.Join(" ", l)));
    }
}
