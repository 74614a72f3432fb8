using Hanzo.Qml.Circuits;
using Hanzo.Qml.Gradients;
using Hanzo.Qml.Simulation;

namespace Hanzo.Qml.Server.Circuits;

/// <summary>
/// Runs validated circuit requests on the statevector simulator and shapes the results like <c>hanzo-qml run --json</c>:
/// basis index with wire 0 as the most significant bit, bitstring character k = wire k.
/// </summary>
public static class CircuitRunner
{
    /// <summary>Largest register whose amplitudes or probabilities a response may carry (2¹⁶ values per row).</summary>
    public const int MaxDenseQubits = 16;

    /// <summary>Most dense values (amplitudes or probabilities) in one response, over all batch rows: 2²⁰.</summary>
    public const long MaxDenseValues = 1L << 20;

    /// <summary>What an execute request asks for, after validation.</summary>
    /// <param name="Observables">Observables to measure (may be empty).</param>
    /// <param name="Probs">Return probabilities.</param>
    /// <param name="State">Return amplitudes.</param>
    /// <param name="Shots">Samples to draw, or null.</param>
    /// <param name="Seed">Sampler seed.</param>
    public sealed record Outputs(IReadOnlyList<NamedObservable> Observables, bool Probs, bool State, int? Shots, int Seed);

    /// <summary>Checks that the dense outputs asked for fit the response bounds.</summary>
    /// <param name="numQubits">Register size.</param>
    /// <param name="rows">Rows (1 without a batch).</param>
    /// <param name="probs">Probabilities requested.</param>
    /// <param name="state">Amplitudes requested.</param>
    /// <exception cref="CircuitRequestException">413 naming the bound.</exception>
    public static void CheckDenseSize(int numQubits, int rows, bool probs, bool state)
    {
        if (!probs && !state) return;
        string what = state ? "\"state\"" : "\"probs\"";
        if (numQubits > MaxDenseQubits)
            throw CircuitRequestException.TooLarge($"{what} is available for circuits of at most {MaxDenseQubits} qubits (2^{MaxDenseQubits} values); this one has {numQubits}. Ask for expvals or shots instead.");
        long values = (long)rows << numQubits;
        if (probs && state) values *= 2;
        if (values > MaxDenseValues)
            throw CircuitRequestException.TooLarge($"The requested state/probs hold {values} values ({rows} row(s) × 2^{numQubits}); a response carries at most {MaxDenseValues}. Send fewer batch rows.");
    }

    /// <summary>One execution.</summary>
    /// <param name="circuit">The circuit.</param>
    /// <param name="backend">Backend name (echoed).</param>
    /// <param name="weights">Checked weights.</param>
    /// <param name="features">Checked features.</param>
    /// <param name="outputs">What to return.</param>
    public static ExecuteResponse Run(Circuit circuit, string backend, double[] weights, double[] features, Outputs outputs)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        ArgumentNullException.ThrowIfNull(outputs);
        var row = RunRow(new StatevectorSimulator(), circuit, weights, features, outputs);
        return new ExecuteResponse(backend, circuit.NumQubits, row.Expvals, row.Probs, row.State, row.Samples, outputs.Shots is null ? null : outputs.Seed);
    }

    /// <summary>
    /// One execution per batch row with shared weights. Each row's result equals a single execution with that row as
    /// <c>features</c> (samples too: every row is sampled with the same seed).
    /// </summary>
    /// <param name="circuit">The circuit.</param>
    /// <param name="backend">Backend name (echoed).</param>
    /// <param name="weights">Checked weights.</param>
    /// <param name="rows">Checked feature rows.</param>
    /// <param name="outputs">What to return.</param>
    /// <param name="cancellationToken">Stops between rows when the client goes away.</param>
    public static BatchExecuteResponse RunBatch(Circuit circuit, string backend, double[] weights, double[][] rows, Outputs outputs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(outputs);
        var simulator = new StatevectorSimulator();
        int? seed = outputs.Shots is null ? null : outputs.Seed;
        if (!outputs.Probs && !outputs.State && outputs.Shots is null)
        {
            // Expectation values only: the library's batched path runs rows in parallel and equals per-row runs bit for bit.
            var hs = outputs.Observables.Select(o => o.Hamiltonian).ToArray();
            var values = simulator.ExpectationBatch(circuit, hs, [weights], rows, cancellationToken);
            var expvals = new IReadOnlyDictionary<string, double>[rows.Length];
            for (int r = 0; r < rows.Length; r++)
            {
                var d = new Dictionary<string, double>(StringComparer.Ordinal);
                for (int j = 0; j < hs.Length; j++) d[outputs.Observables[j].Text] = Finite(values[r, j], outputs.Observables[j].Text);
                expvals[r] = d;
            }
            return new BatchExecuteResponse(backend, circuit.NumQubits, expvals, null, null, null, seed);
        }
        var results = new RowResult[rows.Length];
        for (int r = 0; r < rows.Length; r++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            results[r] = RunRow(simulator, circuit, weights, rows[r], outputs);
        }
        return new BatchExecuteResponse(
            backend,
            circuit.NumQubits,
            outputs.Observables.Count > 0 ? results.Select(r => r.Expvals!).ToArray() : null,
            outputs.Probs ? results.Select(r => r.Probs!).ToArray() : null,
            outputs.State ? results.Select(r => r.State!).ToArray() : null,
            outputs.Shots is not null ? results.Select(r => r.Samples!).ToArray() : null,
            seed);
    }

    /// <summary>⟨H⟩ and its gradient.</summary>
    /// <param name="circuit">The circuit.</param>
    /// <param name="backend">Backend name (echoed).</param>
    /// <param name="observable">H.</param>
    /// <param name="weights">Checked weights.</param>
    /// <param name="features">Checked features.</param>
    /// <param name="parameterShift">True for the parameter-shift rule, false for the adjoint method.</param>
    /// <param name="targets">What to differentiate.</param>
    /// <exception cref="CircuitRequestException">400 when the method cannot differentiate this circuit (parameter shift through an amplitude encoding).</exception>
    public static GradientResponse Gradient(Circuit circuit, string backend, NamedObservable observable, double[] weights, double[] features, bool parameterShift, GradientTargets targets)
    {
        ArgumentNullException.ThrowIfNull(observable);
        IGradientMethod method = parameterShift ? new ParameterShiftDifferentiator() : new AdjointDifferentiator();
        GradientResult g;
        try
        {
            g = method.Compute(circuit, observable.Hamiltonian, weights, features, targets);
        }
        catch (NotSupportedException e)
        {
            throw CircuitRequestException.BadRequest(e.Message, "Method not applicable");
        }
        if (!double.IsFinite(g.Value) || !g.WeightGradient.All(double.IsFinite) || !g.FeatureGradient.All(double.IsFinite))
            throw NotFinite($"⟨{observable.Text}⟩ or its gradient");
        return new GradientResponse(
            g.Value,
            (targets & GradientTargets.Weights) != 0 ? g.WeightGradient : null,
            (targets & GradientTargets.Features) != 0 ? g.FeatureGradient : null,
            method.Name,
            observable.Text,
            backend);
    }

    private static double Finite(double value, string observable) => double.IsFinite(value) ? value : throw NotFinite($"⟨{observable}⟩");

    /// <summary>
    /// Finite but huge inputs overflow: features of 1e308 make the ZZ and IQP angles infinite and the state NaN, and
    /// coefficients of 1e308 overflow a sum. JSON cannot carry the result, so the request is refused, saying why.
    /// </summary>
    private static CircuitRequestException NotFinite(string what) => CircuitRequestException.BadRequest(
        $"{what} is not a finite number for these inputs: weights, features or observable coefficients this large overflow "
        + "(e.g. the angles of a ZZ or IQP encoding multiply features). Send values of moderate size.", "Inputs out of range");

    private sealed record RowResult(IReadOnlyDictionary<string, double>? Expvals, double[]? Probs, StateAmplitudes? State, IReadOnlyDictionary<string, int>? Samples);

    private static RowResult RunRow(StatevectorSimulator simulator, Circuit circuit, double[] weights, double[] features, Outputs outputs)
    {
        using var sv = simulator.Run(circuit, weights, features);
        // Checked before anything is read from the state: sampling from NaN probabilities has no meaning.
        foreach (var amplitude in sv.Amplitudes)
            if (!double.IsFinite(amplitude.Real) || !double.IsFinite(amplitude.Imaginary)) throw NotFinite("The state");
        Dictionary<string, double>? expvals = null;
        if (outputs.Observables.Count > 0)
        {
            expvals = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var o in outputs.Observables) expvals[o.Text] = Finite(Measurements.Expectation(sv, o.Hamiltonian), o.Text);
        }
        double[]? probs = outputs.Probs ? Measurements.Probabilities(sv) : null;
        StateAmplitudes? state = null;
        if (outputs.State)
        {
            var amplitudes = sv.Amplitudes;
            var re = new double[amplitudes.Length];
            var im = new double[amplitudes.Length];
            for (int i = 0; i < amplitudes.Length; i++)
            {
                re[i] = amplitudes[i].Real;
                im[i] = amplitudes[i].Imaginary;
            }
            state = new StateAmplitudes(re, im);
        }
        Dictionary<string, int>? samples = null;
        if (outputs.Shots is int shots)
        {
            samples = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (index, count) in Measurements.Sample(sv, shots, outputs.Seed))
                samples[Measurements.Bitstring(index, circuit.NumQubits)] = count;
        }
        return new RowResult(expvals, probs, state, samples);
    }
}
