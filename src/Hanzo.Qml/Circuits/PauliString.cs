using System.Globalization;
using System.Text;

namespace Hanzo.Qml.Circuits;

/// <summary>
/// A coefficient times a tensor product of Pauli operators on distinct wires, e.g. <c>0.5 · Z0 X3</c>.
/// Wires not named carry the identity.
/// </summary>
public sealed class PauliString
{
    private readonly (int Wire, Pauli Op)[] _factors;

    /// <summary>Creates a Pauli string; identity factors are dropped and wires must be distinct.</summary>
    public PauliString(IEnumerable<(int Wire, Pauli Op)> factors, double coefficient = 1.0)
    {
        ArgumentNullException.ThrowIfNull(factors);
        if (!double.IsFinite(coefficient)) throw new ArgumentException($"A Pauli coefficient must be finite; got {coefficient}.", nameof(coefficient));
        var list = factors.Where(f => f.Op != Pauli.I).OrderBy(f => f.Wire).ToArray();
        for (int i = 0; i < list.Length; i++)
        {
            if (list[i].Wire < 0) throw new ArgumentOutOfRangeException(nameof(factors), $"Wire {list[i].Wire} is negative.");
            if (i > 0 && list[i].Wire == list[i - 1].Wire) throw new ArgumentException($"Wire {list[i].Wire} appears twice in a Pauli string.", nameof(factors));
        }
        _factors = list;
        Coefficient = coefficient;
    }

    /// <summary>The coefficient.</summary>
    public double Coefficient { get; }

    /// <summary>Non-identity factors, sorted by wire.</summary>
    public IReadOnlyList<(int Wire, Pauli Op)> Factors => _factors;

    /// <summary>Largest wire named, or −1 for the identity.</summary>
    public int MaxWire => _factors.Length == 0 ? -1 : _factors[^1].Wire;

    /// <summary>
    /// The string's action on basis states of an n-qubit register: P|j⟩ = Phase·(−1)^popcount(j &amp; Sign)·|j ⊕ Flip⟩,
    /// where Flip marks X and Y factors, Sign marks Y and Z factors and Phase = coefficient·i^(number of Y).
    /// </summary>
    internal (long Flip, long Sign, System.Numerics.Complex Phase) BasisAction(int numQubits)
    {
        if (MaxWire >= numQubits) throw new ArgumentException($"Observable '{this}' names wire {MaxWire}, outside the {numQubits}-qubit register.");
        long flip = 0, sign = 0;
        int ys = 0;
        foreach (var (wire, op) in _factors)
        {
            long bit = 1L << (numQubits - 1 - wire);
            if (op is Pauli.X or Pauli.Y) flip |= bit;
            if (op is Pauli.Y or Pauli.Z) sign |= bit;
            if (op == Pauli.Y) ys++;
        }
        var i = System.Numerics.Complex.ImaginaryOne;
        var phase = (ys & 3) switch { 0 => 1, 1 => i, 2 => -1, _ => -i };
        return (flip, sign, Coefficient * phase);
    }

    /// <summary>The same string with another coefficient.</summary>
    public PauliString WithCoefficient(double coefficient) => new(_factors, coefficient);

    /// <summary>Pauli Z on one wire.</summary>
    public static PauliString Z(int wire) => new([(wire, Pauli.Z)]);

    /// <summary>
    /// Parses a product such as <c>"Z0 Z3"</c>, <c>"X1 Y2"</c>, <c>"Z0Z1"</c> or <c>"I"</c>: Pauli letters each followed by a wire
    /// number, optionally separated by spaces or <c>@</c>/<c>*</c>, with an optional leading coefficient (<c>"0.5 Z0"</c>).
    /// </summary>
    /// <exception cref="FormatException">With the position and what was expected.</exception>
    public static PauliString Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int pos = 0;
        double coefficient = 1.0;
        var factors = new List<(int, Pauli)>();
        bool sawIdentity = false;
        if (text.Trim().Length == 0) throw new FormatException("An empty Pauli string is not an observable; use \"I\" for the identity.");
        SkipSeparators(text, ref pos);
        if (pos < text.Length && (char.IsDigit(text[pos]) || text[pos] is '-' or '+' or '.'))
        {
            int start = pos;
            while (pos < text.Length && (char.IsDigit(text[pos]) || text[pos] is '-' or '+' or '.' or 'e' or 'E')) pos++;
            if (!double.TryParse(text.AsSpan(start, pos - start), NumberStyles.Float, CultureInfo.InvariantCulture, out coefficient))
                throw new FormatException($"Pauli string '{text}': '{text[start..pos]}' at position {start} is not a number.");
            SkipSeparators(text, ref pos);
        }
        while (pos < text.Length)
        {
            char c = char.ToUpperInvariant(text[pos]);
            Pauli op = c switch
            {
                'I' => Pauli.I, 'X' => Pauli.X, 'Y' => Pauli.Y, 'Z' => Pauli.Z,
                _ => throw new FormatException($"Pauli string '{text}': expected a Pauli letter I, X, Y or Z at position {pos}, found '{text[pos]}'."),
            };
            pos++;
            sawIdentity |= op == Pauli.I;
            int start = pos;
            while (pos < text.Length && char.IsDigit(text[pos])) pos++;
            if (start == pos)
            {
                if (op == Pauli.I && factors.Count == 0 && pos == text.Length) break; // the bare identity "I"
                throw new FormatException($"Pauli string '{text}': expected a wire number after '{text[start - 1]}' at position {start}.");
            }
            int wire = int.Parse(text.AsSpan(start, pos - start), CultureInfo.InvariantCulture);
            factors.Add((wire, op));
            SkipSeparators(text, ref pos);
        }
        if (factors.Count == 0 && !sawIdentity)
            throw new FormatException($"Pauli string '{text}' names no operator; write \"I\" for a multiple of the identity.");
        try
        {
            return new PauliString(factors, coefficient);
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"Pauli string '{text}': {e.Message}", e);
        }
    }

    private static void SkipSeparators(string text, ref int pos)
    {
        while (pos < text.Length && (char.IsWhiteSpace(text[pos]) || text[pos] is '@' or '*')) pos++;
    }

    /// <summary>Canonical form: letters and wires separated by spaces, the coefficient first when it is not 1.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        if (Coefficient != 1.0) sb.Append(Coefficient.ToString("R", CultureInfo.InvariantCulture)).Append(' ');
        if (_factors.Length == 0) sb.Append('I');
        for (int i = 0; i < _factors.Length; i++)
        {
            if (i > 0) sb.Append(' ');
            sb.Append(_factors[i].Op.ToString()).Append(_factors[i].Wire.ToString(CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }
}
