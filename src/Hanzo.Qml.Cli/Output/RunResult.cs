using Hanzo.Qml.Circuits.OpenQasm;
using Hanzo.Qml.Cli.Commands;
using Hanzo.Qml.Simulation;

namespace Hanzo.Qml.Cli.Output;

/// <summary>What one <c>hanzo-qml run</c> computed; the formatters read only what the request asked for.</summary>
/// <param name="Request">The request.</param>
/// <param name="Program">The imported program.</param>
/// <param name="State">The final state (owned by the caller, valid while the result is written).</param>
/// <param name="Expvals">⟨Oᵢ⟩ for <see cref="RunRequest.Expvals"/>[i].</param>
/// <param name="Samples">Counts per basis index when <c>--shots</c> was given.</param>
public sealed record RunResult(RunRequest Request, QasmProgram Program, StateVector State, double[] Expvals, SortedDictionary<long, int>? Samples)
{
    /// <summary>Number of qubits.</summary>
    public int NumQubits => State.NumQubits;
}
