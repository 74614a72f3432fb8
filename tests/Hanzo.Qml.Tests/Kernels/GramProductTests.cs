using System.Numerics;
using Hanzo.Qml.Kernels;
using Hanzo.Qml.Simulation;

namespace Hanzo.Qml.Tests.Kernels;

/// <summary>The blocked, tiled Gram product equals naive pairwise overlaps, across tile and panel boundaries.</summary>
public class GramProductTests
{
    private static StateMatrix Pack(Complex[][] states, int qubits)
    {
        var psi = StateMatrix.Allocate(states.Length, qubits, 0, SimulatorOptions.Default);
        var vectors = states.Select(s => StateVector.FromAmplitudes(s)).ToArray();
        try
        {
            for (int g = 0; g * StateMatrix.GroupSize < states.Length; g++)
            {
                int first = g * StateMatrix.GroupSize, count = Math.Min(StateMatrix.GroupSize, states.Length - first);
                psi.StoreGroup(g, vectors[first..(first + count)], count);
            }
        }
        finally
        {
            foreach (var v in vectors) v.Dispose();
        }
        return psi;
    }

    public static TheoryData<int, int, int, int> Cases
    {
        get
        {
            var data = new TheoryData<int, int, int, int>();
            foreach (var (count, qubits) in new[] { (1, 1), (3, 2), (8, 3), (9, 3), (16, 4), (17, 5), (31, 2), (33, 6), (50, 4) })
                foreach (var (tile, panel) in new[] { (16, 1), (16, 3), (32, 8), (64, 64) })
                    data.Add(count, qubits, tile, panel);
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void SymmetricProductEqualsNaiveOverlaps(int count, int qubits, int tile, int panel)
    {
        var states = KernelTestData.RandomStates(count, qubits, seed: count * 31 + qubits);
        using var psi = Pack(states, qubits);
        for (int i = 0; i < count; i++)
            for (long d = 0; d < 1L << qubits; d++) Assert.Equal(states[i][d], psi.Amplitude(i, d));
        var k = new double[count, count];
        GramProduct.Symmetric(psi, k, null, default, new GramProduct.Blocking(tile, panel));
        for (int i = 0; i < count; i++)
            for (int j = 0; j < count; j++)
                Assert.True(Math.Abs(KernelTestData.NaiveFidelity(states[i], states[j]) - k[i, j]) < 1e-12, $"[{i},{j}]");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void CrossProductEqualsNaiveOverlaps(int count, int qubits, int tile, int panel)
    {
        var a = KernelTestData.RandomStates(count, qubits, seed: count);
        var b = KernelTestData.RandomStates(count / 2 + 5, qubits, seed: -count);
        using var pa = Pack(a, qubits);
        using var pb = Pack(b, qubits);
        var k = new double[a.Length, b.Length];
        GramProduct.Cross(pa, pb, k, null, default, new GramProduct.Blocking(tile, panel));
        for (int i = 0; i < a.Length; i++)
            for (int j = 0; j < b.Length; j++)
                Assert.True(Math.Abs(KernelTestData.NaiveFidelity(a[i], b[j]) - k[i, j]) < 1e-12, $"[{i},{j}]");
    }

    [Fact]
    public void TilesAreReportedAndCancellationStopsTheProduct()
    {
        var states = KernelTestData.RandomStates(40, 3, seed: 5);
        using var psi = Pack(states, 3);
        int tiles = 0;
        GramProduct.Symmetric(psi, new double[40, 40], () => Interlocked.Increment(ref tiles), default, new GramProduct.Blocking(16, 4));
        Assert.Equal(6, tiles);   // 3 tile rows → upper triangle of 3×3
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => GramProduct.Symmetric(psi, new double[40, 40], null, cts.Token));
    }
}
