namespace Hanzo.Qml.Kernels;

/// <summary>
/// A positive-semidefinite kernel k(x, z) on feature vectors, with the matrices a kernel SVM needs: train×train
/// (<see cref="Matrix(IReadOnlyList{double[]}, IProgress{double}?, CancellationToken)"/>) and test×train
/// (<see cref="Matrix(IReadOnlyList{double[]}, IReadOnlyList{double[]}, IProgress{double}?, CancellationToken)"/>).
/// </summary>
/// <remarks>
/// Some kernels have a hyperparameter that is derived from the training data (scikit-learn's <c>gamma="scale"</c>,
/// the projected quantum kernel's default γ). <see cref="FitTo"/> resolves it and returns a kernel with every
/// hyperparameter fixed; the matrix methods of an unresolved kernel resolve it from the training samples they are given
/// (the samples of the train×train matrix, the second argument of the test×train matrix). <see cref="Evaluate"/> needs
/// a resolved kernel. Kernels are immutable and safe to share between threads.
/// </remarks>
public interface IKernel
{
    /// <summary>Short name of the kernel ("rbf", "fidelity", …) for reports and serialisation.</summary>
    string Name { get; }

    /// <summary>True when every hyperparameter is fixed, so <see cref="Evaluate"/> may be called.</summary>
    bool IsResolved { get; }

    /// <summary>k(x, z) for one pair.</summary>
    /// <exception cref="ArgumentException">When a vector is empty, has the wrong length or holds NaN/∞.</exception>
    /// <exception cref="InvalidOperationException">When a data-dependent hyperparameter is unresolved (call <see cref="FitTo"/>).</exception>
    double Evaluate(ReadOnlySpan<double> x, ReadOnlySpan<double> z);

    /// <summary>The symmetric train×train matrix K[i, j] = k(xᵢ, xⱼ).</summary>
    /// <param name="samples">The samples, one feature vector per row (at least one row, all of the same length).</param>
    /// <param name="progress">Receives the fraction of work done in [0, 1]; may be called from worker threads.</param>
    /// <param name="cancellationToken">Stops the computation between blocks of work (throws <see cref="OperationCanceledException"/>).</param>
    double[,] Matrix(IReadOnlyList<double[]> samples, IProgress<double>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>The rectangular matrix K[i, j] = k(samplesᵢ, trainingⱼ) (test×train).</summary>
    /// <param name="samples">Row samples (e.g. the test set).</param>
    /// <param name="training">Column samples: the training set, from which unresolved hyperparameters are resolved.</param>
    /// <param name="progress">Receives the fraction of work done in [0, 1]; may be called from worker threads.</param>
    /// <param name="cancellationToken">Stops the computation between blocks of work.</param>
    double[,] Matrix(IReadOnlyList<double[]> samples, IReadOnlyList<double[]> training, IProgress<double>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// This kernel with its data-dependent hyperparameters resolved from <paramref name="training"/>; the kernel itself
    /// when it has none (or they are already fixed).
    /// </summary>
    IKernel FitTo(IReadOnlyList<double[]> training);
}
