using Hanzo.Qml.Benchmark;
using Hanzo.Qml.Circuits;
using Hanzo.Qml.Classical.Metrics;
using Hanzo.Qml.Classical.Svm;
using Hanzo.Qml.Data;
using Hanzo.Qml.Encodings;
using Hanzo.Qml.Kernels;
using Hanzo.Qml.Models;

namespace Hanzo.Qml.Tests.Benchmark;

/// <summary>The RBF-SVM and QSVM classifiers behind IClassifier, the no-entanglement twin, and the model registry.</summary>
public class ModelAdapterTests
{
    private static (double[][] X, int[] Y) Iris2()
    {
        var d = BuiltInDatasets.Load("iris");
        var p = Preprocessor.Fit(d, new PreprocessingOptions { PcaComponents = 2 }, 2);
        return ([.. p.Transform(d.ToJaggedArray())], d.ClassIndexArray());
    }

    [Fact]
    public void RbfSvmClassifierIsTheSvcOnThePrecomputedRbfKernel()
    {
        var (x, y) = Iris2();
        var model = new RbfSvmClassifier();
        model.Fit(x, y, 3);
        var kernel = new RbfKernel();
        var svc = new SupportVectorClassifier().Fit(kernel.Matrix(x), y);
        Assert.Equal(svc.Predict(kernel.Matrix(x, x)), model.Predict(x));
        Assert.Equal(KernelGamma.Scale.Resolve(x), model.ResolvedGamma, 12);
        var proba = model.PredictProba(x);
        Assert.All(proba, row => Assert.Equal(1.0, row.Sum(), 12));
        Assert.True(ClassificationMetrics.Accuracy(y, model.Predict(x)) > 0.9);
        Assert.Throws<InvalidOperationException>(() => new RbfSvmClassifier().Predict(x));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RbfSvmClassifier(new RbfSvmOptions { C = 0 }));
        Assert.Throws<ArgumentException>(() => model.Predict([[1.0, 2.0, 3.0]]));
    }

    [Fact]
    public void BinaryProbabilitiesRankExactlyAsTheDecisionFunction()
    {
        var (x, y3) = Iris2();
        var rows = Enumerable.Range(0, x.Length).Where(i => y3[i] > 0).ToArray();
        var xb = rows.Select(i => x[i]).ToArray();
        var yb = rows.Select(i => y3[i] - 1).ToArray();
        var model = new RbfSvmClassifier();
        model.Fit(xb, yb, 2);
        var decision = new SupportVectorClassifier().Fit(new RbfKernel().Matrix(xb), yb).DecisionFunction(new RbfKernel().Matrix(xb, xb));
        var p1 = model.PredictProba(xb).Select(p => p[1]).ToArray();
        Assert.Equal(ClassificationMetrics.RocAuc([.. yb.Select(c => c == 1)], decision), ClassificationMetrics.RocAuc(yb, model.PredictProba(xb)), 12);
        for (int i = 0; i < xb.Length; i++) Assert.Equal(decision[i] > 0, p1[i] > 0.5);
    }

    [Fact]
    public void QsvmClassifierPredictsAsTheQsvmItWraps()
    {
        var (x, y) = Iris2();
        var options = new QsvmClassifierOptions { Encoding = "zz", NumQubits = 2, EncodingOptions = EncodingOptions.Default with { Reps = 1 } };
        var model = new QsvmClassifier(options);
        model.Fit(x, y, 3);
        var qsvm = new QSVM(new FidelityKernel(new ZZFeatureMap(2, 1))).Fit(x, y);
        Assert.Equal(qsvm.Predict(x), model.Predict(x));
        Assert.All(model.PredictProba(x), row => Assert.Equal(1.0, row.Sum(), 12));
        Assert.Equal(3, model.PredictProba(x)[0].Length);
        // A class missing from a fold keeps its probability column (at zero).
        var two = Enumerable.Range(0, x.Length).Where(i => y[i] < 2).ToArray();
        model.Fit([.. two.Select(i => x[i])], [.. two.Select(i => y[i])], 3);
        Assert.All(model.PredictProba(x), row => Assert.Equal(0.0, row[2]));
        Assert.Contains("reads 2 features", Assert.Throws<ArgumentException>(() => model.Fit([.. x.Select(r => new[] { r[0], r[1], 0.0 })], y, 3)).Message);
        Assert.Throws<ArgumentException>(() => new QsvmClassifier(options with { Encoding = "nope" }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new QsvmClassifier(options with { Bandwidth = 0 }));
    }

    [Fact]
    public void BandwidthScalesTheFeatures()
    {
        var (x, y) = Iris2();
        var options = new QsvmClassifierOptions { NumQubits = 2, Bandwidth = 0.5, Kernel = QuantumKernelKind.Projected };
        var model = new QsvmClassifier(options);
        model.Fit(x, y, 3);
        var direct = new QSVM(new ProjectedQuantumKernel(new ZZFeatureMap(2, 2))).Fit([.. x.Select(r => r.Select(v => v * 0.5).ToArray())], y);
        Assert.Equal(direct.Predict([.. x.Select(r => r.Select(v => v * 0.5).ToArray())]), model.Predict(x));
    }

    [Fact]
    public void TheNoEntanglementTwinDropsEveryEntanglingGate()
    {
        var zz = new ZZFeatureMap(3, 2);
        var twin = new SeparableEncoding(zz);
        var circuit = twin.ToCircuit();
        Assert.All(circuit.Operations, op => Assert.Equal(1, op.Wires.Length));
        Assert.All(circuit.Operations, op => Assert.All(op.Parameters.ToArray(), p => Assert.True(p.Indices.Length <= 1)));
        Assert.Equal(2 * (3 + 3), circuit.Count); // per rep: H and P(2x_i) on each wire
        Assert.Equal(3, twin.NumFeatures);
        Assert.Equal("separable_zz", twin.Name);
        // A product state: the fidelity kernel factorises into one-qubit kernels.
        double[] a = [0.3, 1.1, 2.0], b = [1.4, 0.2, 2.9];
        double k = new FidelityKernel(twin).Evaluate(a, b);
        double product = 1;
        for (int i = 0; i < 3; i++)
        {
            var one = new CircuitBuilder(1);
            foreach (var op in circuit.Operations.Where(o => o.Wires[0] == i))
                one.Add(op.WithWires([0]).WithParameters([.. op.Parameters.ToArray().Select(p => p.DependsOnFeatures ? ParameterExpression.Feature(0, p.Scale) : p)]));
            var enc = new CircuitEncoding(one.Build());
            product *= new FidelityKernel(enc).Evaluate([a[i]], [b[i]]);
        }
        Assert.Equal(product, k, 12);
        Assert.Equal(new AngleEncoding(2).ToCircuit().Count, new SeparableEncoding(new AngleEncoding(2)).ToCircuit().Count);
        Assert.All(new SeparableEncoding(new IqpEncoding(3, 1)).ToCircuit().Operations, op => Assert.NotEqual(GateKind.MultiRZ, op.Gate));
        Assert.Throws<ArgumentException>(() => new SeparableEncoding(new AmplitudeEncoding(2)));
    }

    /// <summary>A fixed circuit as an encoding, to build the one-qubit factors of the product check.</summary>
    private sealed class CircuitEncoding(Circuit circuit) : IEncoding
    {
        public string Name => "circuit";
        public int NumQubits => circuit.NumQubits;
        public int NumFeatures => circuit.NumFeatures;
        public void AppendTo(CircuitBuilder builder, int featureOffset = 0) => builder.Append(circuit);
        public Circuit ToCircuit() => circuit;
    }

    [Fact]
    public void TheRegistryHasEveryModelWithEqualGrids()
    {
        var registry = BenchmarkModelRegistry.Default;
        Assert.Equal(["logreg", "mlp", "qsvm", "rbf_svm", "vqc", "xgboost"], registry.Names);
        var context = new BenchmarkModelContext(2, "zz", EncodingOptions.Default, QuantumKernelKind.Fidelity, 2, 0);
        foreach (var name in registry.Names)
        {
            var m = registry.Get(name);
            Assert.Equal(BenchmarkModelRegistry.GridSize, m.Grid(context).Count);
            Assert.Equal(BenchmarkModelRegistry.GridSize, m.Grid(context).Distinct().Count());
            Assert.NotNull(m.Default(context).CreateClassifier());
        }
        Assert.Equal(BenchmarkModelRegistry.GridSize, registry.Get("qsvm").Grid(context with { Kernel = QuantumKernelKind.Projected }).Distinct().Count());
        Assert.Same(registry.Get("xgboost"), registry.Get("gradient_boosted_trees"));
        Assert.Same(registry.Get("logreg"), registry.Get("LOGISTIC_REGRESSION"));
        Assert.True(registry.Get("qsvm").IsQuantum);
        Assert.Equal(2, registry.Get("qsvm").InputWidth(context));
        Assert.Null(registry.Get("mlp").InputWidth(context));
        Assert.Contains("known:", Assert.Throws<ArgumentException>(() => registry.Get("qbm")).Message);
        Assert.True(registry.Get("vqc").IsQuantum);
        // The regressor "vqr" is not a classifier: the two namespaces stay apart.
        Assert.Contains("known:", Assert.Throws<ArgumentException>(() => registry.Get("vqr")).Message);
        Assert.Throws<ArgumentException>(() => registry.With(new BadName()));
    }

    private sealed class BadName : IBenchmarkModel
    {
        public string Name => "Not Snake";
        public string DisplayName => "";
        public bool IsQuantum => false;
        public bool SupportsNoEntanglementTwin => false;
        public string Describe(BenchmarkModelContext context) => "";
        public int? InputWidth(BenchmarkModelContext context) => null;
        public Hanzo.Qml.Classical.IClassifierFactory Default(BenchmarkModelContext context) => new RbfSvmOptions();
        public IReadOnlyList<Hanzo.Qml.Classical.IClassifierFactory> Grid(BenchmarkModelContext context) => [];
        public IKernel? Kernel(BenchmarkModelContext context) => null;
    }
}
