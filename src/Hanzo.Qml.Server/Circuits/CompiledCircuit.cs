using Hanzo.Qml.Circuits;

namespace Hanzo.Qml.Server.Circuits;

/// <summary>A validated circuit ready to run: the library circuit, its default observables and its shape.</summary>
/// <param name="Format">"structural" or "qasm".</param>
/// <param name="Circuit">The library circuit (symbolic weights and features).</param>
/// <param name="Observables">Default observables.</param>
/// <param name="Depth">Depth, see <see cref="CircuitShape.Depth"/>.</param>
/// <param name="Definition">The normalised definition, as stored.</param>
public sealed record CompiledCircuit(string Format, Circuit Circuit, IReadOnlyList<NamedObservable> Observables, int Depth, CreateCircuitRequest Definition)
{
    /// <summary>Number of gates.</summary>
    public int NumGates => Circuit.Count;
}
