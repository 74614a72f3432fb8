namespace Hanzo.Qml.Optimization.Hpo;

/// <summary>Settings of <see cref="QaoaHpo"/>.</summary>
public sealed record QaoaHpoOptions : HpoOptions
{
    /// <summary>
    /// The largest one-hot code QAOA is run on (default 20 qubits): the statevector of 2²⁰ amplitudes is 16 MiB and a
    /// COBYLA run of a few hundred evaluations stays in seconds; beyond that there is no fallback, the search refuses.
    /// </summary>
    public const int DefaultMaxBits = 20;

    /// <summary>QAOA depth p (default 2).</summary>
    public int Layers { get; init; } = 2;

    /// <summary>Shots drawn from the optimised QAOA state (default 1000); the proposals are ranked among these samples.</summary>
    public int Shots { get; init; } = 1000;

    /// <summary>COBYLA evaluation limit per QAOA solve (default 300).</summary>
    public int MaxQaoaEvaluations { get; init; } = 300;

    /// <summary>Cap on the number of bits (qubits); see <see cref="DefaultMaxBits"/>.</summary>
    public int MaxBits { get; init; } = DefaultMaxBits;

    /// <summary>Surrogate settings (rank, L2, sweeps); its seed is derived from <see cref="HpoOptions.Seed"/>.</summary>
    public FactorizationMachineOptions Surrogate { get; init; } = new();

    internal void Validate()
    {
        ValidateCommon();
        OptionCheck.AtLeast(Layers, 1, nameof(Layers));
        OptionCheck.AtLeast(Shots, 1, nameof(Shots));
        OptionCheck.AtLeast(MaxQaoaEvaluations, 1, nameof(MaxQaoaEvaluations));
        OptionCheck.AtLeast(MaxBits, 1, nameof(MaxBits));
        ArgumentNullException.ThrowIfNull(Surrogate, nameof(Surrogate));
    }
}
