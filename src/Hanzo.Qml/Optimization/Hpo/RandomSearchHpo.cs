namespace Hanzo.Qml.Optimization.Hpo;

/// <summary>
/// Seeded random search without replacement: the baseline any model-based method has to beat. Its first
/// <see cref="HpoOptions.InitialEvaluations"/> draws are the other methods' initial design (same seed, same stream).
/// </summary>
public sealed class RandomSearchHpo : IHpoMethod
{
    /// <summary>A random search with <paramref name="options"/> (seed).</summary>
    public RandomSearchHpo(HpoOptions? options = null)
    {
        Options = options ?? new HpoOptions();
        Options.ValidateCommon();
    }

    /// <summary>The settings.</summary>
    public HpoOptions Options { get; }

    /// <inheritdoc />
    public string Name => "random";

    /// <inheritdoc />
    public HpoResult Run(SearchSpace space, IHpoObjective objective, int budget, CancellationToken cancellationToken = default, IProgress<HpoEvaluation>? progress = null)
    {
        var run = new HpoRun(Name, space, objective, budget, Options.Seed, cancellationToken, progress);
        run.InitialDesign(run.Budget);
        return run.Result();
    }
}
