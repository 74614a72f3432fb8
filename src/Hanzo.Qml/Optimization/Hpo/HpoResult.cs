namespace Hanzo.Qml.Optimization.Hpo;

/// <summary>The outcome of one hyperparameter search.</summary>
public sealed record HpoResult
{
    /// <summary>The method's name (<c>qaoa</c>, <c>random</c>, <c>tpe</c>).</summary>
    public required string Method { get; init; }

    /// <summary>Every evaluation in order.</summary>
    public required IReadOnlyList<HpoEvaluation> History { get; init; }

    /// <summary>The configuration of lowest value (the earliest on ties).</summary>
    public Configuration BestConfiguration => Best.Configuration;

    /// <summary>The lowest value found.</summary>
    public double BestValue => Best.Value;

    /// <summary>1-based evaluation at which <see cref="BestValue"/> was first reached: the "found it first" measure.</summary>
    public int EvaluationsToBest => Best.Number;

    /// <summary>Lowest value after each evaluation.</summary>
    public IReadOnlyList<double> BestSoFar
    {
        get
        {
            var curve = new double[History.Count];
            double best = double.PositiveInfinity;
            for (int i = 0; i < curve.Length; i++) curve[i] = best = Math.Min(best, History[i].Value);
            return curve;
        }
    }

    /// <summary>Number of evaluations spent (below the budget only when the space ran out).</summary>
    public int Evaluations => History.Count;

    /// <summary>Wall-clock time of the whole search, evaluations included.</summary>
    public required TimeSpan WallTime { get; init; }

    private HpoEvaluation Best => History.Count > 0
        ? History.Aggregate((a, b) => b.Value < a.Value ? b : a)
        : throw new InvalidOperationException("The search made no evaluation.");
}
