namespace Hanzo.Qml.Optimization.Problems;

/// <summary>
/// A quadratic unconstrained binary optimisation problem: minimise f(x) = offset + Σ_{i≤j} Q_ij·xᵢ·xⱼ over xᵢ ∈ {0, 1}
/// (diagonal entries are the linear terms, since xᵢ² = xᵢ). Variable i is wire i, and xᵢ = 1 is the qubit state |1⟩,
/// so a bitstring of x values is also the bitstring of the basis state.
/// </summary>
public sealed class Qubo
{
    private readonly SortedDictionary<(int, int), double> _terms = [];

    /// <summary>f(x) = offset + Σᵢⱼ matrix[i, j]·xᵢ·xⱼ over all i, j: a symmetric or an upper-triangular matrix both work.</summary>
    /// <exception cref="ArgumentException">When the matrix is not square or has a non-finite entry.</exception>
    public Qubo(double[,] matrix, double offset = 0)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        int n = matrix.GetLength(0);
        if (n < 1 || matrix.GetLength(1) != n)
            throw new ArgumentException($"A QUBO matrix must be square and non-empty; got {matrix.GetLength(0)}×{matrix.GetLength(1)}.", nameof(matrix));
        NumVariables = n;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                Add(i, j, matrix[i, j], nameof(matrix));
        Offset = CheckFinite(offset, nameof(offset));
    }

    /// <summary>f(x) = offset + Σ value·xᵢ·xⱼ over the given terms (i = j for linear terms; repeated pairs add up).</summary>
    public Qubo(int numVariables, IEnumerable<(int I, int J, double Value)> terms, double offset = 0)
    {
        if (numVariables < 1) throw new ArgumentOutOfRangeException(nameof(numVariables), numVariables, "A QUBO needs at least one variable.");
        ArgumentNullException.ThrowIfNull(terms);
        NumVariables = numVariables;
        foreach (var (i, j, v) in terms) Add(i, j, v, nameof(terms));
        Offset = CheckFinite(offset, nameof(offset));
    }

    /// <summary>Number of binary variables.</summary>
    public int NumVariables { get; }

    /// <summary>The constant added to every value.</summary>
    public double Offset { get; }

    /// <summary>The non-zero coefficients Q_ij with i ≤ j.</summary>
    public IEnumerable<(int I, int J, double Value)> Terms => _terms.Where(t => t.Value != 0).Select(t => (t.Key.Item1, t.Key.Item2, t.Value));

    /// <summary>f(x) for the bitstring <paramref name="bits"/> (character i is xᵢ).</summary>
    public double Value(string bits) => Value(IsingHamiltonian.ParseBitstring(bits, NumVariables));

    /// <summary>f(x) for the basis index whose bits are x (x₀ is the most significant bit).</summary>
    public double Value(long index)
    {
        double f = Offset;
        foreach (var ((i, j), q) in _terms)
            if (Bit(index, i) && Bit(index, j)) f += q;
        return f;
    }

    /// <summary>
    /// The equivalent Ising Hamiltonian under xᵢ = (1 − zᵢ)/2 (so xᵢ = 0 ↦ zᵢ = +1 and xᵢ = 1 ↦ zᵢ = −1, the Z eigenvalues
    /// of |0⟩ and |1⟩): a linear term q·xᵢ becomes q/2 − (q/2)·zᵢ, and a pair term q·xᵢxⱼ becomes
    /// (q/4)(1 − zᵢ − zⱼ + zᵢzⱼ). Its diagonal equals f on every bitstring.
    /// </summary>
    public IsingHamiltonian ToIsing()
    {
        var h = new double[NumVariables];
        var couplings = new List<(int, int, double)>();
        double constant = Offset;
        foreach (var ((i, j), q) in _terms)
        {
            if (i == j)
            {
                constant += q / 2;
                h[i] -= q / 2;
            }
            else
            {
                constant += q / 4;
                h[i] -= q / 4;
                h[j] -= q / 4;
                couplings.Add((i, j, q / 4));
            }
        }
        return new IsingHamiltonian(NumVariables, h, couplings, constant);
    }

    private void Add(int i, int j, double value, string param)
    {
        if (i < 0 || i >= NumVariables || j < 0 || j >= NumVariables)
            throw new ArgumentException($"QUBO term ({i}, {j}) names a variable outside 0..{NumVariables - 1}.", param);
        CheckFinite(value, param);
        if (value == 0) return;
        var key = (Math.Min(i, j), Math.Max(i, j));
        _terms[key] = _terms.GetValueOrDefault(key) + value;
    }

    private bool Bit(long index, int variable) => ((index >> (NumVariables - 1 - variable)) & 1) != 0;

    private static double CheckFinite(double v, string param) =>
        double.IsFinite(v) ? v : throw new ArgumentException($"QUBO coefficients must be finite; got {v}.", param);
}
