namespace Hanzo.Qml.Optimization.Qaoa;

/// <summary>
/// The 2p angles of a p-layer QAOA circuit in PennyLane's convention (also this library's): layer k applies the cost
/// layer e^{−iγₖH_C} and then the mixer e^{−iβₖΣXⱼ} = RX(2βₖ) on every wire. The flat parameter vector is
/// [γ₀…γₚ₋₁, β₀…βₚ₋₁].
/// <para>
/// Other tools: Qiskit's <c>QAOAAnsatz</c> uses the same e^{−iγH_C} and e^{−iβΣX}, so the values are equal, but its
/// circuit parameters sort by name and 'β' comes before 'γ': [β…, γ…]. QOKit applies e^{−i(γ/2)·c} to its precomputed
/// costs c and e^{−iβXⱼ/2} = RX(β) per qubit, so γ_QOKit = 2γ and β_QOKit = 2β when c is our cost diagonal; its
/// MaxCut costs are +cut = −(our diagonal), which also flips the sign of γ. QOKit's vector is [γ…, β…].
/// </para>
/// </summary>
public sealed record QaoaAngles
{
    private readonly double[] _gammas;
    private readonly double[] _betas;

    /// <summary>Angles for p = <paramref name="gammas"/>.Length layers.</summary>
    /// <exception cref="ArgumentException">When the lengths differ, are zero, or an angle is not finite.</exception>
    public QaoaAngles(IReadOnlyList<double> gammas, IReadOnlyList<double> betas)
    {
        ArgumentNullException.ThrowIfNull(gammas);
        ArgumentNullException.ThrowIfNull(betas);
        if (gammas.Count == 0) throw new ArgumentException("QAOA needs at least one layer (one γ and one β).", nameof(gammas));
        if (gammas.Count != betas.Count)
            throw new ArgumentException($"One γ and one β per layer: got {gammas.Count} γ and {betas.Count} β.", nameof(betas));
        for (int k = 0; k < gammas.Count; k++)
        {
            if (!double.IsFinite(gammas[k])) throw new ArgumentException($"γ[{k}] is {gammas[k]}; angles must be finite.", nameof(gammas));
            if (!double.IsFinite(betas[k])) throw new ArgumentException($"β[{k}] is {betas[k]}; angles must be finite.", nameof(betas));
        }
        _gammas = [.. gammas];
        _betas = [.. betas];
    }

    /// <summary>Number of layers p.</summary>
    public int Layers => _gammas.Length;

    /// <summary>γ₀…γₚ₋₁ (cost-layer angles).</summary>
    public IReadOnlyList<double> Gammas => _gammas;

    /// <summary>β₀…βₚ₋₁ (mixer angles).</summary>
    public IReadOnlyList<double> Betas => _betas;

    /// <summary>The flat vector [γ…, β…].</summary>
    public double[] ToVector() => [.. _gammas, .. _betas];

    /// <summary>Angles from the flat vector [γ…, β…] (even length).</summary>
    public static QaoaAngles FromVector(ReadOnlySpan<double> parameters)
    {
        if (parameters.Length == 0 || parameters.Length % 2 != 0)
            throw new ArgumentException($"A QAOA parameter vector holds p γ then p β (even length ≥ 2); got {parameters.Length} values.", nameof(parameters));
        int p = parameters.Length / 2;
        return new QaoaAngles(parameters[..p].ToArray(), parameters[p..].ToArray());
    }

    /// <summary>Qiskit's <c>QAOAAnsatz</c> parameter vector: [β…, γ…], same values.</summary>
    public double[] ToQiskit() => [.. _betas, .. _gammas];

    /// <summary>Angles from Qiskit's <c>QAOAAnsatz</c> parameter vector [β…, γ…].</summary>
    public static QaoaAngles FromQiskit(ReadOnlySpan<double> parameters)
    {
        if (parameters.Length == 0 || parameters.Length % 2 != 0)
            throw new ArgumentException($"A Qiskit QAOA vector holds p β then p γ (even length ≥ 2); got {parameters.Length} values.", nameof(parameters));
        int p = parameters.Length / 2;
        return new QaoaAngles(parameters[p..].ToArray(), parameters[..p].ToArray());
    }

    /// <summary>
    /// QOKit's θ = [γ_Q…, β_Q…] with γ_Q = ±2γ and β_Q = 2β. Pass <paramref name="costsAreNegated"/> = true when QOKit's
    /// cost vector is minus our diagonal, as with its MaxCut terms (+cut against our −cut).
    /// </summary>
    public double[] ToQokit(bool costsAreNegated = false)
    {
        double g = costsAreNegated ? -2 : 2;
        return [.. _gammas.Select(x => g * x), .. _betas.Select(x => 2 * x)];
    }

    /// <summary>Angles from QOKit's θ = [γ_Q…, β_Q…]: γ = ±γ_Q/2, β = β_Q/2 (see <see cref="ToQokit"/>).</summary>
    public static QaoaAngles FromQokit(ReadOnlySpan<double> theta, bool costsAreNegated = false)
    {
        if (theta.Length == 0 || theta.Length % 2 != 0)
            throw new ArgumentException($"A QOKit θ holds p γ then p β (even length ≥ 2); got {theta.Length} values.", nameof(theta));
        int p = theta.Length / 2;
        double g = costsAreNegated ? -0.5 : 0.5;
        var gammas = new double[p];
        var betas = new double[p];
        for (int k = 0; k < p; k++)
        {
            gammas[k] = g * theta[k];
            betas[k] = 0.5 * theta[p + k];
        }
        return new QaoaAngles(gammas, betas);
    }

    /// <inheritdoc />
    public bool Equals(QaoaAngles? other) => other is not null && _gammas.AsSpan().SequenceEqual(other._gammas) && _betas.AsSpan().SequenceEqual(other._betas);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var h = new HashCode();
        foreach (var x in _gammas) h.Add(x);
        foreach (var x in _betas) h.Add(x);
        return h.ToHashCode();
    }

    /// <inheritdoc />
    public override string ToString() =>
        FormattableString.Invariant($"γ = [{string.Join(", ", _gammas.Select(x => x.ToString("G6", System.Globalization.CultureInfo.InvariantCulture)))}], β = [{string.Join(", ", _betas.Select(x => x.ToString("G6", System.Globalization.CultureInfo.InvariantCulture)))}]");
}
