using Hanzo.Qml.Circuits;

namespace Hanzo.Qml.Server.Circuits;

/// <summary>Parses request observables (<c>"Z0"</c>, <c>"0.5 Z0 Z1 + X2"</c>) and checks their wires against the circuit.</summary>
public static class ObservableParser
{
    /// <summary>Most observables in one request or circuit definition.</summary>
    public const int MaxObservables = 256;

    /// <summary>Parses <paramref name="texts"/>, each once in the order given (a repeat would repeat a result key).</summary>
    /// <param name="texts">The observables; null gives an empty list.</param>
    /// <param name="numQubits">Register size: every wire must be below it.</param>
    /// <param name="field">JSON field name, for messages.</param>
    /// <exception cref="CircuitRequestException">400 for an unparsable observable or a wire outside the register, 413 for too many.</exception>
    public static IReadOnlyList<NamedObservable> ParseAll(IReadOnlyList<string>? texts, int numQubits, string field)
    {
        if (texts is null) return [];
        if (texts.Count > MaxObservables)
            throw CircuitRequestException.TooLarge($"\"{field}\" has {texts.Count} entries; at most {MaxObservables} are allowed.");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<NamedObservable>(texts.Count);
        for (int i = 0; i < texts.Count; i++)
        {
            var observable = Parse(texts[i], numQubits, $"{field}[{i}]");
            if (seen.Add(observable.Text)) result.Add(observable);
        }
        return result;
    }

    /// <summary>Parses one observable.</summary>
    /// <param name="text">The observable.</param>
    /// <param name="numQubits">Register size.</param>
    /// <param name="field">JSON path, for messages.</param>
    /// <exception cref="CircuitRequestException">400 when it does not parse or names a wire outside the register.</exception>
    public static NamedObservable Parse(string? text, int numQubits, string field)
    {
        const string Allowed = "an observable is a Pauli product such as \"Z0 Z1\" or \"X1 Y2\" (letter I, X, Y or Z followed by a wire number), "
            + "optionally with a coefficient, or a sum such as \"0.5 Z0 + 0.3 X1\"";
        if (string.IsNullOrWhiteSpace(text))
            throw CircuitRequestException.BadRequest($"\"{field}\" is empty; {Allowed}.", "Invalid observable");
        Hamiltonian h;
        try
        {
            h = Hamiltonian.Parse(text);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or OverflowException)
        {
            throw CircuitRequestException.BadRequest($"\"{field}\": {e.Message} Allowed: {Allowed}.", "Invalid observable");
        }
        if (h.Terms.Any(t => !double.IsFinite(t.Coefficient)))
            throw CircuitRequestException.BadRequest($"\"{field}\" ('{text}') has a non-finite coefficient; coefficients must be finite numbers.", "Invalid observable");
        if (h.MaxWire >= numQubits)
            throw CircuitRequestException.BadRequest(
                $"\"{field}\" ('{text}') names wire {h.MaxWire}, but the circuit has {numQubits} qubit{(numQubits == 1 ? "" : "s")} (wires 0 to {numQubits - 1}).",
                "Invalid observable");
        return new NamedObservable(text.Trim(), h);
    }
}
