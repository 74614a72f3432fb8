namespace Hanzo.Qml.Optimization;

/// <summary>
/// The update rule of a gradient optimiser with its state (momentum, moment estimates), for training loops that
/// compute their own gradients, e.g. on mini-batches. Not thread-safe: one stepper per training run.
/// </summary>
public interface IGradientStepper
{
    /// <summary>Length of the parameter vectors this stepper updates.</summary>
    int Dimension { get; }

    /// <summary>Number of steps taken so far.</summary>
    int Steps { get; }

    /// <summary>Moves <paramref name="parameters"/> one step against <paramref name="gradient"/> (in place).</summary>
    /// <exception cref="ArgumentException">When a span's length is not <see cref="Dimension"/> or the gradient is not finite.</exception>
    void Step(Span<double> parameters, ReadOnlySpan<double> gradient);

    /// <summary>A snapshot of the state (step count and buffers), for checkpoints.</summary>
    GradientStepperState ExportState();

    /// <summary>
    /// Replaces the state with <paramref name="state"/>, so the next <see cref="Step"/> is the one the exporting stepper
    /// would have taken. The stepper must come from an optimiser with the same settings (they are not in the state).
    /// </summary>
    /// <exception cref="ArgumentException">When the state is from another optimiser or its buffers do not have <see cref="Dimension"/> finite entries.</exception>
    void ImportState(GradientStepperState state);
}
