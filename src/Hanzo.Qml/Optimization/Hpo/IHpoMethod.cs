namespace Hanzo.Qml.Optimization.Hpo;

/// <summary>A hyperparameter search method that spends a fixed evaluation budget.</summary>
public interface IHpoMethod
{
    /// <summary>Short name (<c>qaoa</c>, <c>random</c>, <c>tpe</c>).</summary>
    string Name { get; }

    /// <summary>
    /// Searches <paramref name="space"/> with at most <paramref name="budget"/> evaluations of
    /// <paramref name="objective"/> (fewer only when the space has fewer configurations); each configuration is evaluated at most once.
    /// </summary>
    HpoResult Run(SearchSpace space, IHpoObjective objective, int budget, CancellationToken cancellationToken = default, IProgress<HpoEvaluation>? progress = null);
}
