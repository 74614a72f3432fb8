using System.Globalization;

namespace Hanzo.Qml.Circuits.OpenQasm;

/// <summary>
/// Imports OpenQASM 2.0 programs: the header, <c>include "qelib1.inc";</c>, <c>qreg</c>/<c>creg</c>, the gates of
/// <see cref="SupportedGates"/> (applied to single qubits or broadcast over whole registers), user <c>gate</c>
/// definitions built from those gates (inlined), <c>barrier</c> (ignored) and <c>measure</c> (recorded, read as a
/// measurement at the end). Everything else (<c>opaque</c>, <c>if</c>, <c>reset</c>, gates on a qubit after its
/// measurement) is refused with a <see cref="QasmParseException"/> that gives line and column.
/// </summary>
public static class OpenQasmParser
{
    /// <summary>The gate names the importer knows without a user definition: <c>U</c> and <c>CX</c> are built into
    /// the language, the others need <c>include "qelib1.inc";</c>.</summary>
    public static IReadOnlyList<string> SupportedGates => QasmLibraryGate.Names;

    /// <summary>
    /// Deepest angle expression accepted: parentheses, signs, function calls and chained operators each add a level.
    /// Parsing and evaluating recurse once per level, so an unbounded depth would overflow the stack and kill the process.
    /// </summary>
    public const int MaxExpressionDepth = 256;

    /// <summary>
    /// Deepest chain of user gates calling user gates; expansion recurses once per level, so an unbounded chain would
    /// overflow the stack and kill the process.
    /// </summary>
    public const int MaxGateNesting = 128;

    /// <summary>Parses an OpenQASM 2.0 program.</summary>
    /// <param name="source">The program text.</param>
    /// <returns>The circuit on all quantum registers (concatenated in declaration order) and the measurements.</returns>
    /// <exception cref="QasmParseException">When the program is malformed or uses something unsupported; the message
    /// reads <c>line L, column C: what was wrong; what is allowed</c>.</exception>
    public static QasmProgram Parse(string source) => Parse(source, QasmGate.MaxOperations);

    /// <summary>Parses an OpenQASM 2.0 program, stopping as soon as it expands to more than <paramref name="maxOperations"/> operations.</summary>
    /// <param name="source">The program text.</param>
    /// <param name="maxOperations">Most operations the circuit may have: a caller with a gate limit passes it, so that an
    /// over-limit program (nested user gates, broadcasts) is refused before it is expanded whole.</param>
    /// <returns>The circuit on all quantum registers (concatenated in declaration order) and the measurements.</returns>
    /// <exception cref="QasmParseException">When the program is malformed, uses something unsupported or expands past the bound.</exception>
    public static QasmProgram Parse(string source, int maxOperations)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfNegative(maxOperations);
        return new Parser(QasmLexer.Tokenize(source), maxOperations).Program();
    }

    /// <summary>A recursive-descent parser over the token list; one instance per program.</summary>
    private sealed class Parser(List<QasmToken> tokens, int maxOperations)
    {
        private const string StatementsAllowed =
            "a statement is include, qreg, creg, gate, barrier, measure or a gate application such as 'h q[0];'";
        private const string UnitaryOnly =
            "the importer reads unitary circuits: gate applications, gate definitions, barrier and measurements at the end";

        private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
        {
            "OPENQASM", "include", "qreg", "creg", "gate", "opaque", "barrier", "measure", "reset", "if", "U", "CX", "pi",
            "sin", "cos", "tan", "exp", "ln", "sqrt",
        };

        private readonly Dictionary<string, QasmUserGate> _userGates = new(StringComparer.Ordinal);
        private readonly Dictionary<string, (QasmRegister Register, bool Quantum, QasmToken Declared)> _registers = new(StringComparer.Ordinal);
        private readonly List<QasmRegister> _qregs = [];
        private readonly List<QasmRegister> _cregs = [];
        private readonly List<Operation> _operations = [];
        private readonly List<QasmMeasurement> _measurements = [];
        private readonly Dictionary<int, QasmToken> _measuredAt = [];
        private IReadOnlyList<string> _scope = [];
        private bool _included;
        private int _numQubits;
        private int _numBits;
        private int _pos;
        private int _expressionDepth;

        /// <summary>A register operand: a whole register (Index = −1) or one element.</summary>
        private readonly record struct Argument(QasmToken Name, QasmRegister Register, int Index)
        {
            public bool Whole => Index < 0;

            public int Flat(int i) => Register.Offset + (Whole ? i : Index);

            public string Label(int i) => $"{Register.Name}[{(Whole ? i : Index)}]";
        }

        private QasmToken Peek => tokens[_pos];

        private QasmToken Previous => tokens[_pos - 1];

        private QasmToken Next()
        {
            var t = tokens[_pos];
            if (t.Kind != QasmTokenKind.EndOfFile) _pos++;
            return t;
        }

        public QasmProgram Program()
        {
            Header();
            while (Peek.Kind != QasmTokenKind.EndOfFile) Statement();
            if (_numQubits == 0)
                throw Error(Peek, "the program declares no quantum register", "declare the qubits with 'qreg q[n];'");
            return new QasmProgram(new Circuit(_numQubits, _operations), _qregs.ToArray(), _cregs.ToArray(), _measurements.ToArray());
        }

        private static QasmParseException Error(QasmToken at, string problem, string allowed) => new(at.Line, at.Column, problem, allowed);

        private void Header()
        {
            var t = Peek;
            if (!t.Is("OPENQASM"))
                throw Error(t, $"the program must start with the header 'OPENQASM 2.0;' but starts with {t.Describe()}",
                    "put 'OPENQASM 2.0;' first; only comments and whitespace may precede it");
            Next();
            var version = Next();
            if (version.Kind is not (QasmTokenKind.Integer or QasmTokenKind.Real))
                throw Error(version, $"expected a version number after OPENQASM but found {version.Describe()}", "the header is 'OPENQASM 2.0;'");
            if (version.Value != 2.0)
                throw Error(version, $"OpenQASM version {version.Text} is not supported", "only OpenQASM 2.0 is accepted");
            ExpectSemicolon();
        }

        private void Statement()
        {
            var t = Peek;
            if (t.Kind != QasmTokenKind.Identifier)
                throw Error(t, $"expected a statement but found {t.Describe()}", StatementsAllowed);
            switch (t.Text)
            {
                case "include": Include(); break;
                case "qreg": Register(quantum: true); break;
                case "creg": Register(quantum: false); break;
                case "gate": GateDefinition(); break;
                case "measure": Measure(); break;
                case "barrier":
                    Next();
                    ArgumentList();
                    ExpectSemicolon();
                    break;
                case "opaque":
                    throw Error(t, "opaque gate declarations are not supported",
                        "define the gate from supported gates with 'gate name(params) qubits { ... }'");
                case "if":
                    throw Error(t, "classically controlled 'if' statements are not supported", UnitaryOnly);
                case "reset":
                    throw Error(t, "'reset' is not supported", UnitaryOnly);
                case "OPENQASM":
                    throw Error(t, "a second OPENQASM header", "the header 'OPENQASM 2.0;' appears once, at the start");
                default: GateApplication(); break;
            }
        }

        private void Include()
        {
            Next();
            var file = Next();
            if (file.Kind != QasmTokenKind.String)
                throw Error(file, $"expected a file name in quotes after include but found {file.Describe()}", "write include \"qelib1.inc\";");
            string name = file.Text[1..^1];
            if (name != "qelib1.inc")
                throw Error(file, $"cannot include \"{name}\"", "only \"qelib1.inc\" is available; define other gates with 'gate'");
            ExpectSemicolon();
            _included = true;
        }

        private void Register(bool quantum)
        {
            string kind = Next().Text;
            var name = ExpectName("a register name", $"declare a register as '{kind} name[size];'");
            if (_registers.TryGetValue(name.Text, out var existing))
                throw Error(name, $"register '{name.Text}' is already declared at line {existing.Declared.Line}",
                    "every qreg and creg needs its own name");
            Expect("[", $"declare a register as '{kind} {name.Text}[size];'");
            var sizeToken = Next();
            int size = Integer(sizeToken, "register size", $"the size of '{name.Text}' must be a positive integer");
            if (size < 1)
                throw Error(sizeToken, $"register '{name.Text}' has size {size}", "a register needs at least one element");
            Expect("]", "close the size with ']'");
            ExpectSemicolon();
            int offset = quantum ? _numQubits : _numBits;
            if ((long)offset + size > int.MaxValue)
                throw Error(sizeToken, "the registers hold more than 2^31 elements in total", "declare fewer qubits or bits");
            var register = new QasmRegister(name.Text, size, offset);
            _registers.Add(name.Text, (register, quantum, name));
            if (quantum) { _qregs.Add(register); _numQubits += size; }
            else { _cregs.Add(register); _numBits += size; }
        }

        private void GateApplication()
        {
            var nameToken = Next();
            var gate = ResolveGate(nameToken);
            var parameters = OptionalParameterList();
            var args = ArgumentList();
            ExpectSemicolon();
            CheckArity(nameToken, gate, parameters.Count, args.Count);
            var values = new double[parameters.Count];
            for (int i = 0; i < values.Length; i++) values[i] = parameters[i].EvaluateFinite([]);
            foreach (var wires in Broadcast(args))
            {
                foreach (int w in wires)
                {
                    if (_measuredAt.TryGetValue(w, out var measured))
                        throw Error(nameToken, $"'{nameToken.Text}' acts on qubit {QubitLabel(w)} after it was measured at line {measured.Line}",
                            "measurements are read as the end of the circuit, so every gate on a qubit must come before its measure");
                }
                gate.Emit(values, wires, _operations, nameToken, maxOperations);
                if (_operations.Count > maxOperations)
                    throw Error(nameToken, $"the program expands to more than {maxOperations} operations at this statement",
                        $"a program may expand to at most {maxOperations} operations; write a smaller circuit");
            }
        }

        private void CheckArity(QasmToken nameToken, QasmGate gate, int numParameters, int numQubits)
        {
            if (numParameters != gate.NumParameters)
                throw Error(nameToken, $"gate '{gate.Name}' takes {Count(gate.NumParameters, "parameter")} but {numParameters} {(numParameters == 1 ? "was" : "were")} given",
                    $"write {Usage(gate)}");
            if (numQubits != gate.NumQubits)
                throw Error(nameToken, $"gate '{gate.Name}' acts on {Count(gate.NumQubits, "qubit")} but {numQubits} {(numQubits == 1 ? "was" : "were")} given",
                    $"write {Usage(gate)}");
        }

        private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

        private static string Usage(QasmGate gate)
        {
            string pars = gate.NumParameters == 0 ? "" : "(" + string.Join(",", Enumerable.Range(1, gate.NumParameters).Select(i => $"θ{i}")) + ")";
            return $"'{gate.Name}{pars} " + string.Join(",", Enumerable.Range(0, gate.NumQubits).Select(i => $"q[{i}]")) + ";'";
        }

        private QasmGate ResolveGate(QasmToken name)
        {
            if (name.Kind != QasmTokenKind.Identifier)
                throw Error(name, $"expected a gate name but found {name.Describe()}", StatementsAllowed);
            if (_userGates.TryGetValue(name.Text, out var user)) return user;
            if (QasmLibraryGate.All.TryGetValue(name.Text, out var library))
            {
                if (library.NeedsInclude && !_included)
                    throw Error(name, $"gate '{name.Text}' is defined in qelib1.inc, which is not included",
                        "add 'include \"qelib1.inc\";' after the header; only U and CX are built in");
                return library;
            }
            string? sameLetters = QasmLibraryGate.Names.Concat(_userGates.Keys)
                .FirstOrDefault(k => string.Equals(k, name.Text, StringComparison.OrdinalIgnoreCase));
            if (sameLetters is not null)
                throw Error(name, $"unknown gate '{name.Text}'", $"gate names are case-sensitive: did you mean '{sameLetters}'?");
            throw Error(name, $"unknown gate '{name.Text}'",
                $"supported gates are {string.Join(" ", QasmLibraryGate.Names)} and gates defined earlier with 'gate'");
        }

        private void GateDefinition()
        {
            Next();
            if (Peek.Is("U") || Peek.Is("CX"))
                throw Error(Peek, $"'{Peek.Text}' is built into OpenQASM and cannot be redefined", "choose another gate name");
            var name = ExpectName("a gate name", "define a gate as 'gate name(params) qubits { ... }'");
            if (_userGates.ContainsKey(name.Text))
                throw Error(name, $"gate '{name.Text}' is already defined", "every gate definition needs its own name");
            var parameterNames = new List<string>();
            if (Peek.Is("("))
            {
                Next();
                if (!Peek.Is(")"))
                {
                    do
                    {
                        var p = ExpectName("a parameter name", "list the parameters as '(a, b)'");
                        if (parameterNames.Contains(p.Text))
                            throw Error(p, $"parameter '{p.Text}' is listed twice", "each parameter of a gate needs its own name");
                        parameterNames.Add(p.Text);
                    } while (Peek.Is(",") && Next().Is(","));
                }
                Expect(")", "close the parameter list with ')'");
            }
            var qubitNames = new List<string>();
            do
            {
                var q = ExpectName("a qubit argument name", "list the gate's qubits as 'a, b' before '{'");
                if (qubitNames.Contains(q.Text))
                    throw Error(q, $"qubit argument '{q.Text}' is listed twice", "each qubit argument of a gate needs its own name");
                if (parameterNames.Contains(q.Text))
                    throw Error(q, $"'{q.Text}' is both a parameter and a qubit argument", "give parameters and qubits distinct names");
                qubitNames.Add(q.Text);
            } while (Peek.Is(",") && Next().Is(","));
            var open = Expect("{", "the gate body starts with '{'");
            var body = new List<QasmUserGate.Call>();
            _scope = parameterNames;
            try
            {
                while (!Peek.Is("}"))
                {
                    var t = Peek;
                    if (t.Kind == QasmTokenKind.EndOfFile)
                        throw Error(t, $"the body of gate '{name.Text}' opened at line {open.Line}, column {open.Column} is not closed", "end it with '}'");
                    if (t.Kind == QasmTokenKind.Identifier && Reserved.Contains(t.Text) && t.Text is not ("barrier" or "U" or "CX"))
                        throw Error(t, $"'{t.Text}' is not allowed inside a gate body", "a gate body holds gate applications and barrier only");
                    if (t.Is("barrier"))
                    {
                        Next();
                        FormalArguments(qubitNames, name.Text);
                        ExpectSemicolon();
                        continue;
                    }
                    var callName = Next();
                    var gate = ResolveGate(callName);
                    var parameters = OptionalParameterList();
                    var qubits = FormalArguments(qubitNames, name.Text);
                    ExpectSemicolon();
                    CheckArity(callName, gate, parameters.Count, qubits.Length);
                    body.Add(new QasmUserGate.Call(callName, gate, [.. parameters], qubits));
                }
            }
            finally
            {
                _scope = [];
            }
            Next();
            var defined = new QasmUserGate(name.Text, parameterNames.Count, qubitNames.Count, body);
            if (defined.Nesting > MaxGateNesting)
                throw Error(name, $"gate '{name.Text}' nests user gates {defined.Nesting} deep",
                    $"at most {MaxGateNesting} levels of user gates calling user gates are accepted; inline some of them");
            _userGates.Add(name.Text, defined);
        }

        /// <summary>Qubit operands inside a gate body: the gate's own argument names, unindexed and distinct.</summary>
        private int[] FormalArguments(List<string> qubitNames, string gateName)
        {
            var result = new List<int>();
            do
            {
                var t = ExpectName("a qubit argument", $"use the arguments of gate '{gateName}': {string.Join(", ", qubitNames)}");
                int index = qubitNames.IndexOf(t.Text);
                if (index < 0)
                    throw Error(t, $"'{t.Text}' is not a qubit argument of gate '{gateName}'",
                        $"a gate body may use only its arguments {string.Join(", ", qubitNames)}");
                if (Peek.Is("["))
                    throw Error(Peek, "qubit arguments inside a gate body take no index", "write the argument name alone, e.g. 'h a;'");
                if (result.Contains(index))
                    throw Error(t, $"qubit argument '{t.Text}' appears twice in one gate", "each operand of a gate must be a different qubit");
                result.Add(index);
            } while (Peek.Is(",") && Next().Is(","));
            return [.. result];
        }

        private void Measure()
        {
            var keyword = Next();
            var q = ParseArgument(quantum: true);
            Expect("->", "write 'measure q[i] -> c[j];' or 'measure q -> c;'");
            var c = ParseArgument(quantum: false);
            ExpectSemicolon();
            if (q.Whole != c.Whole)
                throw Error(c.Name, "measure mixes a whole register with a single element",
                    "measure one qubit into one bit ('measure q[i] -> c[j];') or a register into a register ('measure q -> c;')");
            if (q.Whole && q.Register.Size != c.Register.Size)
                throw Error(c.Name, $"qreg {q.Register.Name} has {Count(q.Register.Size, "qubit")} but creg {c.Register.Name} has {Count(c.Register.Size, "bit")}",
                    "'measure q -> c;' needs registers of the same size");
            int n = q.Whole ? q.Register.Size : 1;
            for (int i = 0; i < n; i++)
            {
                _measurements.Add(new QasmMeasurement(q.Flat(i), c.Flat(i)));
                _measuredAt.TryAdd(q.Flat(i), keyword);
            }
        }

        private List<Argument> ArgumentList()
        {
            var list = new List<Argument>();
            do list.Add(ParseArgument(quantum: true));
            while (Peek.Is(",") && Next().Is(","));
            return list;
        }

        private Argument ParseArgument(bool quantum)
        {
            string what = quantum ? "a quantum register" : "a classical register";
            var name = ExpectName(what, quantum ? "name a qreg or one of its qubits, e.g. 'q' or 'q[0]'" : "name a creg or one of its bits, e.g. 'c' or 'c[0]'");
            if (!_registers.TryGetValue(name.Text, out var entry) || entry.Quantum != quantum)
            {
                var declared = (quantum ? _qregs : _cregs).Select(r => r.Name).ToList();
                string allowed = declared.Count == 0
                    ? $"no {(quantum ? "qreg" : "creg")} is declared yet; declare one first with '{(quantum ? "qreg q[n];" : "creg c[n];")}'"
                    : $"declared {(quantum ? "qregs" : "cregs")}: {string.Join(", ", declared)}";
                string problem = entry.Register is null
                    ? $"undeclared register '{name.Text}'"
                    : $"'{name.Text}' is a {(quantum ? "classical" : "quantum")} register but {what} is needed here";
                throw Error(name, problem, allowed);
            }
            if (!Peek.Is("[")) return new Argument(name, entry.Register, -1);
            Next();
            var indexToken = Next();
            int index = Integer(indexToken, "index", $"index '{name.Text}' with an integer 0..{entry.Register.Size - 1}");
            if (index >= entry.Register.Size)
                throw Error(indexToken, $"index {index} is out of range for {(quantum ? "qreg" : "creg")} {name.Text}[{entry.Register.Size}]",
                    $"valid indices are 0..{entry.Register.Size - 1}");
            Expect("]", "close the index with ']'");
            return new Argument(name, entry.Register, index);
        }

        /// <summary>
        /// Expands whole-register operands as OpenQASM 2.0 prescribes: all whole registers must have one size n, and the
        /// gate is applied n times, element i of each register together with the single qubits given.
        /// </summary>
        private List<int[]> Broadcast(List<Argument> args)
        {
            int size = -1;
            Argument first = default;
            foreach (var a in args)
            {
                if (!a.Whole) continue;
                if (size < 0) { size = a.Register.Size; first = a; }
                else if (a.Register.Size != size)
                    throw Error(a.Name, $"qreg {a.Register.Name} has {Count(a.Register.Size, "qubit")} but {first.Register.Name} has {size}",
                        "registers applied together in one gate must have the same size");
            }
            var result = new List<int[]>();
            for (int i = 0; i < Math.Max(size, 1); i++)
            {
                var wires = new int[args.Count];
                for (int j = 0; j < wires.Length; j++)
                {
                    wires[j] = args[j].Flat(i);
                    for (int k = 0; k < j; k++)
                        if (wires[k] == wires[j])
                            throw Error(args[j].Name, $"qubit {args[j].Label(i)} appears twice in one gate",
                                "each operand of a gate must be a different qubit");
                }
                result.Add(wires);
            }
            return result;
        }

        private string QubitLabel(int wire)
        {
            var r = _qregs.Last(r => r.Offset <= wire);
            return $"{r.Name}[{wire - r.Offset}]";
        }

        private List<QasmExpression> OptionalParameterList()
        {
            var list = new List<QasmExpression>();
            if (!Peek.Is("(")) return list;
            Next();
            if (!Peek.Is(")"))
            {
                do list.Add(Expression());
                while (Peek.Is(",") && Next().Is(","));
            }
            Expect(")", "close the parameter list with ')' (parameters are separated by ',')");
            return list;
        }

        // expression := term (('+' | '-') term)*
        private QasmExpression Expression()
        {
            var left = Term();
            while (Peek.Is("+") || Peek.Is("-"))
            {
                char op = Next().Text[0];
                left = Bounded(new QasmExpression.Binary(left.Start, op, left, Term()));
            }
            return left;
        }

        // term := unary (('*' | '/') unary)*
        private QasmExpression Term()
        {
            var left = Unary();
            while (Peek.Is("*") || Peek.Is("/"))
            {
                char op = Next().Text[0];
                left = Bounded(new QasmExpression.Binary(left.Start, op, left, Unary()));
            }
            return left;
        }

        // unary := ('-' | '+') unary | power ; so -2^2 is -(2^2), as in mathematics.
        private QasmExpression Unary()
        {
            // Every recursive path (parentheses, signs, '^', function calls) passes through here: count it.
            if (++_expressionDepth > MaxExpressionDepth) throw TooDeep(Peek);
            try
            {
                if (Peek.Is("-"))
                {
                    var minus = Next();
                    return Bounded(new QasmExpression.Negate(minus, Unary()));
                }
                if (Peek.Is("+")) Next();
                return Power();
            }
            finally
            {
                _expressionDepth--;
            }
        }

        /// <summary><paramref name="e"/>, unless its tree is deeper than <see cref="MaxExpressionDepth"/> (long operator chains are built without recursion, but evaluated with it).</summary>
        private static QasmExpression Bounded(QasmExpression e) => e.Depth > MaxExpressionDepth ? throw TooDeep(e.Start) : e;

        private static QasmParseException TooDeep(QasmToken at) =>
            Error(at, $"the expression nests more than {MaxExpressionDepth} levels deep",
                $"expressions may nest parentheses, signs, function calls and chained operators at most {MaxExpressionDepth} levels deep; simplify the angle");

        // power := primary ('^' unary)? ; right-associative.
        private QasmExpression Power()
        {
            var b = Primary();
            if (!Peek.Is("^")) return b;
            Next();
            return Bounded(new QasmExpression.Binary(b.Start, '^', b, Unary()));
        }

        private QasmExpression Primary()
        {
            var t = Peek;
            switch (t.Kind)
            {
                case QasmTokenKind.Integer or QasmTokenKind.Real:
                    Next();
                    return new QasmExpression.Number(t, t.Value);
                case QasmTokenKind.Identifier when t.Text == "pi":
                    Next();
                    return new QasmExpression.Number(t, Math.PI);
                case QasmTokenKind.Identifier when QasmExpression.Call.Functions.Contains(t.Text):
                {
                    Next();
                    Expect("(", $"call a function as '{t.Text}(expression)'");
                    var argument = Expression();
                    Expect(")", "close the function argument with ')'");
                    return Bounded(new QasmExpression.Call(t, t.Text, argument));
                }
                case QasmTokenKind.Identifier:
                {
                    int index = -1;
                    for (int i = 0; i < _scope.Count; i++) if (_scope[i] == t.Text) index = i;
                    if (index < 0)
                        throw Error(t, $"unknown name '{t.Text}' in an expression", ExpressionAllowed());
                    Next();
                    return new QasmExpression.Parameter(t, index);
                }
                default:
                    if (t.Is("("))
                    {
                        Next();
                        var inner = Expression();
                        Expect(")", "close the parenthesis with ')'");
                        return inner;
                    }
                    throw Error(t, $"expected a number, pi, a parameter or '(' but found {t.Describe()}", ExpressionAllowed());
            }
        }

        private string ExpressionAllowed() =>
            "expressions use numbers, pi, + - * / ^, parentheses and sin cos tan exp ln sqrt"
            + (_scope.Count == 0 ? "" : $", and the gate parameters {string.Join(", ", _scope)}");

        private static int Integer(QasmToken t, string what, string allowed)
        {
            if (t.Kind != QasmTokenKind.Integer)
                throw Error(t, $"expected an integer {what} but found {t.Describe()}", allowed);
            if (!int.TryParse(t.Text, NumberStyles.None, CultureInfo.InvariantCulture, out int value))
                throw Error(t, $"the {what} {t.Text} is too large", allowed);
            return value;
        }

        private QasmToken ExpectName(string what, string allowed)
        {
            var t = Peek;
            if (t.Kind != QasmTokenKind.Identifier)
                throw Error(t, $"expected {what} but found {t.Describe()}", allowed);
            if (Reserved.Contains(t.Text))
                throw Error(t, $"'{t.Text}' is a reserved word and cannot be used as {what}", allowed);
            return Next();
        }

        private QasmToken Expect(string symbol, string allowed)
        {
            if (!Peek.Is(symbol))
                throw Error(Peek, $"expected '{symbol}' but found {Peek.Describe()}", allowed);
            return Next();
        }

        /// <summary>A missing ';' is reported just after the statement it should end, where the fix goes.</summary>
        private void ExpectSemicolon()
        {
            if (Peek.Is(";")) { Next(); return; }
            var prev = Previous;
            throw new QasmParseException(prev.Line, prev.EndColumn, $"missing ';' after '{prev.Text}' (found {Peek.Describe()} next)",
                "every statement ends with ';'");
        }
    }
}
