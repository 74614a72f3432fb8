namespace Hanzo.Qml.Optimization.Hpo;

/// <summary>
/// Settings every search method shares. With the same seed all methods draw the same initial random configurations,
/// so a comparison differs only in how each method uses what it has seen.
/// </summary>
public record HpoOptions
{
    /// <summary>Seed of every random choice (default 0).</summary>
    public long Seed { get; init; }

    /// <summary>Random configurations evaluated before a model-based method starts proposing (default 4).</summary>
    public int InitialEvaluations { get; init; } = 4;

    internal void ValidateCommon() => OptionCheck.AtLeast(InitialEvaluations, 1, nameof(InitialEvaluations));
}
