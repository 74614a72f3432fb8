using System.Text.Json.Nodes;
using Hanzo.Qml.Encodings;
using Hanzo.Qml.Kernels;
using Hanzo.Qml.Models;
using Hanzo.Qml.Tests.Kernels;
using Hanzo.Qml.Tests.Reference;

namespace Hanzo.Qml.Tests.Svm;

/// <summary>QSVM = SVC on a quantum kernel: scikit-learn's results end to end, and save/load that predicts identically.</summary>
public class QsvmTests
{
    private static (double[][] X, int[] Y, double[][] XTest) Data()
    {
        var k = KernelTestData.Kernels;
        var y = ReferenceJson.Load("svm.json").GetProperty("precomputed_quantum_kernel").GetProperty("y_train").EnumerateArray().Select(v => v.GetInt32()).ToArray();
        return (KernelTestData.Rows(k.GetProperty("X_train")), y, KernelTestData.Rows(k.GetProperty("X_test")));
    }

    [Fact]
    public void IqpQsvmReproducesScikitLearnOnThePrecomputedReference()
    {
        var (x, y, xt) = Data();
        var c = ReferenceJson.Load("svm.json").GetProperty("precomputed_quantum_kernel");
        var model = new QSVM(new FidelityKernel(new IqpEncoding(4, 2))).Fit(x, y);
        Assert.Equal(c.GetProperty("predict_test").EnumerateArray().Select(v => v.GetInt32()), model.Predict(xt));
        var expected = c.GetProperty("decision_function_test").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        var d = model.DecisionFunction(xt);
        for (int i = 0; i < d.Length; i++) Assert.Equal(expected[i], d[i], 1e-3);
        Assert.Equal(1.0, model.Score(x, y));
        Assert.Equal(12, model.SupportVectors.Count);
    }

    public static TheoryData<string> Kernels => new() { "fidelity-iqp", "fidelity-zz-shots", "projected-angle", "fidelity-pauli", "fidelity-amplitude" };

    private static IQuantumKernel KernelFor(string name) => name switch
    {
        "fidelity-iqp" => new FidelityKernel(new IqpEncoding(4, 2)),
        "fidelity-zz-shots" => new FidelityKernel(new ZZFeatureMap(4, 1, Entanglement.Linear), new FidelityKernelOptions { Shots = 500, Seed = 11 }),
        "projected-angle" => new ProjectedQuantumKernel(new AngleEncoding(4, AngleRotation.Y), gammaFactor: 0.5),
        "fidelity-pauli" => new FidelityKernel(new PauliFeatureMap(4, ["X", "ZY"], 1, Entanglement.Circular)),
        "fidelity-amplitude" => new FidelityKernel(new AmplitudeEncoding(2, 4, 0.0)),
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(Kernels))]
    public void ReloadedModelPredictsIdentically(string name)
    {
        var (x, y, xt) = Data();
        if (name == "fidelity-amplitude")
        {
            // Amplitude encoding needs non-zero vectors: shift the features away from the origin.
            x = [.. x.Select(r => r.Select(v => v + 0.1).ToArray())];
            xt = [.. xt.Select(r => r.Select(v => v + 0.1).ToArray())];
        }
        var model = new QSVM(KernelFor(name), new() { C = 2.0 }).Fit(x, y);
        string json = model.ToJson();
        var reloaded = QSVM.FromJson(json);
        Assert.Equal(model.Predict(xt), reloaded.Predict(xt));
        Assert.Equal(model.DecisionFunction(xt), reloaded.DecisionFunction(xt));
        Assert.Equal(model.Classifier.Support, reloaded.Classifier.Support);
        Assert.Equal(model.Kernel.Name, reloaded.Kernel.Name);
        Assert.True(reloaded.Kernel.IsResolved);
        Assert.Equal(json, reloaded.ToJson());

        string path = Path.Combine(Path.GetTempPath(), $"qsvm-{Guid.NewGuid():N}.json");
        try
        {
            model.Save(path);
            Assert.Equal(model.Predict(xt), QSVM.Load(path).Predict(xt));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void JsonIsVersionedAndNamesTheEncoding()
    {
        var (x, y, _) = Data();
        var root = JsonNode.Parse(new QSVM(new FidelityKernel(new IqpEncoding(4, 2))).Fit(x, y).ToJson())!.AsObject();
        Assert.Equal("hanzo-qml.qsvm", root["format"]!.GetValue<string>());
        Assert.Equal(QSVM.FormatVersion, root["version"]!.GetValue<int>());
        Assert.Equal("iqp", root["kernel"]!["encoding"]!["name"]!.GetValue<string>());
        Assert.Equal(2, root["kernel"]!["encoding"]!["reps"]!.GetValue<int>());
    }

    [Fact]
    public void MulticlassQsvmPredictsItsTrainingSet()
    {
        var (x, _, _) = Data();
        int[] y = [.. Enumerable.Range(0, x.Length).Select(i => i % 3)];
        var model = new QSVM(new FidelityKernel(new IqpEncoding(4, 2)), new() { C = 100 }).Fit(x, y);
        Assert.Equal(3, model.Classifier.Classes.Count);
        Assert.Equal(1.0, model.Score(x, y));
        Assert.Equal(model.Predict(x), QSVM.FromJson(model.ToJson()).Predict(x));
    }

    [Fact]
    public void BadFilesAreRefusedWithClearErrors()
    {
        var (x, y, _) = Data();
        var json = new QSVM(new FidelityKernel(new IqpEncoding(4, 2))).Fit(x, y).ToJson();
        var future = JsonNode.Parse(json)!.AsObject();
        future["version"] = QSVM.FormatVersion + 1;
        Assert.Contains("version", Assert.Throws<FormatException>(() => QSVM.FromJson(future.ToJsonString())).Message);
        Assert.Throws<FormatException>(() => QSVM.FromJson("{not json"));
        Assert.Throws<FormatException>(() => QSVM.FromJson("{\"format\": \"something-else\", \"version\": 1}"));
        var broken = JsonNode.Parse(json)!.AsObject();
        broken["support_vectors"]!.AsArray().RemoveAt(0);
        Assert.Throws<FormatException>(() => QSVM.FromJson(broken.ToJsonString()));
        Assert.Throws<InvalidOperationException>(() => new QSVM(new FidelityKernel(new IqpEncoding(4, 2))).Predict(x));
    }
}
