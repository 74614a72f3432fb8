using Hanzo.Qml.Ansatze;
using Hanzo.Qml.Circuits;
using Hanzo.Qml.Encodings;

namespace Hanzo.Qml.Server.Circuits;

/// <summary>
/// Builds the library circuit of a structural definition: the encoding (reading features 0…) followed by the ansatz
/// (reading weights 0…), on <c>n_qubits</c> wires. Names and settings are checked here; the size limits are checked by
/// <see cref="CircuitCompiler"/> on the result.
/// </summary>
public static class StructuralCircuitBuilder
{
    /// <summary>Largest accepted <c>encoding_options.reps</c>.</summary>
    public const int MaxReps = 64;

    /// <summary>Largest accepted <c>layers</c> (the gate and depth limits usually bind first).</summary>
    public const int MaxLayers = 1000;

    /// <summary>Most Pauli words in <c>encoding_options.paulis</c>.</summary>
    public const int MaxPauliWords = 16;

    private static readonly string[] RotationNames = ["x", "y", "z"];
    private static readonly string[] EntanglementNames = ["linear", "circular", "full"];

    /// <summary>Checks <paramref name="request"/>, builds its circuit and returns it with the normalised definition.</summary>
    /// <param name="request">A structural definition (no <c>qasm</c>).</param>
    /// <param name="maxQubits">Largest register accepted (the largest backend's maximum).</param>
    /// <param name="maxGates">Gate bound, used here only to refuse a Pauli map whose word combinations alone exceed it before they are built.</param>
    /// <exception cref="CircuitRequestException">400 with what was wrong and what is allowed.</exception>
    public static (Circuit Circuit, CreateCircuitRequest Normalised) Build(CreateCircuitRequest request, int maxQubits, int maxGates = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.NQubits is not int n)
            throw CircuitRequestException.BadRequest($"\"n_qubits\" is required for a structural circuit: an integer from 1 to {maxQubits} (or send \"qasm\" instead).");
        if (n < 1 || n > maxQubits)
            throw CircuitRequestException.BadRequest($"\"n_qubits\" is {n}; allowed: 1 to {maxQubits} (the largest backend's maximum).", "Too many qubits");

        string? encodingName = Normalise(request.Encoding);
        string? ansatzName = Normalise(request.Ansatz);
        if (encodingName is null && ansatzName is null)
            throw CircuitRequestException.BadRequest(
                $"A structural circuit needs an \"encoding\" ({string.Join(", ", EncodingFactory.Names)}), an \"ansatz\" ({string.Join(", ", AnsatzFactory.Names)}) or both.");
        if (encodingName is not null && !EncodingFactory.Names.Contains(encodingName))
            throw CircuitRequestException.BadRequest($"Unknown encoding \"{request.Encoding}\"; allowed names: {string.Join(", ", EncodingFactory.Names)}.", "Unknown encoding");
        if (ansatzName is not null && !AnsatzFactory.Names.Contains(ansatzName))
            throw CircuitRequestException.BadRequest($"Unknown ansatz \"{request.Ansatz}\"; allowed names: {string.Join(", ", AnsatzFactory.Names)}.", "Unknown ansatz");
        if (encodingName is null && request.EncodingOptions is not null)
            throw CircuitRequestException.BadRequest("\"encoding_options\" is set but \"encoding\" is not; name the encoding the options are for.");
        if (ansatzName is null && request.Layers is not null)
            throw CircuitRequestException.BadRequest("\"layers\" is set but \"ansatz\" is not; name the ansatz the layers are for.");
        int? layers = null;
        if (ansatzName is not null)
        {
            layers = request.Layers ?? 1;
            if (layers < 1 || layers > MaxLayers)
                throw CircuitRequestException.BadRequest($"\"layers\" is {layers}; allowed: 1 to {MaxLayers}.");
        }

        var builder = new CircuitBuilder(n);
        CircuitEncodingOptions? normalisedOptions = null;
        try
        {
            if (encodingName is not null)
            {
                var (options, normalised) = Options(request.EncodingOptions ?? new CircuitEncodingOptions());
                if (encodingName == "pauli") CheckPauliSize(n, options, maxGates);
                normalisedOptions = normalised;
                var encoding = EncodingFactory.Create(encodingName, n, options);
                encoding.AppendTo(builder);
                builder.DeclareFeatures(encoding.NumFeatures);
            }
            if (ansatzName is not null)
            {
                var ansatz = AnsatzFactory.Create(ansatzName, n, layers!.Value);
                ansatz.AppendTo(builder);
                builder.DeclareWeights(ansatz.NumWeights);
            }
        }
        catch (ArgumentException e)
        {
            throw CircuitRequestException.BadRequest(e.Message, "Invalid circuit settings");
        }
        var definition = new CreateCircuitRequest
        {
            NQubits = n,
            Encoding = encodingName,
            EncodingOptions = normalisedOptions,
            Ansatz = ansatzName,
            Layers = layers,
            Observables = request.Observables,
        };
        return (builder.Build(), definition);
    }

    /// <summary>
    /// Each Pauli word of length k is applied to every k-subset of the wires with full entanglement (C(n, k) of them), so a
    /// few long words could build millions of gates before the gate limit is checked; count the applications first.
    /// </summary>
    internal static void CheckPauliSize(int n, EncodingOptions options, int maxGates)
    {
        double applications = 0;
        foreach (var word in options.Paulis)
        {
            int k = Math.Min(word.Length, n);
            applications += options.Entanglement == Entanglement.Full ? Binomial(n, k) : n;
        }
        applications *= options.Reps;
        if (applications > maxGates)
            throw CircuitRequestException.BadRequest(
                $"The Pauli map applies its words {applications:0} times ({options.Reps} reps × the wire combinations of every word), more than the {maxGates} gates this server accepts (limits.max_gates); use fewer or shorter words, fewer reps or linear entanglement.",
                "Circuit too large");
    }

    private static double Binomial(int n, int k)
    {
        double c = 1;
        for (int i = 1; i <= k; i++) c = c * (n - k + i) / i;
        return c;
    }

    private static string? Normalise(string? name) => string.IsNullOrWhiteSpace(name) ? null : name.Trim().ToLowerInvariant();

    private static (EncodingOptions Options, CircuitEncodingOptions Normalised) Options(CircuitEncodingOptions o)
    {
        int reps = o.Reps ?? EncodingOptions.Default.Reps;
        if (reps < 1 || reps > MaxReps)
            throw CircuitRequestException.BadRequest($"\"encoding_options.reps\" is {reps}; allowed: 1 to {MaxReps}.");
        var rotation = (o.Rotation ?? "x").Trim().ToLowerInvariant();
        if (!RotationNames.Contains(rotation))
            throw CircuitRequestException.BadRequest($"Unknown \"encoding_options.rotation\" \"{o.Rotation}\"; allowed: {string.Join(", ", RotationNames)}.");
        var entanglement = (o.Entanglement ?? "full").Trim().ToLowerInvariant();
        if (!EntanglementNames.Contains(entanglement))
            throw CircuitRequestException.BadRequest($"Unknown \"encoding_options.entanglement\" \"{o.Entanglement}\"; allowed: {string.Join(", ", EntanglementNames)}.");
        double alpha = o.Alpha ?? EncodingOptions.Default.Alpha, padWith = o.PadWith ?? 0;
        if (!double.IsFinite(alpha) || !double.IsFinite(padWith))
            throw CircuitRequestException.BadRequest("\"encoding_options.alpha\" and \"encoding_options.pad_with\" must be finite numbers.");
        var paulis = o.Paulis ?? EncodingOptions.Default.Paulis;
        if (paulis.Count > MaxPauliWords)
            throw CircuitRequestException.BadRequest($"\"encoding_options.paulis\" has {paulis.Count} words; at most {MaxPauliWords} are allowed.");
        if (paulis.Count == 0 || paulis.Any(string.IsNullOrWhiteSpace))
            throw CircuitRequestException.BadRequest("\"encoding_options.paulis\" must be a non-empty list of Pauli words such as \"Z\", \"ZZ\", \"XY\" (letters X, Y, Z).");
        var trimmed = paulis.Select(p => p.Trim()).ToArray();
        var options = EncodingOptions.Default with
        {
            Reps = reps,
            Rotation = Enum.Parse<AngleRotation>(rotation, ignoreCase: true),
            Entanglement = Enum.Parse<Entanglement>(entanglement, ignoreCase: true),
            Alpha = alpha,
            Paulis = trimmed,
            PadWith = padWith,
            NumFeatures = o.NumFeatures,
        };
        var normalised = new CircuitEncodingOptions
        {
            Reps = reps,
            Rotation = rotation,
            Entanglement = entanglement,
            Alpha = alpha,
            Paulis = trimmed,
            PadWith = padWith,
            NumFeatures = o.NumFeatures,
        };
        return (options, normalised);
    }
}
