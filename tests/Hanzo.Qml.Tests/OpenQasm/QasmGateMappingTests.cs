using System.Numerics;
using Hanzo.Qml.Circuits;
using Hanzo.Qml.Circuits.OpenQasm;
using static Hanzo.Qml.Tests.OpenQasm.QasmTestSupport;

namespace Hanzo.Qml.Tests.OpenQasm;

/// <summary>Each qelib1 gate name must import as the library gate with the same matrix, global phase included.</summary>
public class QasmGateMappingTests
{
    // A prefix that leaves the 3 qubits in a generic, entangled, complex state, so that a wrong mapping (even one off by
    // a global phase, like rz against p) changes the final state.
    private const string Prefix = "ry(0.3) q[0];\nrx(1.1) q[1];\nry(-0.7) q[2];\nu3(0.4,1.2,-0.8) q[0];\ncx q[0],q[2];\nrz(0.25) q[1];\nt q[2];\ncx q[1],q[0];\n";

    private static CircuitBuilder PrefixBuilder() => new CircuitBuilder(3)
        .RY(0, 0.3).RX(1, 1.1).RY(2, -0.7).Add(GateKind.U3, [0], 0.4, 1.2, -0.8).CNOT(0, 2).RZ(1, 0.25).T(2).CNOT(1, 0);

    private static readonly Dictionary<string, (string Qasm, Action<CircuitBuilder> Build)> Cases = new()
    {
        ["id"] = ("id q[1];", b => b.Add(GateKind.Identity, [1])),
        ["x"] = ("x q[1];", b => b.X(1)),
        ["y"] = ("y q[2];", b => b.Y(2)),
        ["z"] = ("z q[0];", b => b.Z(0)),
        ["h"] = ("h q[1];", b => b.H(1)),
        ["s"] = ("s q[0];", b => b.S(0)),
        ["sdg"] = ("sdg q[0];", b => b.Add(GateKind.SAdjoint, [0])),
        ["t"] = ("t q[1];", b => b.T(1)),
        ["tdg"] = ("tdg q[1];", b => b.Add(GateKind.TAdjoint, [1])),
        ["sx"] = ("sx q[2];", b => b.SX(2)),
        ["sxdg"] = ("sxdg q[2];", b => b.Add(GateKind.SXAdjoint, [2])),
        ["rx"] = ("rx(0.37) q[2];", b => b.RX(2, 0.37)),
        ["ry"] = ("ry(-1.9) q[0];", b => b.RY(0, -1.9)),
        ["rz"] = ("rz(2.2) q[1];", b => b.RZ(1, 2.2)),
        ["p"] = ("p(-1.3) q[0];", b => b.Phase(0, -1.3)),
        ["u1"] = ("u1(-1.3) q[0];", b => b.Phase(0, -1.3)),
        ["u2"] = ("u2(0.4,-0.9) q[1];", b => b.Add(GateKind.U3, [1], Math.PI / 2, 0.4, -0.9)),
        ["u3"] = ("u3(0.3,1.4,-2.2) q[2];", b => b.Add(GateKind.U3, [2], 0.3, 1.4, -2.2)),
        ["u"] = ("u(0.3,1.4,-2.2) q[2];", b => b.Add(GateKind.U3, [2], 0.3, 1.4, -2.2)),
        ["U"] = ("U(0.3,1.4,-2.2) q[2];", b => b.Add(GateKind.U3, [2], 0.3, 1.4, -2.2)),
        ["cx"] = ("cx q[2],q[0];", b => b.CNOT(2, 0)),
        ["CX"] = ("CX q[0],q[1];", b => b.CNOT(0, 1)),
        ["cy"] = ("cy q[1],q[2];", b => b.Add(GateKind.CY, [1, 2])),
        ["cz"] = ("cz q[2],q[1];", b => b.CZ(2, 1)),
        ["swap"] = ("swap q[0],q[2];", b => b.Swap(0, 2)),
        ["crx"] = ("crx(0.8) q[1],q[2];", b => b.Add(GateKind.CRX, [1, 2], 0.8)),
        ["cry"] = ("cry(-0.6) q[2],q[0];", b => b.Add(GateKind.CRY, [2, 0], -0.6)),
        ["crz"] = ("crz(1.7) q[0],q[1];", b => b.Add(GateKind.CRZ, [0, 1], 1.7)),
        ["cp"] = ("cp(0.6) q[0],q[2];", b => b.Add(GateKind.ControlledPhaseShift, [0, 2], 0.6)),
        ["cu1"] = ("cu1(0.6) q[0],q[2];", b => b.Add(GateKind.ControlledPhaseShift, [0, 2], 0.6)),
        ["rxx"] = ("rxx(0.5) q[0],q[1];", b => b.Add(GateKind.IsingXX, [0, 1], 0.5)),
        ["ryy"] = ("ryy(-1.2) q[2],q[1];", b => b.Add(GateKind.IsingYY, [2, 1], -1.2)),
        ["rzz"] = ("rzz(0.9) q[1],q[0];", b => b.Add(GateKind.IsingZZ, [1, 0], 0.9)),
        ["ccx"] = ("ccx q[2],q[0],q[1];", b => b.Add(GateKind.Toffoli, [2, 0, 1])),
    };

    public static IEnumerable<object[]> GateNames() => Cases.Keys.Select(k => new object[] { k });

    [Theory]
    [MemberData(nameof(GateNames))]
    public void EachQelib1GateImportsAsTheMatchingLibraryGate(string name)
    {
        var (qasm, build) = Cases[name];
        var program = OpenQasmParser.Parse(Header + "qreg q[3];\n" + Prefix + qasm + "\n");
        var b = PrefixBuilder();
        build(b);
        var expected = b.Build();
        Assert.Equal(expected.Count, program.Circuit.Count);
        AssertClose(State(expected), State(program.Circuit), 1e-12, name);
    }

    [Fact]
    public void EverySupportedGateNameHasAMappingCase()
    {
        Assert.Equal(OpenQasmParser.SupportedGates.Order(StringComparer.Ordinal), Cases.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(0.7)]
    [InlineData(-2.9)]
    public void RzIsExpMinusIHalfThetaZ(double theta)
    {
        var u = Unitary(OpenQasmParser.Parse(Header + $"qreg q[1];\nrz({theta.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}) q[0];").Circuit);
        var expected = new Complex[,] { { Complex.FromPolarCoordinates(1, -theta / 2), 0 }, { 0, Complex.FromPolarCoordinates(1, theta / 2) } };
        AssertMatrix(expected, u, 1e-15, "rz");
        AssertMatrix(ToSquare(GateMatrices.Matrix(GateKind.RZ, [theta]), 2), u, 1e-15, "rz vs RZ");
    }

    [Theory]
    [InlineData("p")]
    [InlineData("u1")]
    public void PAndU1AreThePhaseShiftDiag1EToTheITheta(string name)
    {
        double theta = 1.234;
        var u = Unitary(OpenQasmParser.Parse(Header + $"qreg q[1];\n{name}(1.234) q[0];").Circuit);
        var expected = new Complex[,] { { 1, 0 }, { 0, Complex.FromPolarCoordinates(1, theta) } };
        AssertMatrix(expected, u, 1e-15, name);
        AssertMatrix(ToSquare(GateMatrices.Matrix(GateKind.PhaseShift, [theta]), 2), u, 1e-15, $"{name} vs PhaseShift");
    }

    [Fact]
    public void U2IsQiskitsMatrix()
    {
        double phi = 0.4, lambda = -0.9;
        var u = Unitary(OpenQasmParser.Parse(Header + "qreg q[1];\nu2(0.4,-0.9) q[0];").Circuit);
        double r = 1 / Math.Sqrt(2);
        var expected = new Complex[,]
        {
            { r, -Complex.FromPolarCoordinates(r, lambda) },
            { Complex.FromPolarCoordinates(r, phi), Complex.FromPolarCoordinates(r, phi + lambda) },
        };
        AssertMatrix(expected, u, 1e-15, "u2");
    }

    [Theory]
    [InlineData("cp")]
    [InlineData("cu1")]
    public void CpAndCu1AreDiag111EToTheITheta(string name)
    {
        var u = Unitary(OpenQasmParser.Parse(Header + $"qreg q[2];\n{name}(-0.8) q[0],q[1];").Circuit);
        var expected = new Complex[4, 4];
        expected[0, 0] = expected[1, 1] = expected[2, 2] = 1;
        expected[3, 3] = Complex.FromPolarCoordinates(1, -0.8);
        AssertMatrix(expected, u, 1e-15, name);
    }

    [Fact]
    public void SxIsHalfOnePlusIOneMinusI()
    {
        var u = Unitary(OpenQasmParser.Parse(Header + "qreg q[1];\nsx q[0];").Circuit);
        var expected = new Complex[,] { { new(0.5, 0.5), new(0.5, -0.5) }, { new(0.5, -0.5), new(0.5, 0.5) } };
        AssertMatrix(expected, u, 1e-15, "sx");
    }

    private static Complex[,] ToSquare(Complex[] m, int d)
    {
        var r = new Complex[d, d];
        for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) r[i, j] = m[i * d + j];
        return r;
    }
}
