namespace Hanzo.Qml.Optimization;

/// <summary>Progress report after one iteration of an optimiser.</summary>
/// <param name="Iteration">Iterations completed (1 after the first).</param>
/// <param name="Evaluations">Objective evaluations so far.</param>
/// <param name="Value">The value this iteration ended with (the best vertex for simplex methods, the current point otherwise; SPSA reports the mean of its two perturbed evaluations).</param>
/// <param name="BestValue">The lowest value evaluated so far.</param>
public readonly record struct OptimizationStep(int Iteration, int Evaluations, double Value, double BestValue);
