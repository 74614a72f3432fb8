namespace Hanzo.Qml.Circuits;

/// <summary>A Hermitian observable written as a real-weighted sum of Pauli strings.</summary>
public sealed class Hamiltonian
{
    private readonly PauliString[] _terms;

    /// <summary>Creates the sum of <paramref name="terms"/>.</summary>
    public Hamiltonian(IEnumerable<PauliString> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        _terms = [.. terms];
        if (_terms.Length == 0) throw new ArgumentException("A Hamiltonian needs at least one term.", nameof(terms));
    }

    /// <summary>The terms.</summary>
    public IReadOnlyList<PauliString> Terms => _terms;

    /// <summary>Largest wire named by any term.</summary>
    public int MaxWire => _terms.Max(t => t.MaxWire);

    /// <summary>A one-term Hamiltonian.</summary>
    public static implicit operator Hamiltonian(PauliString term) => new([term]);

    /// <summary>
    /// Parses a sum such as <c>"0.5 Z0 - 0.8 X1 X2 + 0.3 Y3"</c>: terms separated by <c>+</c> or <c>-</c> (the sign binds to the
    /// next term), each a <see cref="PauliString.Parse"/> product.
    /// </summary>
    public static Hamiltonian Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var terms = new List<PauliString>();
        int start = 0;
        double sign = 1.0;
        // Whether a non-blank character precedes i: a sign before any term is the first term's own sign. Tracked as the
        // loop goes (not by trimming text[..i] at every sign, which made long sums quadratic).
        bool textBefore = false;
        for (int i = 0; i <= text.Length; i++)
        {
            bool boundary = i == text.Length
                || ((text[i] == '+' || text[i] == '-') && i > 0 && !IsExponentSign(text, i) && textBefore);
            if (i < text.Length && !char.IsWhiteSpace(text[i])) textBefore = true;
            if (!boundary) continue;
            string piece = text[start..i].Trim();
            if (piece.Length > 0)
            {
                var p = PauliString.Parse(piece);
                terms.Add(p.WithCoefficient(sign * p.Coefficient));
            }
            else throw new FormatException(i < text.Length
                ? $"Hamiltonian '{text}': empty term before position {i}."
                : $"Hamiltonian '{text}': a '+' or '-' at the end must be followed by a term.");
            if (i < text.Length) sign = text[i] == '-' ? -1.0 : 1.0;
            start = i + 1;
        }
        if (terms.Count == 0) throw new FormatException($"Hamiltonian '{text}' has no terms.");
        return new Hamiltonian(terms);
    }

    private static bool IsExponentSign(string text, int i) =>
        i >= 2 && (text[i - 1] == 'e' || text[i - 1] == 'E') && char.IsDigit(text[i - 2]);

    /// <inheritdoc />
    public override string ToString() => string.Join(" + ", _terms.Select(t => t.ToString()));
}
