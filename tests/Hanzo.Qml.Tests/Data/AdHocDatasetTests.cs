using System.Numerics;
using Hanzo.Qml.Data;

namespace Hanzo.Qml.Tests.Data;

public class AdHocDatasetTests
{
    /// <summary>|Φ(x)⟩ = D·H·D·H|0⟩ with D = diag(exp(i(Σ xᵢsᵢ + Σ (π−xᵢ)(π−xⱼ)sᵢsⱼ))), sᵢ = ±1 the Z eigenvalue of wire i.</summary>
    private static Complex[] DirectState(double[] x)
    {
        int n = x.Length, dim = 1 << n;
        var phase = new Complex[dim];
        for (int k = 0; k < dim; k++)
        {
            double angle = 0;
            for (int i = 0; i < n; i++)
            {
                double si = ((k >> (n - 1 - i)) & 1) == 0 ? 1 : -1; // wire 0 is the most significant bit
                angle += x[i] * si;
                for (int j = i + 1; j < n; j++)
                {
                    double sj = ((k >> (n - 1 - j)) & 1) == 0 ? 1 : -1;
                    angle += (Math.PI - x[i]) * (Math.PI - x[j]) * si * sj;
                }
            }
            phase[k] = Complex.FromPolarCoordinates(1, angle);
        }
        var psi = new Complex[dim];
        psi[0] = 1;
        for (int rep = 0; rep < 2; rep++)
        {
            psi = HadamardAll(psi, n);
            for (int k = 0; k < dim; k++) psi[k] *= phase[k];
        }
        return psi;
    }

    private static Complex[] HadamardAll(Complex[] psi, int n)
    {
        int dim = psi.Length;
        var result = new Complex[dim];
        for (int r = 0; r < dim; r++)
            for (int c = 0; c < dim; c++)
                result[r] += (System.Numerics.BitOperations.PopCount((uint)(r & c)) % 2 == 0 ? 1 : -1) * psi[c];
        double norm = Math.Pow(2, -n / 2.0);
        for (int r = 0; r < dim; r++) result[r] *= norm;
        return result;
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void GateConstructionEqualsTheDiagonalDefinition(int n)
    {
        var gen = new AdHocDataset(new AdHocOptions { NumFeatures = n });
        var rng = new SeededRandom(n);
        for (int trial = 0; trial < 5; trial++)
        {
            var x = Enumerable.Range(0, n).Select(_ => rng.NextDouble(0, 2 * Math.PI)).ToArray();
            var expected = DirectState(x);
            var actual = gen.State(x);
            for (int k = 0; k < expected.Length; k++)
            {
                Assert.Equal(expected[k].Real, actual[k].Real, 12);
                Assert.Equal(expected[k].Imaginary, actual[k].Imaginary, 12);
            }
        }
    }

    [Theory]
    [InlineData(2, AdHocSampling.Auto, AdHocObservable.RandomRotatedParity)]
    [InlineData(3, AdHocSampling.Grid, AdHocObservable.RandomRotatedParity)]
    [InlineData(4, AdHocSampling.Auto, AdHocObservable.RandomRotatedParity)]
    [InlineData(5, AdHocSampling.Uniform, AdHocObservable.Parity)]
    public void PointsAreDistinctDisjointAndLabelledByTheObservable(int n, AdHocSampling sampling, AdHocObservable observable)
    {
        var options = new AdHocOptions { NumFeatures = n, TrainSizePerClass = 20, TestSizePerClass = 10, Gap = 0.3, Seed = 7, Sampling = sampling, Observable = observable };
        var gen = new AdHocDataset(options);
        var split = gen.Generate();
        Assert.Equal([20, 20], split.Train.ClassCounts());
        Assert.Equal([10, 10], split.Test.ClassCounts());
        Assert.Equal(["-1", "+1"], split.Train.ClassNames);

        var all = split.Train.ToJaggedArray().Concat(split.Test.ToJaggedArray()).ToList();
        var keys = all.Select(r => string.Join(",", r.Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture)))).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count()); // no duplicates, so train and test are disjoint

        foreach (var (data, expectations) in new[] { (split.Train, split.TrainExpectations), (split.Test, split.TestExpectations) })
            for (int i = 0; i < data.NumSamples; i++)
            {
                var x = data.Row(i).ToArray();
                Assert.All(x, v => Assert.InRange(v, 0, 2 * Math.PI));
                double e = gen.Expectation(x);
                Assert.Equal(expectations[i], e, 12);
                Assert.True(Math.Abs(e) > options.Gap);
                Assert.Equal(e > 0 ? 1 : 0, data.ClassIndices[i]);
            }
    }

    [Fact]
    public void GenerationIsSeeded()
    {
        var a = AdHocDataset.Generate(new AdHocOptions { Seed = 3 });
        var b = AdHocDataset.Generate(new AdHocOptions { Seed = 3 });
        var c = AdHocDataset.Generate(new AdHocOptions { Seed = 4 });
        Assert.Equal(a.Train.FeatureData.ToArray(), b.Train.FeatureData.ToArray());
        Assert.Equal(a.Test.ClassIndexArray(), b.Test.ClassIndexArray());
        Assert.NotEqual(a.Train.FeatureData.ToArray(), c.Train.FeatureData.ToArray());
    }

    [Fact]
    public void FidelityKernelSeparatesTheClasses()
    {
        // The data is built to be learnable in the feature map's Hilbert space. A kernel nearest-centroid classifier
        // (score = mean fidelity to the +1 training states − mean fidelity to the −1 ones) should beat chance by far.
        var gen = new AdHocDataset(new AdHocOptions { NumFeatures = 2, TrainSizePerClass = 40, TestSizePerClass = 20, Gap = 0.3, Seed = 1 });
        var split = gen.Generate();
        var trainStates = split.Train.ToJaggedArray().Select(x => gen.State(x)).ToArray();
        var trainLabels = split.Train.ClassIndexArray();
        int correct = 0;
        for (int i = 0; i < split.Test.NumSamples; i++)
        {
            var s = gen.State(split.Test.Row(i));
            double plus = 0, minus = 0;
            for (int t = 0; t < trainStates.Length; t++)
            {
                Complex overlap = Complex.Zero;
                for (int k = 0; k < s.Length; k++) overlap += Complex.Conjugate(trainStates[t][k]) * s[k];
                double fidelity = overlap.Magnitude * overlap.Magnitude;
                if (trainLabels[t] == 1) plus += fidelity; else minus += fidelity;
            }
            int predicted = plus / 40 > minus / 40 ? 1 : 0;
            if (predicted == split.Test.ClassIndices[i]) correct++;
        }
        Assert.True(correct >= 0.9 * split.Test.NumSamples, $"kernel nearest-centroid accuracy {correct}/{split.Test.NumSamples}");
    }

    [Fact]
    public void ImpossibleRequestsAreClearErrors()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new AdHocDataset(new AdHocOptions { NumFeatures = 1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AdHocDataset(new AdHocOptions { NumFeatures = 9 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AdHocDataset(new AdHocOptions { NumFeatures = 17, Observable = AdHocObservable.Parity }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AdHocDataset(new AdHocOptions { Gap = 1.0 }));
        var e = Assert.Throws<InvalidOperationException>(() => AdHocDataset.Generate(new AdHocOptions { NumFeatures = 2, GridPointsPerAxis = 5, TrainSizePerClass = 20 }));
        Assert.Contains("grid points", e.Message);
        // At 6 qubits |⟨O⟩| is typically ~0.12: a 0.6 gap rejects nearly everything, and that is reported quickly.
        var far = Assert.Throws<InvalidOperationException>(() => AdHocDataset.Generate(new AdHocOptions { NumFeatures = 6, Gap = 0.6 }));
        Assert.Contains("typical |⟨O⟩| at 6 qubits", far.Message);
    }
}
