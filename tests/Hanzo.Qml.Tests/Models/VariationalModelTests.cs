using Hanzo.Qml.Circuits;
using Hanzo.Qml.Data;
using Hanzo.Qml.Gradients;
using Hanzo.Qml.Models;
using Hanzo.Qml.Simulation;
using Hanzo.Qml.Tests.Gradients;

namespace Hanzo.Qml.Tests.Models;

public class VariationalModelTests
{
    // Loss = Σ_k c_k ⟨Z_k⟩ with c = 1 for the observable's wire: its gradient is the observable's gradient itself.
    [Theory]
    [MemberData(nameof(ReferenceGradientTests.Cases), MemberType = typeof(ReferenceGradientTests))]
    public void EngineReproducesPennyLaneGradientsThroughTheLossPath(int index)
    {
        var c = ReferenceData.Load("gradients.json").GetProperty("cases")[index];
        string obs = c.GetProperty("observable").GetString()!;
        if (obs != "Z0") return; // the co-state path covers sums of single-wire Z readouts
        var circuit = ReferenceGradientTests.ReferenceCircuit();
        var x = ReferenceData.Doubles(c.GetProperty("features"));
        var w = ReferenceData.Flatten(c.GetProperty("weights"));
        var expectedW = ReferenceData.Flatten(c.GetProperty("grad_weights_adjoint"));
        var expectedX = ReferenceData.Doubles(c.GetProperty("grad_features_backprop"));
        using var engine = new CircuitEngine(circuit, [0]);
        Assert.True(engine.IsFast);
        foreach (var method in new[] { GradientMethod.Adjoint, GradientMethod.ParameterShift })
        {
            var loss = new double[1];
            var dW = new[] { new double[w.Length] };
            var dX = new[] { new double[x.Length] };
            engine.LossAndGradient(w, [x], [0], (j, r, d) => { d[0] = 1; return r[0]; }, method, loss, dW, dX);
            Assert.Equal(c.GetProperty("expval").GetDouble(), loss[0], 1e-10);
            for (int i = 0; i < w.Length; i++) Assert.True(Math.Abs(dW[0][i] - expectedW[i]) < 1e-10, $"{method} dw[{i}] {dW[0][i]} vs {expectedW[i]}");
            for (int i = 0; i < x.Length; i++) Assert.True(Math.Abs(dX[0][i] - expectedX[i]) < 1e-10, $"{method} dx[{i}] {dX[0][i]} vs {expectedX[i]}");
        }
    }

    [Fact]
    public void MseLossGradientMatchesTheChainRuleOnTheReference()
    {
        // L = (⟨Z0⟩ − y)², dL/dw = 2(⟨Z0⟩ − y)·d⟨Z0⟩/dw.
        var c = ReferenceData.Load("gradients.json").GetProperty("cases")[0];
        var circuit = ReferenceGradientTests.ReferenceCircuit();
        var x = ReferenceData.Doubles(c.GetProperty("features"));
        var w = ReferenceData.Flatten(c.GetProperty("weights"));
        var g = ReferenceData.Flatten(c.GetProperty("grad_weights_adjoint"));
        double e = c.GetProperty("expval").GetDouble();
        const double y = 1;
        using var engine = new CircuitEngine(circuit, [0]);
        var loss = new double[1];
        var dW = new[] { new double[w.Length] };
        engine.LossAndGradient(w, [x], [0], (j, r, d) => { d[0] = 2 * (r[0] - y); return (r[0] - y) * (r[0] - y); }, GradientMethod.Adjoint, loss, dW, null);
        Assert.Equal((e - y) * (e - y), loss[0], 1e-10);
        for (int i = 0; i < w.Length; i++) Assert.Equal(2 * (e - y) * g[i], dW[0][i], 1e-10);
    }

    [Fact]
    public void MultiReadoutCoStateMatchesGenericAdjoint()
    {
        var circuit = ReferenceGradientTests.ReferenceCircuit();
        var rng = new SeededRandom(5);
        var w = Enumerable.Range(0, circuit.NumWeights).Select(_ => rng.NextDouble(0, 6)).ToArray();
        var x = Enumerable.Range(0, 4).Select(_ => rng.NextDouble(0, 3)).ToArray();
        double[] coef = [0.3, -1.2, 0.7];
        using var engine = new CircuitEngine(circuit, [0, 1, 2]);
        var loss = new double[1];
        var dW = new[] { new double[w.Length] };
        engine.LossAndGradient(w, [x], [0], (j, r, d) => { coef.CopyTo(d); return 0; }, GradientMethod.Adjoint, loss, dW, null);
        var h = new Hamiltonian(coef.Select((v, k) => PauliString.Z(k).WithCoefficient(v)));
        var expected = new AdjointDifferentiator().Compute(circuit, h, w, x).WeightGradient;
        for (int i = 0; i < w.Length; i++) Assert.Equal(expected[i], dW[0][i], 1e-10);
    }

    public static IEnumerable<object[]> ModelKinds() =>
    [
        ["binary", false], ["multiclass", false], ["regression", false], ["binary", true], ["multiclass", true], ["regression", true],
    ];

    [Theory]
    [MemberData(nameof(ModelKinds))]
    public void FullModelGradientMatchesFiniteDifferences(string kind, bool hybrid)
    {
        var rng = new SeededRandom(11);
        var x = Enumerable.Range(0, 12).Select(_ => Enumerable.Range(0, 5).Select(_ => rng.NextDouble(-1, 1)).ToArray()).ToArray();
        var options = new VariationalModelOptions
        {
            NumQubits = 3, NumLayers = 2, Epochs = 1, BatchSize = 4, InitialWeightScale = 1, Seed = 3,
            HybridHiddenLayers = hybrid ? [4] : null,
        };
        VariationalModel model = kind == "regression"
            ? new VariationalRegressor(options).Fit(x, x.Select(r => r[0] + r[1]).ToArray())
            : new VariationalClassifier(options).Fit(x, x.Select((r, i) => kind == "binary" ? i % 2 : i % 3).ToArray(), kind == "binary" ? 2 : 3);
        var xp = model.Preprocessor!.Transform(x);
        var theta = model.Theta.ToArray();
        int[] batch = [1, 4, 7, 10];
        foreach (var method in new[] { GradientMethod.Adjoint, GradientMethod.ParameterShift })
        {
            var grad = new double[theta.Length];
            model.BatchLossAndGradient(theta, xp, batch, grad, method);
            for (int i = 0; i < theta.Length; i++)
            {
                const double h = 1e-5;
                var p = (double[])theta.Clone(); p[i] += h;
                var m = (double[])theta.Clone(); m[i] -= h;
                double fd = (model.BatchLoss(p, xp, batch) - model.BatchLoss(m, xp, batch)) / (2 * h);
                Assert.True(Math.Abs(fd - grad[i]) < 1e-6, $"{kind} hybrid={hybrid} {method}: θ[{i}] analytic {grad[i]} vs FD {fd}");
            }
        }
    }

    private static (Dataset Train, Dataset Test) IrisSplit()
    {
        var iris = BuiltInDatasets.Load("iris");
        var split = CrossValidation.StratifiedTrainTestSplit(iris.ClassIndexArray(), 0.3, 7);
        return (iris.Subset(split.Train), iris.Subset(split.Test));
    }

    private static readonly VariationalModelOptions IrisOptions = new()
    {
        NumQubits = 4, NumLayers = 2, Epochs = 30, BatchSize = 8, LearningRate = 0.1, Seed = 1,
    };

    [Fact]
    public void VqcReachesNinetyPercentOnIris()
    {
        var (train, test) = IrisSplit();
        var model = new VariationalClassifier(IrisOptions).Fit(train);
        double acc = model.Score(test);
        Assert.True(acc >= 0.9, $"test accuracy {acc}");
        Assert.Equal(IrisOptions.Epochs, model.History.Count);
    }

    [Fact]
    public void TrainingIsRepeatableToTheBitAndReloadPredictsIdentically()
    {
        var (train, test) = IrisSplit();
        var o = IrisOptions with { Epochs = 3 };
        var a = new VariationalClassifier(o).Fit(train);
        var b = new VariationalClassifier(o).Fit(train);
        Assert.Equal(a.Parameters, b.Parameters);
        string path = Path.Combine(Path.GetTempPath(), $"vqc-{Guid.NewGuid():N}.json");
        try
        {
            a.Save(path);
            var c = VariationalClassifier.Load(path);
            Assert.Equal(a.Parameters, c.Parameters);
            var x = test.ToJaggedArray();
            var pa = a.PredictProba(x);
            var pc = c.PredictProba(x);
            for (int i = 0; i < pa.Length; i++) Assert.Equal(pa[i], pc[i]);
            Assert.Equal(a.PredictLabels(x), c.PredictLabels(x));
            Assert.Equal(a.History, c.History);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void VqcLearnsTheAdHocDataset()
    {
        var data = AdHocDataset.Generate(new AdHocOptions { NumFeatures = 2, TrainSizePerClass = 40, TestSizePerClass = 20, Seed = 2 });
        var model = new VariationalClassifier(new VariationalModelOptions
        {
            NumQubits = 2, NumLayers = 3, Encoding = "zz", Epochs = 40, BatchSize = 8, LearningRate = 0.1, Seed = 2,
            Preprocessing = PreprocessingOptions.None, InitialWeightScale = 1,
        }).Fit(data.Train);
        Assert.True(model.Score(data.Test) >= 0.8, $"ad hoc test accuracy {model.Score(data.Test)}");
    }

    [Fact]
    public void VqrFitsASine()
    {
        var x = Enumerable.Range(0, 60).Select(i => new[] { -Math.PI + 2 * Math.PI * i / 59 }).ToArray();
        var y = x.Select(r => Math.Sin(r[0])).ToArray();
        var model = new VariationalRegressor(new VariationalModelOptions
        {
            NumQubits = 1, NumLayers = 2, Epochs = 40, BatchSize = 10, LearningRate = 0.1, Seed = 4, InitialWeightScale = 1,
            Preprocessing = new PreprocessingOptions { Standardize = false, AngleMin = -Math.PI, AngleMax = Math.PI },
        }).Fit(x, y);
        double r2 = model.Score(x, y);
        Assert.True(r2 >= 0.95, $"R² {r2}");
        var again = new VariationalRegressor(model.Options).Fit(x, y);
        Assert.Equal(model.Parameters, again.Parameters);
        var reloaded = VariationalRegressor.FromJson(model.ToJson());
        Assert.Equal(model.Predict(x), reloaded.Predict(x));
    }

    [Theory]
    [InlineData(VariationalOptimizer.Sgd)]
    [InlineData(VariationalOptimizer.Spsa)]
    [InlineData(VariationalOptimizer.Qng)]
    public void OtherOptimisersTrainAndAreRepeatable(VariationalOptimizer optimizer)
    {
        var (train, _) = IrisSplit();
        var o = IrisOptions with { Optimizer = optimizer, Epochs = 2, LearningRate = 0.05 };
        var a = new VariationalClassifier(o).Fit(train);
        var b = new VariationalClassifier(o).Fit(train);
        Assert.Equal(a.Parameters, b.Parameters);
        Assert.All(a.History, h => Assert.True(double.IsFinite(h.Loss)));
    }

    [Fact]
    public void EarlyStoppingAndLayerwiseTrainingRun()
    {
        var (train, test) = IrisSplit();
        var o = IrisOptions with { Epochs = 12, EarlyStopping = new EarlyStoppingOptions(0.2, 3), LayerwiseTraining = true };
        var model = new VariationalClassifier(o).Fit(train);
        Assert.All(model.History, h => Assert.NotNull(h.ValidationMetric));
        Assert.InRange(model.Score(test), 0.0, 1.0);
    }

    [Fact]
    public void BadInputIsRefusedClearly()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new VariationalClassifier(new VariationalModelOptions { NumLayers = 0 }));
        var m = new VariationalClassifier(new VariationalModelOptions { NumQubits = 2 });
        var x = new[] { new[] { 0.1, 0.2 }, new[] { 0.3, 0.4 }, new[] { 0.5, 0.6 } };
        Assert.Throws<ArgumentException>(() => m.Fit(x, [0, 1, 2], 3));
        Assert.Throws<InvalidOperationException>(() => m.Predict(x));
        Assert.Throws<FormatException>(() => VariationalClassifier.FromJson("{\"format\":\"hanzo-qml.vqr\",\"version\":1}"));
    }

    [Fact]
    public void QngBlocksEqualTheFubiniStudyMetricComputedDirectly()
    {
        var b = new CircuitBuilder(2);
        b.RX(0, ParameterExpression.Feature(0)).RX(1, ParameterExpression.Feature(1));
        b.RY(0, ParameterExpression.Weight(0)).RY(1, ParameterExpression.Weight(1)).CNOT(0, 1);
        b.RX(0, ParameterExpression.Weight(2)).RZ(1, ParameterExpression.Weight(3)).CNOT(1, 0);
        b.Rot(0, ParameterExpression.Weight(4), ParameterExpression.Weight(5), ParameterExpression.Weight(6));
        var circuit = b.Build();
        double[] w = [0.3, -0.8, 1.1, 0.4, 0.9, -0.2, 0.6];
        double[] x = [0.5, 1.3];
        var blocks = QuantumNaturalGradient.BlockDiagonalMetric(circuit, w, x);
        var sim = new StatevectorSimulator();
        System.Numerics.Complex[] State(double[] ww) { using var s = sim.Run(circuit, ww, x); return s.ToArray(); }
        var psi = State(w);
        System.Numerics.Complex[] D(int i)
        {
            const double h = 1e-5;
            var p = (double[])w.Clone(); p[i] += h;
            var m = (double[])w.Clone(); m[i] -= h;
            var a = State(p); var c = State(m);
            return [.. a.Select((v, k) => (v - c[k]) / (2 * h))];
        }
        System.Numerics.Complex Dot(System.Numerics.Complex[] a, System.Numerics.Complex[] c) => a.Select((v, k) => System.Numerics.Complex.Conjugate(v) * c[k]).Aggregate(System.Numerics.Complex.Zero, (s, v) => s + v);
        Assert.Equal(5, blocks.Count); // [w0 w1] [w2 w3] [w4] [w5] [w6]
        foreach (var block in blocks)
            for (int i = 0; i < block.Weights.Length; i++)
                for (int j = 0; j < block.Weights.Length; j++)
                {
                    var di = D(block.Weights[i]); var dj = D(block.Weights[j]);
                    double fs = (Dot(di, dj) - Dot(di, psi) * Dot(psi, dj)).Real;
                    Assert.True(Math.Abs(fs - block.Metric[i, j]) < 1e-6, $"g[{block.Weights[i]},{block.Weights[j]}] {block.Metric[i, j]} vs {fs}");
                }
    }
}

public class VariationalModelLoadErrorTests
{
    [Fact]
    public void TruncatedOrNulledFilesGiveFormatErrorsNamingTheProblem()
    {
        var data = Hanzo.Qml.Data.BuiltInDatasets.Load("iris");
        var model = new Hanzo.Qml.Models.VariationalClassifier(new Hanzo.Qml.Models.VariationalModelOptions { NumQubits = 4, NumLayers = 1, Epochs = 1 }).Fit(data);
        var json = System.Text.Json.Nodes.JsonNode.Parse(model.ToJson())!.AsObject();
        json.Remove("parameters");
        var missing = Assert.Throws<FormatException>(() => Hanzo.Qml.Models.VariationalClassifier.FromJson(json.ToJsonString()));
        Assert.Contains("parameters", missing.Message);
        var nulled = System.Text.Json.Nodes.JsonNode.Parse(model.ToJson())!.AsObject();
        nulled["class_names"]!.AsArray()[0] = null;
        Assert.Throws<FormatException>(() => Hanzo.Qml.Models.VariationalClassifier.FromJson(nulled.ToJsonString()));
    }
}
