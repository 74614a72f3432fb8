using System.Collections.ObjectModel;

namespace Hanzo.Qml.Optimization;

/// <summary>
/// A snapshot of an <see cref="IGradientStepper"/>'s state (step count and per-coordinate buffers such as Adam's
/// moments or SGD's velocity), so that a training run can be stopped and continued to the bit. Immutable: the buffers
/// are copied in.
/// </summary>
/// <remarks>
/// The hyperparameters (learning rate, β₁, β₂, momentum) are not part of the state: they belong to the optimiser the
/// stepper was created from, and the state is only meaningful when imported into a stepper of an optimiser with the
/// same settings.
/// </remarks>
public sealed class GradientStepperState
{
    /// <summary>Creates a snapshot; the buffers are copied.</summary>
    /// <param name="optimizer">Name of the optimiser that wrote it (<see cref="IOptimizer.Name"/>, e.g. "adam").</param>
    /// <param name="steps">Steps the stepper had taken.</param>
    /// <param name="buffers">Named per-coordinate buffers.</param>
    /// <exception cref="ArgumentException">When the name is empty, the step count negative, or a buffer null.</exception>
    public GradientStepperState(string optimizer, int steps, IReadOnlyDictionary<string, IReadOnlyList<double>> buffers)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(optimizer);
        ArgumentOutOfRangeException.ThrowIfNegative(steps);
        ArgumentNullException.ThrowIfNull(buffers);
        Optimizer = optimizer;
        Steps = steps;
        // Sorted so that serialised checkpoints of equal states are equal text.
        var copy = new SortedDictionary<string, IReadOnlyList<double>>(StringComparer.Ordinal);
        foreach (var (name, values) in buffers)
            copy[name] = Array.AsReadOnly(values?.ToArray() ?? throw new ArgumentException($"Buffer \"{name}\" is null.", nameof(buffers)));
        Buffers = new ReadOnlyDictionary<string, IReadOnlyList<double>>(copy);
    }

    /// <summary>Name of the optimiser that wrote the state.</summary>
    public string Optimizer { get; }

    /// <summary>Steps taken when the snapshot was made.</summary>
    public int Steps { get; }

    /// <summary>Named per-coordinate buffers (Adam: "m" and "v"; SGD: "velocity").</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<double>> Buffers { get; }

    /// <summary>Refuses a state written by another optimiser.</summary>
    internal void CheckOptimizer(string name)
    {
        if (Optimizer != name)
            throw new ArgumentException($"The stepper state was written by \"{Optimizer}\" and cannot be imported into a \"{name}\" stepper.", "state");
    }

    /// <summary>A copy of buffer <paramref name="name"/>, checked to have <paramref name="dimension"/> finite entries.</summary>
    internal double[] Buffer(string name, int dimension)
    {
        if (!Buffers.TryGetValue(name, out var values))
            throw new ArgumentException($"The \"{Optimizer}\" stepper state lacks its \"{name}\" buffer.", "state");
        if (values.Count != dimension)
            throw new ArgumentException($"The \"{Optimizer}\" stepper state's \"{name}\" buffer has {values.Count} entries; this stepper updates {dimension} parameters.", "state");
        var copy = values.ToArray();
        for (int i = 0; i < copy.Length; i++)
            if (!double.IsFinite(copy[i])) throw new ArgumentException($"The \"{Optimizer}\" stepper state's \"{name}\"[{i}] is {copy[i]}; it must be finite.", "state");
        return copy;
    }
}
