using System.Text.Json;
using Hanzo.Qml.Classical.Svm;
using Hanzo.Qml.Encodings;
using Hanzo.Qml.Kernels;
using Hanzo.Qml.Tests.Kernels;
using Hanzo.Qml.Tests.Reference;

namespace Hanzo.Qml.Tests.Svm;

/// <summary>Our SMO solver against scikit-learn 1.2.1 (LIBSVM) on shared/reference/svm.json and svm_extra.json.</summary>
public class SvmReferenceTests
{
    private static JsonElement Svm => ReferenceJson.Load("svm.json");

    private static int[] Ints(JsonElement e) => e.EnumerateArray().Select(v => v.GetInt32()).ToArray();

    private static double[] Doubles(JsonElement e) => e.EnumerateArray().Select(v => v.GetDouble()).ToArray();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void PrecomputedQuantumKernelMatchesScikitLearn(bool ourKernel)
    {
        var c = Svm.GetProperty("precomputed_quantum_kernel");
        var kernels = KernelTestData.Kernels;
        double[,] kTrain, kTest;
        if (ourKernel)
        {
            var kernel = new FidelityKernel(new IqpEncoding(4, 2));
            var x = KernelTestData.Rows(kernels.GetProperty("X_train"));
            kTrain = kernel.Matrix(x);
            kTest = kernel.Matrix(KernelTestData.Rows(kernels.GetProperty("X_test")), x);
        }
        else
        {
            kTrain = KernelTestData.Matrix(kernels.GetProperty("kernels").GetProperty("IQPEmbedding").GetProperty("K_train"));
            kTest = KernelTestData.Matrix(kernels.GetProperty("kernels").GetProperty("IQPEmbedding").GetProperty("K_test_vs_train"));
        }
        var y = Ints(c.GetProperty("y_train"));
        var svc = new SupportVectorClassifier().Fit(kTrain, y);
        Assert.Equal(Ints(c.GetProperty("classes_")), svc.Classes);
        Assert.Equal(Ints(c.GetProperty("support_")), svc.Support);
        Assert.Equal(Ints(c.GetProperty("n_support_")), svc.SupportCounts);
        var dual = Doubles(c.GetProperty("dual_coef_")[0]);
        var ourDual = svc.DualCoefficients;
        for (int s = 0; s < dual.Length; s++) Assert.Equal(dual[s], ourDual[0, s], 1e-3);
        Assert.Equal(Doubles(c.GetProperty("intercept_"))[0], svc.Intercepts[0], 1e-3);
        AssertClose(Doubles(c.GetProperty("decision_function_train")), svc.DecisionFunction(kTrain), 1e-3);
        AssertClose(Doubles(c.GetProperty("decision_function_test")), svc.DecisionFunction(kTest), 1e-3);
        Assert.Equal(Ints(c.GetProperty("predict_train")), svc.Predict(kTrain));
        Assert.Equal(Ints(c.GetProperty("predict_test")), svc.Predict(kTest));
        Assert.True(svc.Converged);
    }

    [Theory]
    [InlineData("raw_features")]
    [InlineData("standardized_features")]
    public void RbfOnBreastCancerMatchesScikitLearn(string variant)
    {
        var c = Svm.GetProperty("breast_cancer_rbf");
        var x = KernelTestData.Rows(c.GetProperty("X"));
        var y = Ints(c.GetProperty("y"));
        var trainIdx = Ints(c.GetProperty("train_indices"));
        var testIdx = Ints(c.GetProperty("test_indices"));
        var xTrain = trainIdx.Select(i => x[i]).ToArray();
        var xTest = testIdx.Select(i => x[i]).ToArray();
        var yTrain = trainIdx.Select(i => y[i]).ToArray();
        var yTest = testIdx.Select(i => y[i]).ToArray();
        var v = c.GetProperty(variant);
        if (variant == "standardized_features") (xTrain, xTest) = Standardize(xTrain, xTest);
        var kernel = new RbfKernel();   // gamma "scale"
        Assert.Equal(v.GetProperty("gamma_value").GetDouble(), KernelGamma.Scale.Resolve(xTrain), 1e-12 * v.GetProperty("gamma_value").GetDouble() + 1e-15);
        var kTrain = kernel.Matrix(xTrain);
        var kTest = kernel.Matrix(xTest, xTrain);
        var svc = new SupportVectorClassifier().Fit(kTrain, yTrain);
        Assert.Equal(Ints(v.GetProperty("n_support_")), svc.SupportCounts);
        if (v.TryGetProperty("intercept_", out var intercept)) Assert.Equal(Doubles(intercept)[0], svc.Intercepts[0], 1e-3);
        AssertClose(Doubles(v.GetProperty("decision_function_test")), svc.DecisionFunction(kTest), 1e-3);
        Assert.Equal(v.GetProperty("train_accuracy").GetDouble(), svc.Score(kTrain, yTrain), 12);
        Assert.Equal(v.GetProperty("test_accuracy").GetDouble(), svc.Score(kTest, yTest), 12);
    }

    public static TheoryData<int> ClassificationCases => new() { 0, 1, 2 };

    [Theory]
    [MemberData(nameof(ClassificationCases))]
    public void MultiClassAndBinaryMatchScikitLearn(int index)
    {
        var c = ReferenceJson.Load("svm_extra.json").GetProperty("classification")[index];
        var kTrain = KernelTestData.Matrix(c.GetProperty("K_train"));
        var kTest = KernelTestData.Matrix(c.GetProperty("K_test"));
        var options = new SupportVectorClassifierOptions { C = c.GetProperty("params").GetProperty("C").GetDouble() };
        var svc = new SupportVectorClassifier(options).Fit(kTrain, Ints(c.GetProperty("y_train")));
        Assert.Equal(Ints(c.GetProperty("classes_")), svc.Classes);
        Assert.Equal(Ints(c.GetProperty("support_")), svc.Support);
        Assert.Equal(Ints(c.GetProperty("n_support_")), svc.SupportCounts);
        var dual = KernelTestData.Matrix(c.GetProperty("dual_coef_"));
        Assert.True(KernelTestData.MaxAbsDiff(dual, svc.DualCoefficients) < 1e-3);
        AssertClose(Doubles(c.GetProperty("intercept_")), [.. svc.Intercepts], 1e-3);
        var ovo = c.GetProperty("decision_function_ovo_test");
        var ovr = c.GetProperty("decision_function_ovr_test");
        if (svc.Classes.Count > 2)
        {
            Assert.True(KernelTestData.MaxAbsDiff(KernelTestData.Matrix(ovo), svc.DecisionFunctionOvo(kTest)) < 1e-3);
            Assert.True(KernelTestData.MaxAbsDiff(KernelTestData.Matrix(ovr), svc.DecisionFunctionOvr(kTest)) < 1e-3);
        }
        else
        {
            // scikit-learn returns one column for two classes whatever the shape, positive for classes_[1].
            AssertClose(Doubles(ovo), svc.DecisionFunction(kTest), 1e-3);
            AssertClose(Doubles(ovr), svc.DecisionFunction(kTest), 1e-3);
            var raw = svc.DecisionFunctionOvo(kTest);
            for (int i = 0; i < raw.GetLength(0); i++) Assert.Equal(-raw[i, 0], svc.DecisionFunction(kTest)[i]);
        }
        Assert.Equal(Ints(c.GetProperty("predict_test")), svc.Predict(kTest));
        Assert.Equal(Ints(c.GetProperty("predict_train")), svc.Predict(kTrain));
    }

    public static TheoryData<int> RegressionCases => new() { 0, 1 };

    [Theory]
    [MemberData(nameof(RegressionCases))]
    public void EpsilonSvrMatchesScikitLearn(int index)
    {
        var c = ReferenceJson.Load("svm_extra.json").GetProperty("regression")[index];
        var kTrain = KernelTestData.Matrix(c.GetProperty("K_train"));
        var kTest = KernelTestData.Matrix(c.GetProperty("K_test"));
        var p = c.GetProperty("params");
        var options = new SupportVectorRegressorOptions { C = p.GetProperty("C").GetDouble(), Epsilon = p.GetProperty("epsilon").GetDouble() };
        var svr = new SupportVectorRegressor(options).Fit(kTrain, Doubles(c.GetProperty("y_train")));
        Assert.Equal(Ints(c.GetProperty("support_")), svr.Support);
        AssertClose(Doubles(c.GetProperty("dual_coef_")), [.. svr.DualCoefficients], 1e-3);
        Assert.Equal(c.GetProperty("intercept_").GetDouble(), svr.Intercept, 1e-3);
        AssertClose(Doubles(c.GetProperty("predict_test")), svr.Predict(kTest), 1e-3);
        AssertClose(Doubles(c.GetProperty("predict_train")), svr.Predict(kTrain), 1e-3);
        Assert.Equal(c.GetProperty("score_test_vs_sin").GetDouble(), svr.Score(kTest, Doubles(c.GetProperty("y_test_sin"))), 1e-3);
    }

    [Fact]
    public void WithoutShrinkingTheSolutionIsTheSame()
    {
        var c = ReferenceJson.Load("svm_extra.json").GetProperty("classification")[1];
        var kTrain = KernelTestData.Matrix(c.GetProperty("K_train"));
        var kTest = KernelTestData.Matrix(c.GetProperty("K_test"));
        var y = Ints(c.GetProperty("y_train"));
        var a = new SupportVectorClassifier(new() { C = 10, Shrinking = true }).Fit(kTrain, y);
        var b = new SupportVectorClassifier(new() { C = 10, Shrinking = false }).Fit(kTrain, y);
        Assert.Equal(a.Support, b.Support);
        Assert.True(KernelTestData.MaxAbsDiff(a.DecisionFunctionOvo(kTest), b.DecisionFunctionOvo(kTest)) < 1e-3);
    }

    private static (double[][], double[][]) Standardize(double[][] train, double[][] test)
    {
        int f = train[0].Length;
        var mean = new double[f];
        var std = new double[f];
        for (int j = 0; j < f; j++)
        {
            mean[j] = train.Average(r => r[j]);
            std[j] = Math.Sqrt(train.Average(r => (r[j] - mean[j]) * (r[j] - mean[j])));
        }
        double[][] Apply(double[][] rows) => rows.Select(r => r.Select((v, j) => (v - mean[j]) / std[j]).ToArray()).ToArray();
        return (Apply(train), Apply(test));
    }

    private static void AssertClose(double[] expected, double[] actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance, $"[{i}] expected {expected[i]}, got {actual[i]}");
    }
}
