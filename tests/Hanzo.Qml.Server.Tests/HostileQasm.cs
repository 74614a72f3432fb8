using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Hanzo.Qml.Server.Tests;

/// <summary>
/// Generators of OpenQASM 2.0 sources: valid programs, programs with one broken statement, token soup, deeply nested
/// expressions, chains and fan-outs of user gates, huge registers and bad headers.
/// </summary>
internal static class HostileQasm
{
    private const string Header = "OPENQASM 2.0;\ninclude \"qelib1.inc\";\n";

    private static readonly string[] OneQubit = ["h", "x", "y", "z", "s", "sdg", "t", "tdg", "sx", "id"];
    private static readonly string[] Rotations = ["rx", "ry", "rz", "p", "u1"];
    private static readonly string[] TwoQubit = ["cx", "cz", "cy", "swap", "CX"];
    private static readonly string[] Angles = ["0", "pi", "-pi/2", "0.25", "2*pi/3", "sin(0.5)", "sqrt(2)", "ln(2)", "exp(-1)", "1e-3", "(1+2)*3^2", "-(-(0.5))"];

    /// <summary>Statements that are wrong in one way each, or are valid but unsupported.</summary>
    public static readonly string[] Broken =
    [
        "foo q[0];", "H q[0];", "ch q[0],q[1];", "u0 q[0];", "h q[99];", "h q[-1];", "h q[2147483648];", "h q[99999999999999999999];", "cx q[0],q[0];",
        "rx q[0];", "rx(0.1,0.2) q[0];", "h q[0]", "h;", "h q[0] q[1];", "h q[0],;", "qreg q[2];", "qreg r[0];", "qreg r[-1];",
        "opaque g a;", "if(c==1) x q[0];", "reset q[0];", "measure q[0] -> c[0];\nh q[0];", "measure q -> d;", "measure q[0];",
        "gate g a { g a; }", "gate g a { h b; }", "gate g(theta) a { rx(phi) a; }", "gate h a { x a; }", "gate U a { x a; }", "gate g a b { cx a,a; }",
        "gate g a { measure a -> c[0]; }", "gate g a { reset a; }", "gate g a {", "gate g { h a; }", "gate g() a { }", "gate 1g a { h a; }",
        "U(1/0,0,0) q[0];", "rx(ln(0)) q[0];", "rx(sqrt(-1)) q[0];", "rx(1e999) q[0];", "rx(99999999999999999999999) q[0];",
        "rx(pi^pi^pi^pi^pi) q[0];", "rx(exp(1000)) q[0];", "rx(tan(pi/2)*0) q[0];", "rx(theta) q[0];", "rx() q[0];", "rx(,) q[0];",
        "include \"other.inc\";", "include \"../../etc/passwd\";", "include \"qelib1.inc\"", "include qelib1.inc;", "include \"unterminated;",
        "OPENQASM 2.0;", "OPENQASM 3.0;", "CX q[0];", "ccx q[0],q[1],q[2];", "swap q;", "x q[4294967296];", "barrier;", "barrier q[9];",
        "creg c2[2147483647];", "creg c3[2147483648];", "\u0000", "x q[0];;", "{ }", "}", "gate", "qreg", "measure", "->", "==", "q[0];",
        "x q[0]; // trailing comment", "/* block */ x q[0];", "x q[0]; \u00e9", "x\tq[0]\t;", "x q [ 0 ] ;", "x q[0.5];", "x q[1e1];",
        "rx(0.1) q[0], q[1];", "cx q, q;", "cx q[0], q;", "qreg " + new string('a', 10_000) + "[1];", "x " + new string('q', 100_000) + "[0];",
    ];

    public static Gen<string> Program { get; } = Gen.Frequency(
        (10, Valid()),
        (12, WithBrokenStatement()),
        (4, Soup()),
        (4, DeepExpression()),
        (4, NestedGates()),
        (3, HugeRegister()),
        (3, Headers()));

    /// <summary>A valid program on 1 to 5 qubits.</summary>
    public static Gen<string> Valid() =>
        from n in Gen.Choose(1, 5)
        from statements in Gen.ListOf(Statement(n))
        from measure in Gen.Elements(true, false)
        select Header + $"qreg q[{n}];\ncreg c[{n}];\n" + string.Join('\n', statements) + (measure ? "\nmeasure q -> c;" : "");

    private static Gen<string> Statement(int n) => Gen.Frequency(
        (5, from g in Gen.Elements(OneQubit) from i in Gen.Choose(0, n - 1) select $"{g} q[{i}];"),
        (3, from g in Gen.Elements(Rotations) from a in Gen.Elements(Angles) from i in Gen.Choose(0, n - 1) select $"{g}({a}) q[{i}];"),
        (1, from g in Gen.Elements(OneQubit) select $"{g} q;"),
        (1, Gen.Constant("barrier q;")),
        (3, n < 2
            ? Gen.Constant("h q[0];")
            : from g in Gen.Elements(TwoQubit) from i in Gen.Choose(0, n - 1) from d in Gen.Choose(1, n - 1) select $"{g} q[{i}],q[{(i + d) % n}];"),
        (1, Gen.Constant($"U(0.1,0.2,0.3) q[{n - 1}];")));

    /// <summary>A valid program with one broken statement inserted at a random place.</summary>
    public static Gen<string> WithBrokenStatement() =>
        from program in Valid()
        from broken in Gen.Elements(Broken)
        from cut in Gen.Choose(0, 100)
        let lines = program.Split('\n')
        let at = Math.Clamp(lines.Length * cut / 100, 2, lines.Length)
        select string.Join('\n', lines.Take(at).Append(broken).Concat(lines.Skip(at)));

    /// <summary>QASM tokens and symbols in random order, sometimes after a valid header.</summary>
    public static Gen<string> Soup() =>
        from header in Gen.Elements("", Header, "OPENQASM 2.0;")
        from tokens in Gen.ArrayOf(Gen.Elements(
            "qreg", "creg", "gate", "q", "[", "]", "(", ")", "{", "}", ";", ",", "->", "==", "h", "cx", "U", "measure", "barrier", "if", "opaque",
            "pi", "0", "1", "2.5", "1e9", "-", "+", "*", "/", "^", "\"", "\"qelib1.inc\"", "include", "//", "\n", " ", "\t", "a", "_", "é", "#", "@", "$"))
        select header + string.Join(' ', tokens);

    /// <summary>An angle expression nested 10 to 300 000 deep, at top level or inside a gate body.</summary>
    public static Gen<string> DeepExpression() =>
        from depth in Gen.Elements(10, 100, 300, 1_000, 10_000, 100_000, 300_000)
        from kind in Gen.Elements("parens", "minus", "sum", "product", "power", "call")
        from inGate in Gen.Elements(false, true)
        let expression = Expression(kind, depth)
        select inGate
            ? Header + "qreg q[1];\ngate g(t) a { rx(" + expression.Replace("1", "t", StringComparison.Ordinal) + ") a; }\ng(0.5) q[0];"
            : Header + "qreg q[1];\nrx(" + expression + ") q[0];";

    public static string Expression(string kind, int depth) => kind switch
    {
        "parens" => new string('(', depth) + "1" + new string(')', depth),
        "minus" => new string('-', depth) + "1",
        "sum" => string.Concat(Enumerable.Repeat("1+", depth)) + "1",
        "product" => string.Concat(Enumerable.Repeat("1*", depth)) + "1",
        "power" => string.Concat(Enumerable.Repeat("1^", depth)) + "1",
        _ => string.Concat(Enumerable.Repeat("sin(", depth)) + "1" + new string(')', depth),
    };

    /// <summary>User gates calling the previous one: a chain (each calls one) or a fan-out (each calls it several times).</summary>
    public static Gen<string> NestedGates() => Gen.OneOf(
        from depth in Gen.Elements(2, 10, 100, 1_000, 5_000, 30_000)
        select Nested(depth, 1),
        from fanOut in Gen.Choose(2, 6)
        from depth in Gen.Choose(2, (int)(Math.Log(300_000) / Math.Log(fanOut)))
        select Nested(depth, fanOut));

    public static string Nested(int depth, int fanOut, int uses = 1)
    {
        var sb = new StringBuilder(Header).Append("qreg q[2];\ngate g0 a, b { cx a, b; }\n");
        for (int i = 1; i < depth; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"gate g{i} a, b {{");
            for (int k = 0; k < fanOut; k++) sb.Append(CultureInfo.InvariantCulture, $" g{i - 1} a, b;");
            sb.Append(" }\n");
        }
        for (int u = 0; u < uses; u++) sb.Append(CultureInfo.InvariantCulture, $"g{depth - 1} q[0], q[1];\n");
        return sb.ToString();
    }

    /// <summary>Registers past the qubit bound, written in ways a size pre-check could miss.</summary>
    public static Gen<string> HugeRegister() =>
        from size in Gen.Elements("0", "21", "30", "1000", "2147483647", "2147483648", "99999999999999999999", "-1", "1e3", "0x10", "030", "q", "")
        from form in Gen.Elements("qreg q[{0}];", "qreg\tq [ {0} ] ;", "qreg q[10]; qreg r[{0}];", "qreg // c\nq[{0}];", "qreg q[{0}]", "qreg q[{0}];\nh q;")
        select Header + string.Format(CultureInfo.InvariantCulture, form, size) + "\nh q[0];";

    /// <summary>Missing, misspelt or unsupported headers, and sources that are empty or only comments.</summary>
    public static Gen<string> Headers() => Gen.Elements(
        "", " ", "// only a comment", "qreg q[1]; h q[0];", "OPENQASM 3.0;\nqreg q[1];", "OPENQASM 2;\nqreg q[1];", "OPENQASM 2.0\nqreg q[1];",
        "openqasm 2.0;\nqreg q[1];", "OPENQASM;\nqreg q[1];", "OPENQASM 2.0;", "OPENQASM 2.0;\ninclude \"qelib1.inc\";", "OPENQASM 99999999999999999999.0;",
        "\uFEFFOPENQASM 2.0;\nqreg q[1];", "OPENQASM 2.0;\u0000qreg q[1];", "OPENQASM 2.0;\nqreg q[1];\nh q[0];\n" + new string('/', 100_000));
}
