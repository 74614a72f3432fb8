namespace Hanzo.Qml.Circuits;

/// <summary>One gate applied to specific wires with symbolic angles.</summary>
public sealed class Operation
{
    private readonly int[] _wires;
    private readonly ParameterExpression[] _parameters;

    /// <summary>Creates an operation and checks its arity and parameter count.</summary>
    /// <param name="gate">The gate.</param>
    /// <param name="wires">Wires, first wire = most significant bit of the gate matrix (control first for controlled gates).</param>
    /// <param name="parameters">Angles, as many as the gate takes.</param>
    /// <param name="isAdjoint">Apply the conjugate transpose (used for gates without a closed-form inverse in the gate set).</param>
    public Operation(GateKind gate, IReadOnlyList<int> wires, IReadOnlyList<ParameterExpression>? parameters = null, bool isAdjoint = false)
    {
        ArgumentNullException.ThrowIfNull(wires);
        var info = GateInfo.Of(gate);
        _wires = [.. wires];
        _parameters = parameters is null ? [] : [.. parameters];
        if (info.NumWires != 0 && _wires.Length != info.NumWires)
            throw new ArgumentException($"{info.Name} acts on {info.NumWires} wire(s); got {_wires.Length}.", nameof(wires));
        if (info.NumWires == 0 && _wires.Length == 0)
            throw new ArgumentException($"{info.Name} needs at least one wire.", nameof(wires));
        if (_parameters.Length != info.NumParameters)
            throw new ArgumentException($"{info.Name} takes {info.NumParameters} parameter(s); got {_parameters.Length}.", nameof(parameters));
        for (int i = 0; i < _wires.Length; i++)
        {
            if (_wires[i] < 0) throw new ArgumentOutOfRangeException(nameof(wires), $"{info.Name}: wire {_wires[i]} is negative.");
            for (int j = 0; j < i; j++)
                if (_wires[j] == _wires[i]) throw new ArgumentException($"{info.Name}: wire {_wires[i]} appears twice.", nameof(wires));
        }
        Gate = gate;
        IsAdjoint = isAdjoint;
    }

    /// <summary>The gate.</summary>
    public GateKind Gate { get; }

    /// <summary>Static facts about the gate.</summary>
    public GateInfo Info => GateInfo.Of(Gate);

    /// <summary>The wires (first = most significant bit of the gate matrix).</summary>
    public ReadOnlySpan<int> Wires => _wires;

    /// <summary>The symbolic angles.</summary>
    public ReadOnlySpan<ParameterExpression> Parameters => _parameters;

    /// <summary>True when the conjugate transpose of the gate is applied.</summary>
    public bool IsAdjoint { get; }

    /// <summary>
    /// The inverse operation, in closed form where the gate set has one (negated angles, S→S†, Rot(φ,θ,ω)→Rot(−ω,−θ,−φ)),
    /// otherwise the same gate flagged as adjoint.
    /// </summary>
    public Operation Adjoint()
    {
        if (IsAdjoint) return new Operation(Gate, _wires, _parameters, false);
        var p = _parameters;
        switch (Gate)
        {
            case GateKind.Identity or GateKind.PauliX or GateKind.PauliY or GateKind.PauliZ or GateKind.Hadamard
                or GateKind.CNOT or GateKind.CZ or GateKind.CY or GateKind.SWAP or GateKind.Toffoli:
                return this;
            case GateKind.S: return new Operation(GateKind.SAdjoint, _wires);
            case GateKind.SAdjoint: return new Operation(GateKind.S, _wires);
            case GateKind.T: return new Operation(GateKind.TAdjoint, _wires);
            case GateKind.TAdjoint: return new Operation(GateKind.T, _wires);
            case GateKind.SX: return new Operation(GateKind.SXAdjoint, _wires);
            case GateKind.SXAdjoint: return new Operation(GateKind.SX, _wires);
            case GateKind.Rot or GateKind.CRot:
                return new Operation(Gate, _wires, [p[2].Negate(), p[1].Negate(), p[0].Negate()]);
            case GateKind.U3:
                // U3(θ,φ,δ)† = U3(−θ, −δ, −φ).
                return new Operation(Gate, _wires, [p[0].Negate(), p[2].Negate(), p[1].Negate()]);
            case GateKind.ISWAP:
                return new Operation(Gate, _wires, null, true);
            default:
                return new Operation(Gate, _wires, [.. p.Select(x => x.Negate())]);
        }
    }

    /// <summary>A copy with new parameters (same gate and wires).</summary>
    public Operation WithParameters(IReadOnlyList<ParameterExpression> parameters) => new(Gate, _wires, parameters, IsAdjoint);

    /// <summary>A copy acting on other wires.</summary>
    public Operation WithWires(IReadOnlyList<int> wires) => new(Gate, wires, _parameters, IsAdjoint);

    /// <inheritdoc />
    public override string ToString()
    {
        string name = IsAdjoint ? $"Adjoint({Info.Name})" : Info.Name;
        string pars = _parameters.Length == 0 ? "" : "(" + string.Join(", ", _parameters.Select(x => x.ToString())) + ")";
        return $"{name}{pars} wires=[{string.Join(",", _wires)}]";
    }
}
