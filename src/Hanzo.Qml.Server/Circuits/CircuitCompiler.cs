using System.Text.Json;
using Hanzo.Qml.Circuits;
using Hanzo.Qml.Server.Configuration;
using Hanzo.Qml.Server.Storage;
using Hanzo.Qml.Simulation;

namespace Hanzo.Qml.Server.Circuits;

/// <summary>Turns a circuit definition (structural or OpenQASM) into a validated <see cref="CompiledCircuit"/>.</summary>
public static class CircuitCompiler
{
    /// <summary>The <see cref="CircuitRecord.Format"/> of a structural circuit.</summary>
    public const string StructuralFormat = "structural";

    /// <summary>The <see cref="CircuitRecord.Format"/> of an OpenQASM circuit.</summary>
    public const string QasmFormat = "qasm";

    /// <summary>
    /// Validates and builds a new definition: the form (qasm or structural, not both), names and settings, qubits within
    /// <paramref name="maxQubits"/>, depth and gate count within <paramref name="limits"/>, default observables on the register.
    /// </summary>
    /// <param name="request">The definition as posted.</param>
    /// <param name="maxQubits">Largest register accepted (the largest backend's maximum).</param>
    /// <param name="limits">Depth and gate bounds.</param>
    /// <exception cref="CircuitRequestException">400 or 413 with what was wrong and what is allowed.</exception>
    public static CompiledCircuit Compile(CreateCircuitRequest request, int maxQubits, LimitsSection limits)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(limits);
        var compiled = Build(request, maxQubits, limits.MaxGates);
        int gates = compiled.NumGates;
        if (gates > limits.MaxGates)
            throw CircuitRequestException.BadRequest($"The circuit has {gates} gates; this server accepts at most {limits.MaxGates} (limits.max_gates).", "Circuit too large");
        if (compiled.Depth > limits.MaxCircuitDepth)
            throw CircuitRequestException.BadRequest($"The circuit has depth {compiled.Depth}; this server accepts at most {limits.MaxCircuitDepth} (limits.max_circuit_depth).", "Circuit too deep");
        return compiled;
    }

    /// <summary>Rebuilds a stored circuit (validated when it was created, so only its form is checked again).</summary>
    /// <param name="record">The stored circuit.</param>
    /// <param name="json">The service's JSON settings.</param>
    public static CompiledCircuit FromRecord(CircuitRecord record, JsonSerializerOptions json)
    {
        ArgumentNullException.ThrowIfNull(record);
        var definition = JsonSerializer.Deserialize<CreateCircuitRequest>(record.Definition, json)
            ?? throw new InvalidOperationException($"Circuit {record.Id} has an empty stored definition.");
        return Build(definition, StateVector.MaxQubits, int.MaxValue);
    }

    private static CompiledCircuit Build(CreateCircuitRequest request, int maxQubits, int maxGates)
    {
        string format;
        Circuit circuit;
        CreateCircuitRequest normalised;
        if (request.Qasm is not null)
        {
            if (request.NQubits is not null || request.Encoding is not null || request.EncodingOptions is not null || request.Ansatz is not null || request.Layers is not null)
                throw CircuitRequestException.BadRequest("Send either \"qasm\" or the structural fields (n_qubits, encoding, encoding_options, ansatz, layers), not both; \"observables\" goes with either.");
            format = QasmFormat;
            circuit = QasmCircuitImporter.Import(request.Qasm, maxQubits, maxGates);
            normalised = new CreateCircuitRequest { Qasm = request.Qasm, Observables = request.Observables };
        }
        else
        {
            format = StructuralFormat;
            (circuit, normalised) = StructuralCircuitBuilder.Build(request, maxQubits, maxGates);
        }
        var observables = ObservableParser.ParseAll(request.Observables, circuit.NumQubits, "observables");
        normalised = normalised with { Observables = observables.Count == 0 ? null : [.. observables.Select(o => o.Text)] };
        return new CompiledCircuit(format, circuit, observables, CircuitShape.Depth(circuit), normalised);
    }
}
