namespace Hanzo.Qml.Classical.Svm;

/// <summary>Settings of <see cref="SupportVectorRegressor"/>; the defaults are scikit-learn's <c>SVR</c>.</summary>
public sealed record SupportVectorRegressorOptions
{
    /// <summary>C = 1, ε = 0.1, tolerance 1e-3, shrinking on, no iteration limit.</summary>
    public static SupportVectorRegressorOptions Default { get; } = new();

    /// <summary>Penalty C (&gt; 0).</summary>
    public double C { get; init; } = 1.0;

    /// <summary>Half-width ε of the insensitive tube (≥ 0).</summary>
    public double Epsilon { get; init; } = 0.1;

    /// <summary>Stopping tolerance (LIBSVM's <c>eps</c>).</summary>
    public double Tolerance { get; init; } = 1e-3;

    /// <summary>Use LIBSVM's shrinking heuristic.</summary>
    public bool Shrinking { get; init; } = true;

    /// <summary>Iteration limit; null for none.</summary>
    public int? MaxIterations { get; init; }

    internal void Validate()
    {
        if (!(C > 0) || !double.IsFinite(C)) throw new ArgumentOutOfRangeException(nameof(C), C, "C must be a finite number > 0.");
        if (!(Epsilon >= 0) || !double.IsFinite(Epsilon)) throw new ArgumentOutOfRangeException(nameof(Epsilon), Epsilon, "ε must be a finite number ≥ 0.");
        if (!(Tolerance > 0) || !double.IsFinite(Tolerance)) throw new ArgumentOutOfRangeException(nameof(Tolerance), Tolerance, "The tolerance must be a finite number > 0.");
        if (MaxIterations is int m && m < 1) throw new ArgumentOutOfRangeException(nameof(MaxIterations), m, "The iteration limit must be at least 1 (or null for none).");
    }
}
