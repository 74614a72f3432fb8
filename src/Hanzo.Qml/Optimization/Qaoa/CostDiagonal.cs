using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Hanzo.Qml.Optimization.Problems;
using Hanzo.Qml.Simulation.Kernels;

namespace Hanzo.Qml.Optimization.Qaoa;

/// <summary>
/// The cost Hamiltonian's 2ⁿ diagonal values, computed once per problem, in the form the kernels read fastest.
/// When every value lies on a grid min + k·u with at most 65 536 points — true for MaxCut and for any problem with
/// integer (or common-unit) coefficients, since flipping one spin changes the cost by a multiple of 2·gcd(h, J) — each
/// amplitude stores its level k in 2 bytes and a cost layer looks its phase up in a table of e^{−iγv}; otherwise the
/// 8-byte values are kept and phases computed with vectorised sine and cosine. Arrays are pinned so kernels can hold
/// pointers into them.
/// </summary>
internal sealed unsafe class CostDiagonal
{
    private const int MaxLevels = 1 << 16;

    private readonly ushort[]? _levels;
    private readonly double[] _values;

    public CostDiagonal(IsingHamiltonian cost)
    {
        int n = cost.NumSpins;
        NumQubits = n;
        var raw = GC.AllocateUninitializedArray<double>(1 << n, pinned: true);
        cost.FillDiagonal(raw);
        var min = IsingHamiltonian.MinimumOf(raw, 64);
        Minimum = min;
        double max = double.NegativeInfinity;
        foreach (double v in raw) max = Math.Max(max, v);
        Maximum = max;
        double unit = 2 * CoefficientUnit(cost);
        if (unit > 0 && (max - min.Value) / unit < MaxLevels - 1 && TryLevels(raw, min.Value, unit, out var levels))
        {
            _levels = levels;
            int count = (int)Math.Round((max - min.Value) / unit) + 1;
            _values = GC.AllocateUninitializedArray<double>(count, pinned: true);
            for (int k = 0; k < count; k++) _values[k] = min.Value + k * unit;
        }
        else
        {
            _values = raw;
        }
    }

    public int NumQubits { get; }

    /// <summary>The exact minimum with its first minimising indices.</summary>
    public IsingMinimum Minimum { get; }

    /// <summary>The largest value.</summary>
    public double Maximum { get; }

    /// <summary>True when values are stored as levels into a table.</summary>
    public bool UsesLevels => _levels is not null;

    /// <summary>Number of distinct levels (0 for raw values).</summary>
    public int LevelCount => _levels is null ? 0 : _values.Length;

    /// <summary>The value at basis index <paramref name="index"/>.</summary>
    public double this[long index] => _levels is null ? _values[index] : _values[_levels[index]];

    /// <summary>The kernel view (valid while this object is alive: the arrays are pinned).</summary>
    public DiagonalSource Source => new()
    {
        Levels = _levels is null ? null : (ushort*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(_levels)),
        Values = (double*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(_values)),
    };

    /// <summary>Fills a phase for e^{−iγD}; <paramref name="table"/> needs 4·<see cref="LevelCount"/> doubles.</summary>
    public DiagonalPhaseKernel.Phase Phase(double gamma, double* table)
    {
        var src = Source;
        if (_levels is not null) DiagonalPhaseKernel.FillTable(src.Values, _values.Length, gamma, table);
        return new DiagonalPhaseKernel.Phase { Source = src, Table = table, Angle = gamma };
    }

    /// <summary>
    /// The largest u with every hᵢ and J_ij an integer multiple of u (Euclid's algorithm on floating-point values, with
    /// remainders below 1e-9 of the largest coefficient counted as zero); 0 when there are no terms or no such u.
    /// </summary>
    private static double CoefficientUnit(IsingHamiltonian cost)
    {
        var coefficients = cost.Fields.Where(h => h != 0).Select(Math.Abs).Concat(cost.Couplings.Select(c => Math.Abs(c.Value))).ToArray();
        if (coefficients.Length == 0) return 0;
        double scale = coefficients.Max();
        double tolerance = 1e-9 * scale;
        double g = coefficients[0];
        foreach (double c in coefficients.Skip(1))
        {
            double a = Math.Max(g, c), b = Math.Min(g, c);
            while (b > tolerance)
            {
                double r = a % b;
                if (r > b - tolerance) r = 0;
                (a, b) = (b, r);
            }
            g = a;
            if (g < scale / MaxLevels / 4) return 0;
        }
        return g;
    }

    private static bool TryLevels(double[] raw, double min, double unit, out ushort[] levels)
    {
        var result = GC.AllocateUninitializedArray<ushort>(raw.Length, pinned: true);
        int bad = 0;
        const int Chunk = 1 << 16;
        Parallel.For(0, (raw.Length + Chunk - 1) / Chunk, c =>
        {
            int end = Math.Min(raw.Length, (c + 1) * Chunk);
            for (int i = c * Chunk; i < end; i++)
            {
                double k = Math.Round((raw[i] - min) / unit);
                if (Math.Abs(raw[i] - (min + k * unit)) > 1e-12 * Math.Max(1, Math.Abs(raw[i])))
                {
                    Interlocked.Exchange(ref bad, 1);
                    return;
                }
                result[i] = (ushort)k;
            }
        });
        levels = result;
        return bad == 0;
    }
}
