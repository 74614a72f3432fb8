namespace Hanzo.Qml.Classical.Svm;

/// <summary>Settings of <see cref="SupportVectorClassifier"/>; the defaults are scikit-learn's <c>SVC</c>.</summary>
public sealed record SupportVectorClassifierOptions
{
    /// <summary>C = 1, tolerance 1e-3, shrinking on, no iteration limit.</summary>
    public static SupportVectorClassifierOptions Default { get; } = new();

    /// <summary>Penalty C of margin violations (&gt; 0).</summary>
    public double C { get; init; } = 1.0;

    /// <summary>Stopping tolerance on the maximal KKT violation (LIBSVM's <c>eps</c>, scikit-learn's <c>tol</c>).</summary>
    public double Tolerance { get; init; } = 1e-3;

    /// <summary>Use LIBSVM's shrinking heuristic (same solution, usually faster).</summary>
    public bool Shrinking { get; init; } = true;

    /// <summary>Iteration limit per binary problem; null for none (scikit-learn's <c>max_iter=-1</c>).</summary>
    public int? MaxIterations { get; init; }

    internal void Validate()
    {
        if (!(C > 0) || !double.IsFinite(C)) throw new ArgumentOutOfRangeException(nameof(C), C, "C must be a finite number > 0.");
        if (!(Tolerance > 0) || !double.IsFinite(Tolerance)) throw new ArgumentOutOfRangeException(nameof(Tolerance), Tolerance, "The tolerance must be a finite number > 0.");
        if (MaxIterations is int m && m < 1) throw new ArgumentOutOfRangeException(nameof(MaxIterations), m, "The iteration limit must be at least 1 (or null for none).");
    }
}
