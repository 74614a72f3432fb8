using System.Globalization;

namespace Hanzo.Qml.Circuits;

/// <summary>
/// A gate angle: <c>Scale · base + Offset</c>, where the base is 0 (constant), a weight, a feature, or a product of
/// features. Keeping angles symbolic lets one circuit structure run on many inputs and weights, and gives the
/// chain-rule factors ∂angle/∂weight and ∂angle/∂feature that the gradient methods need.
/// </summary>
public readonly record struct ParameterExpression
{
    private readonly int[]? _indices;

    private ParameterExpression(ParameterKind kind, int[]? indices, double scale, double offset)
    {
        Kind = kind;
        _indices = indices;
        Scale = scale;
        Offset = offset;
    }

    /// <summary>What the angle depends on.</summary>
    public ParameterKind Kind { get; }

    /// <summary>Weight or feature indices the angle depends on (empty for constants).</summary>
    public ReadOnlySpan<int> Indices => _indices;

    /// <summary>Multiplier of the base value.</summary>
    public double Scale { get; }

    /// <summary>Added after scaling (the whole value for a constant).</summary>
    public double Offset { get; }

    /// <summary>The index of a weight or single-feature parameter.</summary>
    public int Index => _indices is { Length: > 0 } ? _indices[0] : throw new InvalidOperationException("A constant has no index.");

    /// <summary>A fixed angle.</summary>
    public static ParameterExpression Constant(double value)
    {
        if (!double.IsFinite(value)) throw new ArgumentException($"A gate angle must be finite; got {value}.", nameof(value));
        return new(ParameterKind.Constant, null, 0.0, value);
    }

    /// <summary>The trainable weight θ[index] times <paramref name="scale"/>.</summary>
    public static ParameterExpression Weight(int index, double scale = 1.0) =>
        new(ParameterKind.Weight, [CheckIndex(index, "weight")], CheckScale(scale), 0.0);

    /// <summary>The input feature x[index] times <paramref name="scale"/>.</summary>
    public static ParameterExpression Feature(int index, double scale = 1.0) =>
        new(ParameterKind.Feature, [CheckIndex(index, "feature")], CheckScale(scale), 0.0);

    /// <summary><paramref name="scale"/> · Π x[i] over <paramref name="indices"/>.</summary>
    public static ParameterExpression FeatureProduct(IReadOnlyList<int> indices, double scale = 1.0) =>
        new(ParameterKind.FeatureProduct, CheckIndices(indices), CheckScale(scale), 0.0);

    /// <summary><paramref name="scale"/> · Π (π − x[i]) over <paramref name="indices"/>.</summary>
    public static ParameterExpression PiMinusFeatureProduct(IReadOnlyList<int> indices, double scale = 1.0) =>
        new(ParameterKind.PiMinusFeatureProduct, CheckIndices(indices), CheckScale(scale), 0.0);

    /// <summary>Implicit conversion of a number to a constant angle.</summary>
    public static implicit operator ParameterExpression(double value) => Constant(value);

    /// <summary>The same expression multiplied by <paramref name="factor"/> (offset included).</summary>
    public ParameterExpression Times(double factor) => new(Kind, _indices, Scale * factor, Offset * factor);

    /// <summary>The negated expression (used by gate adjoints).</summary>
    public ParameterExpression Negate() => Times(-1.0);

    /// <summary>The same expression plus <paramref name="delta"/>.</summary>
    public ParameterExpression Plus(double delta) => new(Kind, _indices, Scale, Offset + delta);

    /// <summary>True when the angle depends on a trainable weight.</summary>
    public bool DependsOnWeights => Kind == ParameterKind.Weight;

    /// <summary>True when the angle depends on input features.</summary>
    public bool DependsOnFeatures => Kind is ParameterKind.Feature or ParameterKind.FeatureProduct or ParameterKind.PiMinusFeatureProduct;

    /// <summary>Evaluates the angle for the given weights and features.</summary>
    public double Evaluate(ReadOnlySpan<double> weights, ReadOnlySpan<double> features)
    {
        switch (Kind)
        {
            case ParameterKind.Constant:
                return Offset;
            case ParameterKind.Weight:
                return Scale * weights[_indices![0]] + Offset;
            case ParameterKind.Feature:
                return Scale * features[_indices![0]] + Offset;
            case ParameterKind.FeatureProduct:
            {
                double p = 1.0;
                foreach (int i in _indices!) p *= features[i];
                return Scale * p + Offset;
            }
            default:
            {
                double p = 1.0;
                foreach (int i in _indices!) p *= Math.PI - features[i];
                return Scale * p + Offset;
            }
        }
    }

    /// <summary>∂angle/∂x[<paramref name="feature"/>] at the given features (0 when it does not depend on it).</summary>
    public double FeatureDerivative(int feature, ReadOnlySpan<double> features)
    {
        if (!DependsOnFeatures) return 0.0;
        double total = 0.0;
        var idx = _indices!;
        for (int k = 0; k < idx.Length; k++)
        {
            if (idx[k] != feature) continue;
            double p = Kind == ParameterKind.PiMinusFeatureProduct ? -1.0 : 1.0;
            for (int m = 0; m < idx.Length; m++)
            {
                if (m == k) continue;
                p *= Kind == ParameterKind.PiMinusFeatureProduct ? Math.PI - features[idx[m]] : features[idx[m]];
            }
            total += p;
        }
        return Scale * total;
    }

    /// <summary>A readable form, e.g. <c>2*x[0]</c>, <c>0.5*w[3]</c>, <c>(pi-x[0])*(pi-x[1])</c>.</summary>
    public override string ToString()
    {
        var inv = CultureInfo.InvariantCulture;
        string body = Kind switch
        {
            ParameterKind.Constant => Offset.ToString("R", inv),
            ParameterKind.Weight => $"w[{_indices![0]}]",
            ParameterKind.Feature => $"x[{_indices![0]}]",
            ParameterKind.FeatureProduct => string.Join("*", _indices!.Select(i => $"x[{i}]")),
            _ => string.Join("*", _indices!.Select(i => $"(pi-x[{i}])")),
        };
        if (Kind == ParameterKind.Constant) return body;
        string scaled = Scale == 1.0 ? body : $"{Scale.ToString("R", inv)}*{body}";
        return Offset == 0.0 ? scaled : $"{scaled}+{Offset.ToString("R", inv)}";
    }

    private static int CheckIndex(int index, string what) =>
        index >= 0 ? index : throw new ArgumentOutOfRangeException(nameof(index), index, $"A {what} index must be ≥ 0.");

    private static double CheckScale(double scale) =>
        double.IsFinite(scale) ? scale : throw new ArgumentException($"A parameter scale must be finite; got {scale}.", nameof(scale));

    private static int[] CheckIndices(IReadOnlyList<int> indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        if (indices.Count == 0) throw new ArgumentException("A feature product needs at least one feature index.", nameof(indices));
        var copy = new int[indices.Count];
        for (int i = 0; i < copy.Length; i++) copy[i] = CheckIndex(indices[i], "feature");
        return copy;
    }
}
