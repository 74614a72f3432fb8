using FsCheck;
using FsCheck.Fluent;
using static Hanzo.Qml.Server.Tests.HostileBodies;
using static Hanzo.Qml.Server.Tests.HostileJson;

namespace Hanzo.Qml.Server.Tests;

/// <summary>
/// Request generators per route, built from the valid shapes in the request contracts (Endpoints/, Circuits/,
/// Models/, Benchmarks/, Hpo/). Ids of objects the routes act on are placeholders (<c>{kernel}</c>, <c>{circuit}</c>, …)
/// that <see cref="HostileServer"/> fills in.
/// </summary>
internal static class HostileRoutes
{
    private static Gen<string> Names(params string[] names) => Gen.Elements(names.Select(Str).ToArray());

    private static Gen<string> Ints(int min, int max) => Gen.Choose(min, max).Select(v => Raw(v));

    private static Gen<string> Doubles(double min, double max) => Gen.Choose(0, 1000).Select(v => Raw(min + (max - min) * v / 1000));

    private static readonly Gen<string> Bools = Gen.Elements("true", "false");

    private static readonly Gen<string> BoolEdges = Gen.Elements("1", "0", "\"true\"", "\"yes\"", "null", "[true]", "True");

    private static readonly Gen<string> DoubleEdges = Gen.Elements(
        "1e308", "-1e308", "1e309", "1e999", "4.9e-324", "0", "-0", "NaN", "Infinity", "\"NaN\"", "\"1.5\"", "1.7976931348623157e308", "-1.7976931348623157e308");

    private static readonly Gen<string> Seeds = Gen.Choose(0, 1000).Select(v => Raw(v));

    private static readonly Gen<string> SeedEdges = Gen.Elements("-1", "2147483647", "-2147483648", "2147483648", "9223372036854775807", "9223372036854775808", "1.5", "\"1\"");

    private static readonly string Rows2001 = "[" + string.Join(',', Enumerable.Repeat("[0.1,0.2,0.3]", 2001)) + "]";

    private static readonly string Rows2001Of2 = "[" + string.Join(',', Enumerable.Repeat("[0.1,0.2]", 2001)) + "]";

    private static readonly string Rows50k = "[" + string.Join(',', Enumerable.Repeat("[0.1,0.2,0.3]", 50_000)) + "]";

    /// <summary>Observables that do not parse, name wires outside a small register, or are far too many or too long.</summary>
    public static readonly string[] BadObservables =
    [
        "Z99", "Q0", "", " ", "Z", "0", "Z0 Z0", "1e999 Z0", "NaN Z0", "Infinity Z0", "Z-1", "Z2147483648", "Z99999999999", "+", "Z0 +", "- Z0", "0.5", "Z0Z1",
        "z0", "X1 Y2", "Z0 + + Z1", "Z0 * Z1", "Z0\u0000", "Ｚ0", "Z٠", "1e308 Z0 + 1e308 Z0", "(Z0)", "Z0; drop table", "Z0 " + new string(' ', 10_000) + "X0",
        string.Concat(Enumerable.Repeat("Z0+", 300_000)) + "Z0", string.Concat(Enumerable.Repeat("Z0 ", 100_000)), new string('-', 300_000) + "Z0",
        "0.5 " + new string('Z', 100_000),
    ];

    private static Gen<string> ObservableEdges() => Gen.Frequency(
        (6, Gen.Elements(BadObservables).Select(o => "[" + Str(o) + "]")),
        (1, Gen.Elements(
            "\"Z0\"", "[null]", "[1]", "[[\"Z0\"]]", "[\"Z0\",\"Z0\"]",
            "[" + string.Join(',', Enumerable.Repeat("\"Z0\"", 257)) + "]",
            "[" + string.Join(',', Enumerable.Range(0, 257).Select(i => Str($"{i} Z0"))) + "]")));

    private static Gen<string> ObservableEdge() => Gen.Frequency(
        (6, Gen.Elements(BadObservables).Select(Str)),
        (1, Gen.Elements("[\"Z0\"]", "null", "1", "{}")));

    // ---- kernels ----

    public static Gen<HostileRequest> KernelCreate() => Route("/v1/kernels",
    [
        F("encoding", Names("angle", "iqp", "zz", "pauli", "ANGLE", " zz "), NameEdges("angle", "iqp", "zz", "pauli", "amplitude")),
        F("n_qubits", Ints(1, 6), IntEdges(1, 20)),
        F("reps", Ints(1, 3), IntEdges(1, 64)),
        F("rotation", Names("x", "y", "z"), NameEdges("x", "y", "z")),
        F("entanglement", Names("linear", "circular", "full"), NameEdges("linear", "circular", "full")),
        F("alpha", Doubles(0.1, 3), DoubleEdges),
        F("paulis", Gen.Elements("[\"Z\",\"ZZ\"]", "[\"X\",\"YZ\"]", "[\"Y\"]"), PaulisEdges()),
        F("pad_with", "0", DoubleEdges),
    ],
    [
        F("encoding", "\"amplitude\"", NameEdges("amplitude")),
        F("n_qubits", Ints(1, 4), IntEdges(1, 20)),
        F("num_features", Ints(1, 4), IntEdges(1, 1 << 20)),
        F("pad_with", Doubles(-1, 1), DoubleEdges),
    ]);

    private static Gen<string> PaulisEdges() => Gen.Elements(
        "[\"Q\"]", "[\"\"]", "[\",\"]", "[\"Z,Z\"]", "[]", "[null]", "\"Z\"", "[\"z\"]", "[\"ZZZZZZZZZZZZZZZZZZZZ\"]", "[\"IIII\"]", "[\"Z \"]", "[\"Z\\u0000\"]",
        "[" + string.Join(',', Enumerable.Repeat("\"ZZZZZZZZZZ\"", 17)) + "]", "[" + string.Join(',', Enumerable.Repeat("\"XYZ\"", 10_000)) + "]",
        "[" + Str(string.Concat(Enumerable.Repeat("XYZ", 10_000))) + "]");

    public static Gen<HostileRequest> KernelEvaluate() => Route("/v1/kernels/{kernel}/evaluate",
    [
        F("x", Numbers(3), VectorEdges(3)),
        F("z", Numbers(3), VectorEdges(3)),
    ]);

    public static Gen<HostileRequest> KernelMatrix() => Route("/v1/kernels/{kernel}/matrix",
    [
        F("x", Gen.Choose(1, 4).SelectMany(r => Rows(r, 3)), RowsEdges(3)),
        F("z", Gen.Choose(1, 3).SelectMany(r => Rows(r, 3)), RowsEdges(3)),
    ],
    [
        F("x", Gen.Choose(1, 6).SelectMany(r => Rows(r, 3)), RowsEdges(3)),
    ]);

    private static Gen<string> VectorEdges(int width) => Gen.Elements(
        "[]", NumberArray(width - 1), NumberArray(width + 1), NumberArray(width, "-1e308"), NumberArray(width, "1e154"), NumberArray(width, "4.9e-324"), "[" + string.Join(',', Enumerable.Repeat("\"1\"", width)) + "]",
        "[null" + string.Concat(Enumerable.Repeat(",1", width - 1)) + "]", NumberArray(width, "1e999"), NumberArray(width, "1e308"), NumberArray(width, "NaN"),
        NumberArray(100_000), "[" + NumberArray(width) + "]", "0.5", "{\"0\":1}");

    private static Gen<string> RowsEdges(int width) => Gen.Frequency(
        (6, BadRows(width)),
        (2, Gen.Elements("[]", "[[]]", NumberArray(width), width == 3 ? Rows2001 : Rows2001Of2, "[null]", "[[null]]", "{}")),
        (1, Gen.Elements(Rows50k)));

    // ---- circuits ----

    private static Gen<string> EncodingOptions() =>
        from reps in Ints(1, 3)
        from rotation in Names("x", "y", "z")
        from entanglement in Names("linear", "circular", "full")
        from alpha in Doubles(0.5, 2)
        select $"{{\"reps\":{reps},\"rotation\":{rotation},\"entanglement\":{entanglement},\"alpha\":{alpha},\"paulis\":[\"Z\",\"ZZ\"],\"pad_with\":0}}";

    private static Gen<string> EncodingOptionsEdges() => Gen.OneOf(
        from field in Gen.Elements("reps", "rotation", "entanglement", "alpha", "paulis", "pad_with", "num_features", "unknown", "layers")
        from value in Gen.Frequency(
            (2, Gen.Elements("0", "65", "64", "-1", "2147483648", "\"ring\"", "\"w\"", "1e999", "NaN", "[]", "[\"Q\"]", "null", "1048576")),
            (1, PaulisEdges()),
            (1, Value))
        select $"{{{Str(field)}:{value}}}",
        // The Pauli map's gate count grows as C(n, k) per word: long words with full entanglement on many qubits.
        Gen.Elements(
            "{\"reps\":64,\"entanglement\":\"full\",\"paulis\":[\"ZZZZZZZZZZ\",\"XXXXXXXXXX\",\"YYYYYYYYYY\",\"ZZZZZZZZZZZZZZZZZZZZ\"]}",
            "{\"reps\":64,\"paulis\":[" + string.Join(',', Enumerable.Repeat("\"ZZZZZZZZZZ\"", 16)) + "]}"));

    public static Gen<HostileRequest> CircuitCreate() => Route("/v1/circuits",
    [
        F("n_qubits", Ints(1, 4), IntEdges(1, 20)),
        F("encoding", Names("angle", "iqp", "zz", "pauli", "amplitude"), NameEdges("angle", "iqp", "zz", "pauli", "amplitude")),
        F("encoding_options", EncodingOptions(), EncodingOptionsEdges()),
        F("ansatz", Names("hardware_efficient", "strongly_entangling", "basic_entangler"), NameEdges("hardware_efficient", "strongly_entangling", "basic_entangler")),
        F("layers", Ints(1, 3), IntEdges(1, 1000)),
        F("observables", Gen.Elements("[\"Z0\"]", "[\"0.5 Z0 + 0.25 X0\"]", "[\"Z0\",\"X0\"]"), ObservableEdges()),
    ],
    [
        F("qasm", HostileQasm.Program.Select(Str), Gen.Frequency((4, HostileQasm.Program.Select(Str)), (1, Value))),
        F("observables", Gen.Elements("[\"Z0\"]", "[\"1.5 Z0\"]"), ObservableEdges()),
    ],
    [
        // Wide and deep: at and past the layer, gate and depth limits on the largest register.
        F("n_qubits", Gen.Elements("20", "19", "2"), IntEdges(1, 20)),
        F("ansatz", Names("hardware_efficient", "strongly_entangling", "basic_entangler"), NameEdges("hardware_efficient")),
        F("layers", Gen.Elements("999", "1000", "500", "100"), IntEdges(1, 1000)),
    ]);

    public static Gen<HostileRequest> CircuitExecute(int weights, int features) =>
        Gen.OneOf(CircuitExecute("{circuit}", weights, features), CircuitExecute("{zz_circuit}", weights, features));

    private static Gen<HostileRequest> CircuitExecute(string circuit, int weights, int features) => Route($"/v1/circuits/{circuit}/execute",
    [
        F("weights", Numbers(weights), VectorEdges(Math.Max(weights, 1))),
        F("features", Numbers(features), VectorEdges(Math.Max(features, 1))),
        F("observables", Gen.Elements("[\"Z0\"]", "[\"Z0\",\"0.5 Z0 Z1\"]"), ObservableEdges()),
        F("probs", Bools, BoolEdges),
        F("state", Bools, BoolEdges),
        F("shots", Ints(1, 1000), IntEdges(1, 1_000_000)),
        F("seed", Seeds, SeedEdges),
        F("backend", Names("statevector", "STATEVECTOR"), NameEdges("statevector")),
    ],
    [
        F("weights", Numbers(weights), VectorEdges(Math.Max(weights, 1))),
        F("batch", Gen.Choose(1, 5).SelectMany(r => Rows(r, features)), RowsEdges(features)),
        F("probs", Bools, BoolEdges),
        F("shots", Ints(1, 100), IntEdges(1, 1_000_000)),
    ]);

    public static Gen<HostileRequest> QasmCircuitExecute() => Route("/v1/circuits/{qasm_circuit}/execute",
    [
        F("observables", Gen.Elements("[\"Z0\"]", "[\"Z0 Z1\"]"), ObservableEdges()),
        F("probs", Bools, BoolEdges),
        F("state", Bools, BoolEdges),
        F("shots", Ints(1, 1000), IntEdges(1, 1_000_000)),
    ]);

    public static Gen<HostileRequest> CircuitGradient(int weights, int features) =>
        Gen.OneOf(CircuitGradient("{circuit}", weights, features), CircuitGradient("{zz_circuit}", weights, features));

    private static Gen<HostileRequest> CircuitGradient(string circuit, int weights, int features) => Route($"/v1/circuits/{circuit}/gradient",
    [
        F("weights", Numbers(weights), VectorEdges(Math.Max(weights, 1))),
        F("features", Numbers(features), VectorEdges(Math.Max(features, 1))),
        F("observable", Gen.Elements("\"Z0\"", "\"0.5 Z0 Z1 - X1\""), ObservableEdge()),
        F("method", Names("adjoint", "parameter-shift"), NameEdges("adjoint", "parameter-shift")),
        F("wrt", Names("weights", "features", "both"), NameEdges("weights", "features", "both")),
        F("backend", Names("statevector"), NameEdges("statevector")),
    ]);

    // ---- models ----

    public static Gen<HostileRequest> ModelCreate() => Route("/v1/models",
    [
        F("type", Names("vqc", "vqr", "qsvm"), Gen.Frequency((3, NameEdges("vqc", "vqr", "qsvm")), (1, Names("qbm", "qgan", "QBM")))),
        F("n_qubits", Ints(1, 4), IntEdges(1, 16)),
        F("n_layers", Ints(1, 3), IntEdges(1, 20)),
        F("encoding", Names("angle", "iqp", "zz", "hybrid"), NameEdges("angle", "iqp", "zz", "hybrid", "amplitude", "pauli")),
        F("reps", Ints(1, 3), IntEdges(1, 16)),
        F("ansatz", Names("hardware_efficient", "strongly_entangling", "basic_entangler"), NameEdges("hardware_efficient")),
        F("epochs", Ints(1, 5), IntEdges(1, 1000)),
        F("learning_rate", Doubles(0.01, 1), Gen.Frequency((2, DoubleEdges), (1, Gen.Elements("10", "10.000001", "-0.1")))),
        F("batch_size", Ints(1, 32), IntEdges(1, 4096)),
        F("optimizer", Names("adam", "sgd", "spsa", "qng"), NameEdges("adam", "sgd", "spsa", "qng", "cobyla")),
        F("gradient", Names("adjoint", "parameter-shift", "parameter_shift"), NameEdges("adjoint", "parameter-shift")),
        F("seed", Seeds, SeedEdges),
        F("c", Doubles(0.1, 10), DoubleEdges),
        F("kernel", Names("fidelity", "projected"), NameEdges("fidelity", "projected")),
        F("backend", Names("statevector"), NameEdges("statevector")),
    ]);

    private static Gen<string> InlineData(int width) =>
        from rows in Gen.Choose(4, 12)
        from x in Rows(rows, width)
        select $"{{\"x\":{x},\"y\":[{string.Join(',', Enumerable.Range(0, rows).Select(i => i % 2 == 0 ? "\"a\"" : "\"b\""))}],\"task\":\"classification\"}}";

    private static Gen<string> InlineDataEdges() => Gen.Elements(
        "{}", "{\"x\":[]}", "{\"x\":[[1,2]],\"y\":[]}", "{\"x\":[[1,2],[3,4]],\"y\":[\"a\"]}", "{\"x\":[[1,2],[3]],\"y\":[\"a\",\"b\"]}",
        "{\"x\":[[],[]],\"y\":[\"a\",\"b\"]}", "{\"x\":[null],\"y\":[\"a\"]}", "{\"x\":[[1,2]],\"y\":[{}]}", "{\"x\":[[1,2]],\"y\":[null]}",
        "{\"x\":[[1,2]],\"y\":[\"a\"]}", "{\"x\":[[1,2],[3,4]],\"y\":[\"a\",\"a\"]}", "{\"x\":[[1,2],[3,4]],\"y\":[1.5,2.5],\"task\":\"regression\"}",
        "{\"x\":[[1,2],[3,4]],\"y\":[\"a\",\"b\"],\"task\":\"clustering\"}", "{\"x\":[[1,2],[3,4]],\"y\":[\"a\",\"b\"],\"task\":\"regression\"}",
        "{\"x\":[[1,2],[3,4]],\"y\":[1e308,-1e308],\"task\":\"regression\"}", "{\"x\":[[1,2],[3,4]],\"y\":[\"a\",\"b\"],\"feature_names\":[\"f\"]}",
        "{\"x\":[[1,2],[3,4]],\"y\":[\"a\",\"b\"],\"feature_names\":[null,null]}", "{\"x\":[[1,2],[3,4]],\"y\":[[1],[2]]}",
        "{\"x\":[[1e308,1e308],[-1e308,-1e308],[1e308,0],[0,1e308]],\"y\":[\"a\",\"b\",\"a\",\"b\"]}",
        "{\"x\":[[0,0],[0,0],[0,0],[0,0]],\"y\":[\"a\",\"b\",\"a\",\"b\"]}",
        "{\"x\":" + Rows2001Of2 + ",\"y\":[" + string.Join(',', Enumerable.Repeat("\"a\"", 2001)) + "]}",
        "{\"x\":[" + NumberArray(100_000) + "],\"y\":[\"a\"]}");

    private static Gen<string> Csv() =>
        from rows in Gen.Choose(4, 12)
        select Str("f1,f2,label\n" + string.Join('\n', Enumerable.Range(0, rows).Select(i => $"{i * 0.1:0.0},{1 - i * 0.05:0.00},{(i % 2 == 0 ? "a" : "b")}")));

    private static Gen<string> CsvEdges() => Gen.Elements(new[]
    {
        "", "\n", "a,b", "a,b\n", "f1,label\n1", "f1,f2,label\n1,2", "f1,f2,label\n1,2,a,b", "f1,f2,label\nx,y,a\n", "f1,f2,label\nnan,1,a\n2,3,b",
        "f1,f2,label\n1e999,1,a\n2,3,b", "f1,f2,label\nInfinity,1,a\n2,3,b", "\"f1,f2,label\n1,2,a", "f1,f2,label\r\n1,2,a\r\n3,4,b\r\n", "\uFEFFf1,label\n1,a\n2,b",
        "f1;f2;label\n1;2;a", "label\na\nb", "f1,f2,label\n1,2,\n3,4,", "f1,f2,label\n\u0000,1,a", ",,\n,,\n", "f1,f1,label\n1,2,a\n3,4,b",
        "f1,label\n" + string.Join('\n', Enumerable.Range(0, 2001).Select(i => $"{i},{i % 2}")),
        "f1,label\n" + string.Join('\n', Enumerable.Range(0, 50_000).Select(i => $"{i},{i % 2}")),
        string.Join(',', Enumerable.Range(0, 100_000).Select(i => $"c{i}")) + "\n" + string.Join(',', Enumerable.Repeat("1", 100_000)),
    }.Select(Str).ToArray());

    public static Gen<HostileRequest> ModelTrain() => Route("/v1/models/{model}/train",
    [
        F("dataset", Names("iris", "wine", "adhoc", "breast_cancer"), NameEdges("iris", "wine", "breast_cancer", "solubility", "solubility_reg", "adhoc")),
        F("epochs", Ints(1, 3), IntEdges(1, 1000)),
        F("resume", Bools, BoolEdges),
    ],
    [
        F("data", InlineData(2), InlineDataEdges()),
        F("epochs", Ints(1, 2), IntEdges(1, 1000)),
    ],
    [
        F("csv", Csv(), CsvEdges()),
        F("epochs", Ints(1, 2), IntEdges(1, 1000)),
    ],
    [
        F("dataset", Names("iris"), NameEdges("iris")),
        F("csv", Csv(), CsvEdges()),
        F("data", InlineData(2), InlineDataEdges()),
    ]);

    public static Gen<HostileRequest> ModelPredict() => Gen.OneOf(new[] { "{trained}", "{trained_vqc}", "{trained_vqr}" }.Select(model =>
        Route($"/v1/models/{model}/predict",
        [
            F("x", Gen.Choose(1, 5).SelectMany(r => Rows(r, 2)), RowsEdges(2)),
        ])));

    // ---- benchmark, QAOA, HPO ----

    public static Gen<HostileRequest> Benchmark() => Route("/v1/benchmark",
    [
        F("dataset", Names("iris", "wine", "adhoc", "solubility_reg"), NameEdges("iris", "wine", "breast_cancer", "solubility", "solubility_reg", "adhoc")),
        F("quantum_model", Names("qsvm", "vqc"), NameEdges("qsvm", "vqc", "vqr")),
        F("encoding", Names("zz", "angle", "iqp"), NameEdges("zz", "angle", "iqp", "pauli", "amplitude")),
        F("n_qubits", Ints(1, 4), IntEdges(1, 16)),
        F("reps", Ints(1, 2), IntEdges(1, 16)),
        F("kernel", Names("fidelity", "projected"), NameEdges("fidelity", "projected")),
        F("baselines", Gen.Elements("[\"logreg\"]", "[\"rbf_svm\",\"logreg\"]"), BaselineEdges()),
        F("folds", Ints(3, 5), IntEdges(2, 20)),
        F("repeats", Ints(1, 2), IntEdges(1, 20)),
        F("metric", Names("accuracy", "f1", "roc_auc"), NameEdges("accuracy", "f1", "roc_auc", "r2", "mse", "mae")),
        F("grid_search", Gen.Constant("false"), BoolEdges),
        F("seed", Seeds, SeedEdges),
    ],
    [
        F("data", InlineData(2), InlineDataEdges()),
        F("folds", Ints(3, 4), IntEdges(2, 20)),
        F("repeats", Gen.Constant("1"), IntEdges(1, 20)),
    ],
    [
        F("csv", Csv(), CsvEdges()),
        F("folds", Gen.Constant("3"), IntEdges(2, 20)),
        F("repeats", Gen.Constant("1"), IntEdges(1, 20)),
        F("quantum_model", Names("qsvm"), NameEdges("qsvm", "vqr")),
    ]);

    private static Gen<string> BaselineEdges() => Gen.Elements(
        "[]", "[\"\"]", "[\"unknown\"]", "[null]", "\"logreg\"", "[\"logreg\",\"logreg\"]", "[\"LOGREG\"]", "[\"linear\"]", "[\"rbf_svr\"]",
        "[" + string.Join(',', Enumerable.Repeat("\"logreg\"", 1000)) + "]");

    public static Gen<HostileRequest> Qaoa() => Route("/v1/qaoa",
    [
        F("graph", Gen.Elements("\"random:4:2\"", "\"random:6:3\"", "\"random:3:2\"", "{\"n_nodes\":3,\"edges\":[[0,1],[1,2,0.5]]}"), GraphEdges()),
        F("p", Ints(1, 3), IntEdges(1, 50)),
        F("optimizer", Names("cobyla", "nelder-mead", "nelder_mead", "neldermead", "spsa", "adam"), NameEdges("cobyla", "nelder-mead", "spsa", "adam")),
        F("max_iter", Ints(1, 20), IntEdges(1, 100_000)),
        F("shots", Ints(1, 1000), IntEdges(1, 1_000_000)),
        F("seed", Seeds, SeedEdges),
    ],
    [
        F("edge_list", Gen.Elements("\"0 1\\n1 2 0.5\"", "\"# ring\\n0 1\\n1 2\\n2 0\""), EdgeListEdges()),
        F("p", Ints(1, 2), IntEdges(1, 50)),
        F("max_iter", Ints(1, 10), IntEdges(1, 100_000)),
    ],
    [
        F("graph", Gen.Elements("\"random:4:2\""), GraphEdges()),
        F("edge_list", Gen.Elements("\"0 1\""), EdgeListEdges()),
    ]);

    private static Gen<string> GraphEdges() => Gen.Elements(
        "\"random:20:19\"", "\"random:20:1000000\"", "\"random:-1:2\"", "\"random:3:3\"", "\"random:2147483647:2\"", "\"random:21:2\"", "\"random::\"",
        "\"random:4:2:1\"", "\"RANDOM:4:2\"", "\"random: 4:2\"", "\"complete:4\"", "\"random:1:0\"", "\"random:0:0\"", "\"random:4:0\"", "\"random:99999999999:2\"",
        "{\"n_nodes\":0,\"edges\":[]}", "{\"n_nodes\":2147483647,\"edges\":[]}", "{\"n_nodes\":3,\"edges\":[[0,0]]}", "{\"n_nodes\":3,\"edges\":[[0,1],[0,1]]}",
        "{\"n_nodes\":3,\"edges\":[[0,1],[1,0]]}", "{\"n_nodes\":3,\"edges\":[[0,5]]}", "{\"n_nodes\":3,\"edges\":[[0,1,\"NaN\"]]}", "{\"n_nodes\":3,\"edges\":[[0,1,1e308],[1,2,1e308]]}",
        "{\"n_nodes\":3,\"edges\":[[-1,0]]}", "{\"n_nodes\":3,\"edges\":[[0.5,1]]}", "{\"n_nodes\":3,\"edges\":[[0,1,2,3]]}", "{\"n_nodes\":3,\"edges\":[[]]}",
        "{\"n_nodes\":3,\"edges\":[null]}", "{\"n_nodes\":3,\"edges\":{}}", "{\"n_nodes\":\"3\",\"edges\":[]}", "{\"n_nodes\":3}", "{\"edges\":[[0,1]]}",
        "{\"n_nodes\":1,\"edges\":[]}", "{\"n_nodes\":20,\"edges\":[]}", "{\"n_nodes\":3,\"edges\":[[0,1,1e999]]}", "{\"n_nodes\":3,\"edges\":[[0,2147483648]]}",
        "{\"n_nodes\":20,\"edges\":[" + string.Join(',', Enumerable.Range(0, 1000).Select(i => $"[{i % 20},{(i + 1) % 20}]")) + "]}",
        "[[0,1]]", "\"0 1\"", "\"\"");

    private static Gen<string> EdgeListEdges() => Gen.Elements(new[]
    {
        "0 0", "0 1\n0 1", "0 1\n1 0", "a b", "0 1 NaN", "0 1 1e999", "0 1 Infinity", "0 2147483647", "0 2147483646", "0 2147483648", "-1 0", "0", "0 1 2 3",
        "", "# only a comment", "0 1\r\n1 2\r\n", "0 20", "0 19", "\u0000", "0\t1", "0,1", "0 1 1e308\n1 2 1e308", "0 1 #w\n", "٠ ١",
        string.Join('\n', Enumerable.Range(0, 50_000).Select(i => $"{i} {i + 1}")),
        string.Join('\n', Enumerable.Range(0, 19).Select(i => $"{i} {i + 1}")),
    }.Select(Str).ToArray());

    public static Gen<HostileRequest> Hpo() => Route("/v1/hpo/quantum",
    [
        F("model", Names("rbf_svm"), NameEdges("rbf_svm", "mlp")),
        F("dataset", Names("iris", "wine", "breast_cancer"), NameEdges("iris", "wine", "solubility_reg", "adhoc")),
        F("metric", Names("accuracy", "f1", "roc_auc", "macro_f1"), NameEdges("accuracy", "f1", "roc_auc")),
        F("search_space", Gen.Elements("{\"C\":[0.1,1,10],\"gamma\":[0.01,0.1]}", "{\"C\":[1,2],\"gamma\":[\"scale\",\"auto\"]}"), SearchSpaceEdges()),
        F("method", Names("qaoa", "random", "tpe", "all"), NameEdges("qaoa", "random", "tpe", "all")),
        F("budget", Ints(1, 5), IntEdges(1, 200)),
        F("seed", Seeds, SeedEdges),
        F("p", Ints(1, 2), IntEdges(1, 10)),
        F("n_qubits", Ints(5, 20), IntEdges(1, 20)),
        F("folds", Gen.Elements("0", "2", "3"), IntEdges(0, 20)),
        F("validation_fraction", Doubles(0.1, 0.5), Gen.Frequency((2, DoubleEdges), (1, Gen.Elements("1", "0", "0.999999", "1e-300")))),
    ],
    [
        F("model", Names("mlp"), NameEdges("mlp")),
        F("data", InlineData(2), InlineDataEdges()),
        F("search_space", Gen.Elements("{\"hidden_width\":[4,8],\"learning_rate\":[0.01,0.1]}"), SearchSpaceEdges()),
        F("method", Names("random", "tpe"), NameEdges("random", "tpe")),
        F("budget", Ints(1, 3), IntEdges(1, 200)),
        F("folds", Gen.Elements("0", "2"), IntEdges(0, 20)),
    ],
    [
        F("model", Names("rbf_svm"), NameEdges("rbf_svm")),
        F("csv", Csv(), CsvEdges()),
        F("search_space", Gen.Elements("{\"C\":[1,10]}"), SearchSpaceEdges()),
        F("method", Names("random"), NameEdges("random")),
        F("budget", Ints(1, 3), IntEdges(1, 200)),
    ]);

    private static Gen<string> SearchSpaceEdges() => Gen.Elements(
        "{}", "{\"C\":[]}", "{\"C\":[null]}", "{\"C\":[\"a\",\"b\"]}", "{\"unknown\":[1]}", "{\"C\":[1e308]}", "{\"C\":[NaN]}", "{\"C\":1}", "{\"\":[1]}",
        "{\"C\":[{\"a\":1}]}", "{\"C\":[-1,0]}", "{\"gamma\":[\"scale\",\"auto\",\"nope\"]}", "{\"C\":[true]}", "{\"C\":[1e999]}", "{\"C\":[[1]]}",
        "{\"C\":[" + string.Join(',', Enumerable.Range(1, 65)) + "]}", "{\"C\":[" + string.Join(',', Enumerable.Range(1, 64)) + "]}",
        "{" + string.Join(',', Enumerable.Range(0, 30).Select(i => $"\"p{i}\":[1,2]")) + "}", "{\"C\":[1,2],\"C\":[3]}",
        "{\"hidden_width\":[0.5,1e308],\"max_epochs\":[2147483648]}", "{\"batch_size\":[1e300],\"max_epochs\":[1e300]}",
        "{\"C\":[" + string.Join(',', Enumerable.Range(1, 21)) + "]}", "[]", "null", "\"C\"");

    // ---- ids, queries and methods ----

    /// <summary>Ids that are not ids: very long, unicode, traversal, escapes, injection, other objects' ids.</summary>
    public static Gen<string> Ids() => Gen.Frequency(
        (10, Gen.Elements(
            // No %00: TestServer refuses a path with a NUL before the server sees it (Kestrel answers 400 itself).
            "x", "0", "-1", "null", "undefined", "%20", "%0d%0aX-Injected:%201", "%2e%2e", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "..%2f..%2fhealth",
            "..%5c..%5cwindows", "%ff%fe", "%c0%af", "%", "a%zz", "%25", "'%20OR%20'1'%3D'1", "%3Cscript%3E", "k_", "c_", "m_", "j_", "b_",
            "j_00000000000000000000000000000000", "k_ffffffffffffffffffffffffffffffff", "%E6%97%A5%E6%9C%AC", "%F0%9F%92%A3", "%E2%80%AE", "%CC%81%CC%81%CC%81",
            "{kernel}", "{circuit}", "{zz_circuit}", "{qasm_circuit}", "{model}", "{trained}", "{trained_vqc}", "{benchmark}", "{job}", "{kernel}%01", "{kernel}%20", "{circuit}x")),
        (2, Gen.Elements(1_000, 10_000, 60_000).Select(n => new string('a', n))),
        (1, Gen.Elements(10_000).Select(n => string.Concat(Enumerable.Repeat("%E6%97%A5", n / 9)))));

    /// <summary>Requests to every route that takes an id, with hostile ids, usual or odd methods, and a valid-looking body where one is expected.</summary>
    public static Gen<HostileRequest> IdRoutes() =>
        from template in Gen.Elements(
            ("GET", "/v1/kernels/{0}"), ("POST", "/v1/kernels/{0}/evaluate"), ("POST", "/v1/kernels/{0}/matrix"),
            ("GET", "/v1/circuits/{0}"), ("POST", "/v1/circuits/{0}/execute"), ("POST", "/v1/circuits/{0}/gradient"),
            ("GET", "/v1/models/{0}"), ("POST", "/v1/models/{0}/train"), ("POST", "/v1/models/{0}/predict"), ("GET", "/v1/models/{0}/export"),
            ("GET", "/v1/benchmark/{0}"), ("GET", "/v1/benchmark/{0}/report"), ("GET", "/v1/qaoa/{0}"), ("GET", "/v1/hpo/{0}"),
            ("GET", "/v1/jobs/{0}"), ("POST", "/v1/jobs/{0}/cancel"), ("DELETE", "/v1/jobs/{0}"))
        from id in Ids()
        from method in Gen.Frequency((8, Gen.Constant(template.Item1)), (1, Gen.Elements("PUT", "PATCH", "DELETE", "OPTIONS", "HEAD", "TRACE", "GET", "POST")))
        from body in Gen.Elements("{\"x\":[0.1,0.2,0.3],\"z\":[0.1,0.2,0.3]}", "{\"observables\":[\"Z0\"]}", "{\"dataset\":\"iris\"}", "{}", "")
        select method is "GET" or "HEAD" or "DELETE" or "OPTIONS" or "TRACE"
            ? new HostileRequest(method, template.Item2.Replace("{0}", id, StringComparison.Ordinal), null, null, "hostile id")
            : new HostileRequest(method, template.Item2.Replace("{0}", id, StringComparison.Ordinal), System.Text.Encoding.UTF8.GetBytes(body), HostileRequest.Json, "hostile id");

    /// <summary>Job listing with odd filters, and the parameterless routes with odd methods and query strings.</summary>
    public static Gen<HostileRequest> Queries() => Gen.OneOf(
        from status in Gen.Elements("", "queued", "QUEUED", "running", "done", "%01", "queued&status=failed", new string('s', 10_000), "%E6%97%A5")
        from kind in Gen.Elements("", "train", "benchmark", "%27", "qaoa%01", new string('k', 10_000))
        from limit in Gen.Elements("", "1", "500", "501", "0", "-1", "abc", "1e3", "2147483648", "99999999999999999999", "1.5", "%20", "50&limit=60", "0x10")
        let query = string.Join('&', new[] { ("status", status), ("kind", kind), ("limit", limit) }.Where(p => p.Item2.Length > 0).Select(p => $"{p.Item1}={p.Item2}"))
        select HostileRequest.Get("/v1/jobs" + (query.Length > 0 ? "?" + query : ""), "job query"),
        from path in Gen.Elements("/v1/health", "/v1/backends", "/v1/budget", "/v1/jobs", "/v1/kernels", "/v1/circuits", "/v1/models", "/v1/benchmark",
            "/v1/qaoa", "/v1/hpo/quantum", "/v1/hpo", "/v1", "/", "/v2/health", "/v1/health/", "/V1/HEALTH", "/v1//health", "/v1/health?x=%ff", "/v1/nothing",
            "/openapi/v1.json", "/v1/kernels/", "/v1/circuits//execute", "/v1/budget?org=other")
        from method in Gen.Elements("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD")
        select method is "GET" or "HEAD" or "OPTIONS"
            ? new HostileRequest(method, path, null, null, "odd method")
            : HostileRequest.Post(path, "{}", "odd method") with { Method = method });
}
