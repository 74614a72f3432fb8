namespace Hanzo.Qml.Classical.Svm;

/// <summary>Shape and value checks of the kernel matrices the SVMs take, with messages that name the mismatch.</summary>
internal static class SvmInput
{
    /// <summary>Checks a square training kernel with one row per target; returns its size.</summary>
    public static int TrainingKernel(double[,] kernel, int targets)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        int n = kernel.GetLength(0);
        if (n == 0) throw new ArgumentException("The kernel matrix is empty; at least two training samples are needed.", nameof(kernel));
        if (kernel.GetLength(1) != n) throw new ArgumentException($"A training kernel must be square (train×train); got {n}×{kernel.GetLength(1)}.", nameof(kernel));
        if (targets != n) throw new ArgumentException($"The kernel has {n} rows but {targets} targets were given.", nameof(kernel));
        Finite(kernel);
        return n;
    }

    /// <summary>Checks a prediction kernel with <paramref name="columns"/> columns; returns its row count.</summary>
    public static int PredictionKernel(double[,] kernel, int columns)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        if (kernel.GetLength(1) != columns)
            throw new ArgumentException($"The kernel has {kernel.GetLength(1)} columns; it needs one per training sample ({columns}): K[i, j] = k(testᵢ, trainⱼ).", nameof(kernel));
        Finite(kernel);
        return kernel.GetLength(0);
    }

    private static void Finite(double[,] kernel)
    {
        int n = kernel.GetLength(0), m = kernel.GetLength(1);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < m; j++)
                if (!double.IsFinite(kernel[i, j])) throw new ArgumentException($"Kernel entry [{i}, {j}] is {kernel[i, j]}; entries must be finite.", nameof(kernel));
    }
}
