using Hanzo.Qml.Circuits;
using Hanzo.Qml.Circuits.OpenQasm;
using static Hanzo.Qml.Tests.OpenQasm.QasmTestSupport;

namespace Hanzo.Qml.Tests.OpenQasm;

public class QasmParserFeatureTests
{
    private static double Angle(Operation op, int i = 0) => op.Parameters[i].Evaluate([], []);

    [Theory]
    [InlineData("pi", Math.PI)]
    [InlineData("pi/2", Math.PI / 2)]
    [InlineData("-pi/4 + 2*pi", -Math.PI / 4 + 2 * Math.PI)]
    [InlineData("2*sin(pi/6)", 2 * 0.49999999999999994)]
    [InlineData("1.5e-1", 0.15)]
    [InlineData(".5E+1", 5.0)]
    [InlineData("3.", 3.0)]
    [InlineData("2^3", 8.0)]
    [InlineData("2^-1", 0.5)]
    [InlineData("-2^2", -4.0)]
    [InlineData("2^3^2", 512.0)]
    [InlineData("sqrt(4)*cos(0) - exp(ln(2)) + tan(0)", 0.0)]
    [InlineData("((1))", 1.0)]
    [InlineData("--1", 1.0)]
    [InlineData("+0.25", 0.25)]
    [InlineData("1 - 2 - 3", -4.0)]
    [InlineData("8 / 4 / 2", 1.0)]
    [InlineData("1 + 2 * 3", 7.0)]
    [InlineData("(1 + 2) * 3", 9.0)]
    public void AngleExpressionsEvaluate(string expression, double expected)
    {
        var p = OpenQasmParser.Parse(Header + $"qreg q[1];\nrx({expression}) q[0];");
        Assert.Equal(expected, Angle(p.Circuit.Operations[0]), 15);
    }

    [Fact]
    public void PiIsExactlyMathPi()
    {
        var p = OpenQasmParser.Parse(Header + "qreg q[1];\nu3(pi, pi/2, -pi/4) q[0];");
        var op = p.Circuit.Operations[0];
        Assert.Equal(Math.PI, Angle(op, 0));
        Assert.Equal(Math.PI / 2, Angle(op, 1));
        Assert.Equal(-Math.PI / 4, Angle(op, 2));
    }

    [Fact]
    public void AGateOnAWholeRegisterBroadcasts()
    {
        var p = OpenQasmParser.Parse(Header + "qreg q[3];\nh q;\nrz(0.5) q;");
        Assert.Equal(6, p.Circuit.Count);
        Assert.Equal([0, 1, 2, 0, 1, 2], p.Circuit.Operations.Select(o => o.Wires[0]));
        Assert.All(p.Circuit.Operations.Take(3), o => Assert.Equal(GateKind.Hadamard, o.Gate));
    }

    [Fact]
    public void TwoQubitGatesBroadcastPairwiseAndRepeatSingleQubits()
    {
        var p = OpenQasmParser.Parse(Header + "qreg q[2];\nqreg r[2];\ncx q, r;\ncx q[0], r;\ncz r, q[1];");
        var wires = p.Circuit.Operations.Select(o => (o.Wires[0], o.Wires[1])).ToArray();
        Assert.Equal([(0, 2), (1, 3), (0, 2), (0, 3), (2, 1), (3, 1)], wires);
    }

    [Fact]
    public void SeveralRegistersAreConcatenatedInDeclarationOrder()
    {
        var p = OpenQasmParser.Parse(Header + "qreg a[2];\ncreg m[1];\nqreg b[3];\ncreg n[2];\nx b[0];\nx a[1];\ny b[2];");
        Assert.Equal(5, p.Circuit.NumQubits);
        Assert.Equal([new QasmRegister("a", 2, 0), new QasmRegister("b", 3, 2)], p.QuantumRegisters);
        Assert.Equal([new QasmRegister("m", 1, 0), new QasmRegister("n", 2, 1)], p.ClassicalRegisters);
        Assert.Equal(3, p.NumClassicalBits);
        Assert.Equal([2, 1, 4], p.Circuit.Operations.Select(o => o.Wires[0]));
        var expected = new CircuitBuilder(5).X(2).X(1).Y(4).Build();
        AssertClose(State(expected), State(p.Circuit), 1e-15, "registers");
    }

    [Fact]
    public void MeasurementsAreRecordedWithFlatIndices()
    {
        var p = OpenQasmParser.Parse(Header + "qreg q[3];\ncreg c[3];\ncreg d[1];\nh q[0];\nmeasure q[2] -> d[0];\nmeasure q[0] -> c[1];\nh q[1];");
        Assert.Equal(new[] { new QasmMeasurement(2, 3), new QasmMeasurement(0, 1) }, p.Measurements);
        Assert.Equal([0, 2], p.MeasuredQubits);
        Assert.False(p.MeasuresAll);
        Assert.Equal(2, p.Circuit.Count);
    }

    [Fact]
    public void MeasuringWholeRegistersMeasuresAll()
    {
        var p = OpenQasmParser.Parse(Header + "qreg q[2];\nqreg r[1];\ncreg c[2];\ncreg d[1];\nh q;\nmeasure q -> c;\nmeasure r -> d;");
        Assert.True(p.MeasuresAll);
        Assert.Equal(new[] { new QasmMeasurement(0, 0), new QasmMeasurement(1, 1), new QasmMeasurement(2, 2) }, p.Measurements);
    }

    [Fact]
    public void GatesOnOtherQubitsMayFollowAMeasurement()
    {
        var p = OpenQasmParser.Parse(Header + "qreg q[2];\ncreg c[2];\nmeasure q[0] -> c[0];\nx q[1];\nbarrier q;\nmeasure q[1] -> c[1];");
        Assert.Single(p.Circuit.Operations);
        Assert.True(p.MeasuresAll);
    }

    [Fact]
    public void BarrierIsIgnored()
    {
        var p = OpenQasmParser.Parse(Header + "qreg q[2];\nh q[0];\nbarrier q;\nbarrier q[0],q[1];\ncx q[0],q[1];");
        Assert.Equal([GateKind.Hadamard, GateKind.CNOT], p.Circuit.Operations.Select(o => o.Gate));
    }

    [Fact]
    public void UserGateDefinitionsAreInlined()
    {
        const string source = Header + """
            qreg q[2];
            gate bell a, b { h a; cx a, b; }
            gate rot2(theta, phi) a, b
            {
              rz(theta/2) a;   // parameters are substituted into expressions
              bell a, b;       // user gates may call earlier user gates
              barrier a, b;
              ry(-phi) b;
            }
            gate nothing() a { }
            rot2(pi, 0.3) q[1], q[0];
            nothing q[0];
            """;
        var p = OpenQasmParser.Parse(source);
        var expected = new CircuitBuilder(2).RZ(1, Math.PI / 2).H(1).CNOT(1, 0).RY(0, -0.3).Build();
        Assert.Equal(4, p.Circuit.Count);
        Assert.Equal(expected.Operations.Select(o => o.ToString()), p.Circuit.Operations.Select(o => o.ToString()));
        AssertClose(State(expected), State(p.Circuit), 1e-15, "user gate");
    }

    [Fact]
    public void UserGatesBroadcastOverRegisters()
    {
        var p = OpenQasmParser.Parse(Header + "qreg q[2];\nqreg r[2];\ngate bell a, b { h a; cx a, b; }\nbell q, r;");
        var expected = new CircuitBuilder(4).H(0).CNOT(0, 2).H(1).CNOT(1, 3).Build();
        Assert.Equal(expected.Operations.Select(o => o.ToString()), p.Circuit.Operations.Select(o => o.ToString()));
    }

    [Fact]
    public void AUserDefinitionMayShadowALibraryGateAsQiskitExportsDo()
    {
        // Qiskit's exporter defines ryy itself, since qelib1.inc lacks it; the definition must be honoured.
        const string source = Header + """
            gate ryy(param0) q0,q1 { rx(pi/2) q0; rx(pi/2) q1; cx q0,q1; rz(param0) q1; cx q0,q1; rx(-pi/2) q0; rx(-pi/2) q1; }
            qreg q[2];
            h q[0];
            ryy(0.7) q[0],q[1];
            """;
        var p = OpenQasmParser.Parse(source);
        Assert.Equal(8, p.Circuit.Count);
        var expected = new CircuitBuilder(2).H(0).Add(GateKind.IsingYY, [0, 1], 0.7).Build();
        AssertClose(State(expected), State(p.Circuit), 1e-14, "ryy definition");
    }

    [Fact]
    public void BuiltinsWorkWithoutTheInclude()
    {
        var p = OpenQasmParser.Parse("OPENQASM 2.0;\nqreg q[2];\nU(pi/2, 0, pi) q[0];\nCX q[0], q[1];");
        var expected = new CircuitBuilder(2).Add(GateKind.U3, [0], Math.PI / 2, 0.0, Math.PI).CNOT(0, 1).Build();
        AssertClose(State(expected), State(p.Circuit), 1e-15, "builtins");
    }

    [Fact]
    public void CommentsWhitespaceAndCrLfAreAccepted()
    {
        const string source = "// a Bell pair\r\nOPENQASM 2.0; // header\r\n\tinclude \"qelib1.inc\";\r\nqreg q[2]; creg c[2];\r\n\r\nh q[0]; // first\r\ncx q[0],\r\n   q[1];\r\nmeasure q -> c;\r\n// end";
        var p = OpenQasmParser.Parse(source);
        Assert.Equal([GateKind.Hadamard, GateKind.CNOT], p.Circuit.Operations.Select(o => o.Gate));
        Assert.True(p.MeasuresAll);
    }

    [Fact]
    public void ATypicalQiskitExportImports()
    {
        const string source = """
            OPENQASM 2.0;
            include "qelib1.inc";
            qreg q[3];
            creg meas[3];
            h q[0];
            cx q[0],q[1];
            u2(0,pi) q[2];
            rzz(0.25) q[1],q[2];
            p(-pi/8) q[0];
            crx(1.0e-3) q[2],q[0];
            barrier q[0],q[1],q[2];
            measure q[0] -> meas[0];
            measure q[1] -> meas[1];
            measure q[2] -> meas[2];
            """;
        var p = OpenQasmParser.Parse(source);
        var expected = new CircuitBuilder(3).H(0).CNOT(0, 1).Add(GateKind.U3, [2], Math.PI / 2, 0.0, Math.PI)
            .Add(GateKind.IsingZZ, [1, 2], 0.25).Phase(0, -Math.PI / 8).Add(GateKind.CRX, [2, 0], 1.0e-3).Build();
        AssertClose(State(expected), State(p.Circuit), 1e-15, "qiskit export");
        Assert.True(p.MeasuresAll);
        Assert.Equal("meas", p.ClassicalRegisters.Single().Name);
    }
}
