using System.Globalization;

namespace Hanzo.Qml.Kernels;

/// <summary>How a kernel's γ is chosen, as in scikit-learn.</summary>
public enum KernelGammaMode
{
    /// <summary>A fixed value.</summary>
    Fixed,
    /// <summary>scikit-learn's <c>"scale"</c>: 1 / (n_features · Var(X)), Var over every entry of the training matrix (1 when that variance is 0).</summary>
    Scale,
    /// <summary>scikit-learn's <c>"auto"</c>: 1 / n_features.</summary>
    Auto,
}

/// <summary>The γ setting of the RBF and polynomial kernels: a value, or a rule that derives it from the training data.</summary>
public sealed record KernelGamma
{
    private KernelGamma(KernelGammaMode mode, double value)
    {
        Mode = mode;
        Value = value;
    }

    /// <summary>scikit-learn's default, <c>gamma="scale"</c> = 1 / (n_features · Var(X_train)).</summary>
    public static KernelGamma Scale { get; } = new(KernelGammaMode.Scale, double.NaN);

    /// <summary>scikit-learn's <c>gamma="auto"</c> = 1 / n_features.</summary>
    public static KernelGamma Auto { get; } = new(KernelGammaMode.Auto, double.NaN);

    /// <summary>A fixed γ.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="gamma"/> is not a finite number ≥ 0.</exception>
    public static KernelGamma Fixed(double gamma)
    {
        if (!double.IsFinite(gamma) || gamma < 0) throw new ArgumentOutOfRangeException(nameof(gamma), gamma, "γ must be a finite number ≥ 0.");
        return new KernelGamma(KernelGammaMode.Fixed, gamma);
    }

    /// <summary>The rule.</summary>
    public KernelGammaMode Mode { get; }

    /// <summary>The value when <see cref="Mode"/> is <see cref="KernelGammaMode.Fixed"/>; NaN otherwise.</summary>
    public double Value { get; }

    /// <summary>True for a fixed value.</summary>
    public bool IsFixed => Mode == KernelGammaMode.Fixed;

    /// <summary>The value for <paramref name="training"/> (its rows already validated).</summary>
    public double Resolve(IReadOnlyList<double[]> training)
    {
        ArgumentNullException.ThrowIfNull(training);
        switch (Mode)
        {
            case KernelGammaMode.Fixed: return Value;
            case KernelGammaMode.Auto: return 1.0 / KernelInput.Rows(training, nameof(training));
            default:
            {
                int features = KernelInput.Rows(training, nameof(training));
                double variance = KernelInput.Variance(training);
                return variance == 0 ? 1.0 : 1.0 / (features * variance);
            }
        }
    }

    /// <summary>"scale", "auto" or the value.</summary>
    public override string ToString() => Mode switch
    {
        KernelGammaMode.Scale => "scale",
        KernelGammaMode.Auto => "auto",
        _ => Value.ToString("R", CultureInfo.InvariantCulture),
    };
}
