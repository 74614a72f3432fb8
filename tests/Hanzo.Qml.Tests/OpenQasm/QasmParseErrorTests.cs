using Hanzo.Qml.Circuits.OpenQasm;

namespace Hanzo.Qml.Tests.OpenQasm;

/// <summary>Malformed programs must be refused with the line and column of the mistake.</summary>
public class QasmParseErrorTests
{
    // Three lines, so a mistake in the first statement after it is on line 4.
    private const string H = "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[3];\n";

    public static TheoryData<string, string, int, int, string> Cases() => new()
    {
        { "missing header", "qreg q[2];\nh q[0];", 1, 1, "must start with the header" },
        { "unsupported version", "OPENQASM 3.0;\n", 1, 10, "version 3.0 is not supported" },
        { "unknown gate", H + "foo q[0];", 4, 1, "unknown gate 'foo'" },
        { "gate names are case-sensitive", H + "H q[0];", 4, 1, "did you mean 'h'" },
        { "too few qubits", H + "cx q[0];", 4, 1, "acts on 2 qubits but 1 was given" },
        { "too many parameters", H + "rx(0.1, 0.2) q[0];", 4, 1, "takes 1 parameter but 2 were given" },
        { "missing parameters", H + "rx q[0];", 4, 1, "takes 1 parameter but 0 were given" },
        { "index out of range", H + "x q[3];", 4, 5, "index 3 is out of range for qreg q[3]" },
        { "negative index", H + "x q[-1];", 4, 5, "expected an integer index" },
        { "undeclared register", H + "x r[0];", 4, 3, "undeclared register 'r'" },
        { "classical register as qubit", H + "creg c[3];\nx c[0];", 5, 3, "'c' is a classical register" },
        { "missing semicolon", H + "h q[0]\nx q[1];", 4, 7, "missing ';' after ']'" },
        { "missing semicolon at the end", H + "h q[0]", 4, 7, "missing ';'" },
        { "bad character", H + "h q[0] @;", 4, 8, "unexpected character '@'" },
        { "number glued to a name", H + "rx(2pi) q[0];", 4, 5, "right after the number '2'" },
        { "malformed exponent", H + "rx(1e) q[0];", 4, 5, "malformed exponent" },
        { "duplicate qubit", H + "cx q[1], q[1];", 4, 10, "qubit q[1] appears twice" },
        { "duplicate qubit through broadcast", H + "cx q, q[2];", 4, 7, "qubit q[2] appears twice" },
        { "broadcast sizes differ", H + "qreg r[2];\ncx q, r;", 5, 7, "qreg r has 2 qubits but q has 3" },
        { "opaque", H + "opaque g a;", 4, 1, "opaque gate declarations are not supported" },
        { "if", H + "creg c[3];\nif (c==1) x q[0];", 5, 1, "'if' statements are not supported" },
        { "reset", H + "reset q[0];", 4, 1, "'reset' is not supported" },
        { "missing include", "OPENQASM 2.0;\nqreg q[1];\nh q[0];", 3, 1, "qelib1.inc, which is not included" },
        { "other include", "OPENQASM 2.0;\ninclude \"stdgates.inc\";", 2, 9, "cannot include \"stdgates.inc\"" },
        { "gate after measure", H + "creg c[3];\nmeasure q[0] -> c[0];\nh q[0];", 6, 1, "after it was measured at line 5" },
        { "unknown name in expression", H + "rx(theta) q[0];", 4, 4, "unknown name 'theta'" },
        { "non-finite angle", H + "rx(ln(0)) q[0];", 4, 4, "evaluates to -infinity" },
        { "NaN angle", H + "rx(sqrt(-1)) q[0];", 4, 4, "evaluates to NaN" },
        { "non-finite angle inside a gate body", H + "gate g(t) a { rx(1/t) a; }\ng(0) q[0];", 4, 18, "evaluates to +infinity (in gate 'g' applied at line 5, column 1)" },
        { "empty expression", H + "rx() q[0];", 4, 1, "takes 1 parameter but 0 were given" },
        { "dangling operator", H + "rx(1+) q[0];", 4, 6, "expected a number, pi, a parameter or '('" },
        { "zero-size register", "OPENQASM 2.0;\nqreg q[0];", 2, 8, "has size 0" },
        { "register declared twice", H + "creg q[2];", 4, 6, "register 'q' is already declared at line 3" },
        { "no quantum register", "OPENQASM 2.0;\n", 2, 1, "declares no quantum register" },
        { "measure sizes differ", H + "creg c[2];\nmeasure q -> c;", 5, 14, "qreg q has 3 qubits but creg c has 2 bits" },
        { "measure mixes register and bit", H + "creg c[3];\nmeasure q -> c[0];", 5, 14, "mixes a whole register with a single element" },
        { "measure arrow missing", H + "creg c[3];\nmeasure q c;", 5, 11, "expected '->'" },
        { "gate body uses an unknown qubit", H + "gate g a { h b; }", 4, 14, "'b' is not a qubit argument of gate 'g'" },
        { "gate body indexes a qubit", H + "gate g a { h a[0]; }", 4, 15, "take no index" },
        { "measure inside a gate body", H + "gate g a { measure a -> c; }", 4, 12, "not allowed inside a gate body" },
        { "unclosed gate body", H + "gate g a { h a;", 4, 16, "is not closed" },
        { "gate defined twice", H + "gate g a { h a; }\ngate g a { x a; }", 5, 6, "gate 'g' is already defined" },
        { "builtin redefined", H + "gate U a { h a; }", 4, 6, "built into OpenQASM" },
        { "user gate wrong arity", H + "gate g(t) a, b { rx(t) a; cx a, b; }\ng(1) q[0];", 5, 1, "acts on 2 qubits but 1 was given" },
        { "statement starts with a symbol", H + "; h q[0];", 4, 1, "expected a statement" },
        { "unterminated string", "OPENQASM 2.0;\ninclude \"qelib1.inc;\n", 2, 9, "unterminated string" },
        { "second header", H + "OPENQASM 2.0;", 4, 1, "a second OPENQASM header" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void MalformedProgramsGiveTheLineAndColumn(string what, string source, int line, int column, string fragment)
    {
        var e = Assert.Throws<QasmParseException>(() => OpenQasmParser.Parse(source));
        Assert.True(e.Line == line && e.Column == column, $"{what}: expected line {line}, column {column}; got {e.Message}");
        Assert.StartsWith($"line {line}, column {column}: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(fragment, e.Message, StringComparison.Ordinal);
        // "what was wrong; what is allowed": the second half must be there.
        Assert.Contains("; ", e.Message[$"line {line}, column {column}: ".Length..], StringComparison.Ordinal);
    }

    [Fact]
    public void TheExceptionIsAFormatException()
    {
        Assert.IsAssignableFrom<FormatException>(Assert.ThrowsAny<Exception>(() => OpenQasmParser.Parse("garbage")));
    }

    [Fact]
    public void CrLfLineEndingsCountLinesAndColumnsLikeLf()
    {
        var e = Assert.Throws<QasmParseException>(() => OpenQasmParser.Parse(H.Replace("\n", "\r\n", StringComparison.Ordinal) + "x q[7];\r\n"));
        Assert.Equal((4, 5), (e.Line, e.Column));
    }

    [Fact]
    public void NullSourceIsAnArgumentError()
    {
        Assert.Throws<ArgumentNullException>(() => OpenQasmParser.Parse(null!));
    }
}
