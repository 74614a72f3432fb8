using Hanzo.Qml.Benchmark;
using Hanzo.Qml.Classical;
using Hanzo.Qml.Classical.Svm;
using Hanzo.Qml.Data;
using Hanzo.Qml.Kernels;
using Xunit.Abstractions;

namespace Hanzo.Qml.Tests.Benchmark;

/// <summary>The whole runner on problems whose answer is known: a null problem (no advantage) and the ad hoc data (a real one).</summary>
public class RunnerNullAndAdHocTests(ITestOutputHelper output)
{
    /// <summary>
    /// "A classical model in quantum clothing": the RBF-SVM fitted on a seeded 80 % of each training fold, in the
    /// quantum slot and, with another seed, as the only baseline. Identical in distribution, so every advantage is false.
    /// </summary>
    private sealed class SubsampledRbfSvm(string name, long seed, bool quantum) : IBenchmarkModel
    {
        public string Name => name;
        public string DisplayName => name;
        public bool IsQuantum => quantum;
        public bool SupportsNoEntanglementTwin => false;
        public string Describe(BenchmarkModelContext context) => "RBF-SVM on a seeded 80 % subsample";
        public int? InputWidth(BenchmarkModelContext context) => null;
        public IClassifierFactory Default(BenchmarkModelContext context) => new Factory(seed);
        public IReadOnlyList<IClassifierFactory> Grid(BenchmarkModelContext context) => [.. Enumerable.Repeat<IClassifierFactory>(new Factory(seed), BenchmarkModelRegistry.GridSize)];
        public IKernel? Kernel(BenchmarkModelContext context) => null;

        private sealed record Factory(long Seed) : IClassifierFactory
        {
            public IClassifier CreateClassifier() => new Model(Seed);
        }

        private sealed class Model(long seed) : IClassifier
        {
            private readonly RbfSvmClassifier _svm = new();
            public string Name => "subsampled_rbf_svm";
            public int NumClasses => _svm.NumClasses;

            public void Fit(IReadOnlyList<double[]> x, IReadOnlyList<int> y, int numClasses)
            {
                // A subsample that keeps both classes: stratified by construction (the runner's folds are balanced).
                var fold = CrossValidation.StratifiedTrainTestSplit(y, 0.2, SeededRandom.Derive(seed, x.Count * 7919L + (long)(x[0][0] * 1e6)));
                _svm.Fit([.. fold.Train.Select(i => x[i])], [.. fold.Train.Select(i => y[i])], numClasses);
            }

            public int[] Predict(IReadOnlyList<double[]> x) => _svm.Predict(x);
            public double[][] PredictProba(IReadOnlyList<double[]> x) => _svm.PredictProba(x);
        }
    }

    [Fact]
    public void TheRunnerRarelyClaimsAnAdvantageOnANullProblem()
    {
        var registry = BenchmarkModelRegistry.Default
            .With(new SubsampledRbfSvm("clothed_rbf_svm", 1, quantum: true))
            .With(new SubsampledRbfSvm("plain_rbf_svm", 2, quantum: false));
        const int runs = 100; // ≈ 2.5 s: the full runner, 25 splits each
        int advantages = 0;
        for (int seed = 0; seed < runs; seed++)
        {
            var (x, y) = NullProblemTests.Blobs(1000 + seed, 60);
            var options = new BenchmarkOptions
            {
                Dataset = Dataset.ForClassification($"blobs_{seed}", x, y),
                QuantumModel = "clothed_rbf_svm",
                Baselines = ["plain_rbf_svm"],
                Seed = seed,
                ComputeGeometricDifference = false,
            };
            var report = BenchmarkRunner.Run(options, registry);
            if (report.QuantumAdvantage) advantages++;
            Assert.Equal("plain_rbf_svm", report.BestClassical);
        }
        output.WriteLine($"{advantages}/{runs} false advantages");
        Assert.True(advantages <= 0.05 * runs, $"{advantages}/{runs} false quantum advantages on a null problem");
    }

    [Fact]
    public void OnTheAdHocDataTheZzQsvmClearlyBeatsTheRbfSvm()
    {
        // Havlíček et al.'s data is built to be learnable by the ZZ-feature-map kernel; its features are already angles.
        var split = AdHocDataset.Generate(new AdHocOptions { NumFeatures = 2, Gap = 0.3, TrainSizePerClass = 30, TestSizePerClass = 10, Seed = 3 });
        var options = new BenchmarkOptions
        {
            Dataset = split.Train,
            TestDataset = split.Test,
            NumQubits = 2,
            Encoding = "zz",
            Preprocessing = PreprocessingOptions.None,
            Baselines = ["rbf_svm", "logreg"],
            Seed = 11,
        };
        var r = BenchmarkRunner.Run(options);
        double qsvm = r.Model("qsvm").Accuracy.Mean, rbf = r.Model("rbf_svm").Accuracy.Mean;
        output.WriteLine($"qsvm {qsvm:0.000}, rbf_svm {rbf:0.000}, p = {r.Significance.PValue:g3}; held-out {r.HeldOut!.Models["qsvm"].Accuracy:0.000} vs {r.HeldOut.Models["rbf_svm"].Accuracy:0.000}");
        Assert.True(qsvm > 0.9, $"QSVM accuracy {qsvm}");
        Assert.True(qsvm - rbf > 0.25, $"QSVM {qsvm} vs RBF-SVM {rbf}");
        Assert.True(r.QuantumAdvantage);
        Assert.True(r.HeldOut.Models["qsvm"].Accuracy >= r.HeldOut.Models["rbf_svm"].Accuracy + 0.15);
        // Beside the claim: the twin was run on the same splits, and the geometric difference was computed.
        Assert.NotNull(r.NoEntanglementTwin);
        Assert.Equal(r.Splits.Count, r.NoEntanglementTwin!.Twin.Splits.Count);
        Assert.True(r.NoEntanglementTwin.EntanglementMatters, r.NoEntanglementTwin.Summary);
        Assert.NotNull(r.GeometricDifference);
        Assert.Equal(3, r.RocCurves.Count); // binary: one out-of-fold ROC curve per model
    }
}
