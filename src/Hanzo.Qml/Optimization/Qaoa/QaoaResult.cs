namespace Hanzo.Qml.Optimization.Qaoa;

/// <summary>
/// The outcome of <see cref="QaoaSolver.Solve"/>. Costs are values of H_C (to minimise); for MaxCut in PennyLane's
/// convention a cost is minus a cut, so the best cut is −<see cref="BestCost"/> and the expected cut −<see cref="Expectation"/>.
/// </summary>
public sealed record QaoaResult
{
    /// <summary>The optimised angles (PennyLane's convention, see <see cref="QaoaAngles"/>).</summary>
    public required QaoaAngles Angles { get; init; }

    /// <summary>⟨H_C⟩ at <see cref="Angles"/>.</summary>
    public required double Expectation { get; init; }

    /// <summary>The sampled bitstring of lowest cost (ties: the more often drawn, then the lower index).</summary>
    public required string BestBitstring { get; init; }

    /// <summary>H_C at <see cref="BestBitstring"/>.</summary>
    public required double BestCost { get; init; }

    /// <summary>The bitstring of largest probability in the final state (no sampling).</summary>
    public required string MostProbableBitstring { get; init; }

    /// <summary>Its probability.</summary>
    public required double MostProbableProbability { get; init; }

    /// <summary>H_C at <see cref="MostProbableBitstring"/>.</summary>
    public required double MostProbableCost { get; init; }

    /// <summary>The exact minimum of H_C, found by enumerating the diagonal.</summary>
    public required double OptimalCost { get; init; }

    /// <summary>The largest value of H_C.</summary>
    public required double WorstCost { get; init; }

    /// <summary>Up to 64 bitstrings attaining <see cref="OptimalCost"/>.</summary>
    public required IReadOnlyList<string> OptimalBitstrings { get; init; }

    /// <summary>
    /// ⟨H_C⟩ / min H_C when the minimum is negative (else null): for MaxCut, E[cut] / max cut, the usual QAOA
    /// approximation ratio.
    /// </summary>
    public double? ApproximationRatio => OptimalCost < 0 ? Expectation / OptimalCost : null;

    /// <summary>(max H_C − ⟨H_C⟩)/(max H_C − min H_C): 1 at the optimum, 0 at the worst; defined for every problem with a non-constant cost.</summary>
    public double? NormalizedQuality => WorstCost > OptimalCost ? (WorstCost - Expectation) / (WorstCost - OptimalCost) : null;

    /// <summary>Every drawn bitstring with its count and cost, most frequent first.</summary>
    public required IReadOnlyList<QaoaSample> Samples { get; init; }

    /// <summary>Shots drawn.</summary>
    public required int Shots { get; init; }

    /// <summary>The outer optimisation at the final depth (history = ⟨H_C⟩ per iteration).</summary>
    public required OptimizationResult Optimization { get; init; }

    /// <summary>With <see cref="QaoaInitialStrategy.Interp"/>, the optimisation at each depth 1..p; otherwise the one above.</summary>
    public required IReadOnlyList<OptimizationResult> Stages { get; init; }

    /// <summary>Objective evaluations over all stages.</summary>
    public int TotalEvaluations => Stages.Sum(s => s.Evaluations);
}
