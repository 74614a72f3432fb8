using Hanzo.Qml.Optimization.Problems;

namespace Hanzo.Qml.Optimization.Hpo;

/// <summary>
/// One-hot bit encoding of a <see cref="SearchSpace"/>: hyperparameter i owns a contiguous group of |valuesᵢ| bits and
/// a valid code has exactly one 1 per group. Chosen over a binary code because every quadratic surrogate term then has a
/// direct meaning (value a of one parameter together with value b of another), no code points at a value that does
/// not exist, and validity is the quadratic penalty P·(Σ_group x − 1)², which a QUBO expresses exactly.
/// </summary>
public sealed class OneHotEncoding
{
    private readonly int[] _offsets;

    /// <summary>The encoding of <paramref name="space"/>.</summary>
    public OneHotEncoding(SearchSpace space)
    {
        ArgumentNullException.ThrowIfNull(space);
        Space = space;
        _offsets = new int[space.Parameters.Count];
        int offset = 0;
        for (int i = 0; i < _offsets.Length; i++)
        {
            _offsets[i] = offset;
            offset += space.Parameters[i].Values.Count;
        }
        NumBits = offset;
    }

    /// <summary>The space.</summary>
    public SearchSpace Space { get; }

    /// <summary>Total bits, Σ |valuesᵢ|.</summary>
    public int NumBits { get; }

    /// <summary>The first bit of hyperparameter <paramref name="parameter"/>'s group.</summary>
    public int Offset(int parameter) => _offsets[parameter];

    /// <summary>The bits of <paramref name="configuration"/> (1.0 or 0.0).</summary>
    public double[] Encode(Configuration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var x = new double[NumBits];
        for (int i = 0; i < _offsets.Length; i++) x[_offsets[i] + configuration.Indices[i]] = 1;
        return x;
    }

    /// <summary>The bits as a string, character j is bit j (the QUBO's variable j, QAOA's wire j).</summary>
    public string EncodeBitstring(Configuration configuration) => string.Concat(Encode(configuration).Select(b => b != 0 ? '1' : '0'));

    /// <summary>The configuration of a valid code, or null when some group does not have exactly one 1.</summary>
    public Configuration? Decode(string bits)
    {
        ArgumentNullException.ThrowIfNull(bits);
        if (bits.Length != NumBits) throw new ArgumentException($"Expected {NumBits} bits, got {bits.Length}.", nameof(bits));
        var idx = new int[_offsets.Length];
        for (int i = 0; i < _offsets.Length; i++)
        {
            int ones = 0;
            for (int k = 0; k < Space.Parameters[i].Values.Count; k++)
                if (bits[_offsets[i] + k] == '1') { ones++; idx[i] = k; }
                else if (bits[_offsets[i] + k] != '0') throw new ArgumentException($"Bit {_offsets[i] + k} is '{bits[_offsets[i] + k]}', not 0 or 1.", nameof(bits));
            if (ones != 1) return null;
        }
        return new Configuration(Space, idx);
    }

    /// <summary>
    /// The penalty Σ_groups P·(Σ_{j∈group} x_j − 1)² as QUBO terms: with x² = x it expands to −P·x_j on each bit,
    /// +2P·x_j·x_k on each pair within a group, and the constant P per group (returned separately). It is 0 on valid
    /// codes and at least P on every invalid one.
    /// </summary>
    public (IReadOnlyList<(int I, int J, double Value)> Terms, double Offset) Penalty(double strength)
    {
        if (!(strength > 0) || !double.IsFinite(strength)) throw new ArgumentOutOfRangeException(nameof(strength), strength, "The penalty must be finite and > 0.");
        var terms = new List<(int, int, double)>();
        for (int i = 0; i < _offsets.Length; i++)
        {
            int k = Space.Parameters[i].Values.Count;
            for (int a = 0; a < k; a++)
            {
                terms.Add((_offsets[i] + a, _offsets[i] + a, -strength));
                for (int b = a + 1; b < k; b++) terms.Add((_offsets[i] + a, _offsets[i] + b, 2 * strength));
            }
        }
        return (terms, strength * _offsets.Length);
    }

    /// <summary>The penalty alone as a <see cref="Qubo"/>.</summary>
    public Qubo PenaltyQubo(double strength)
    {
        var (terms, offset) = Penalty(strength);
        return new Qubo(NumBits, terms, offset);
    }
}
