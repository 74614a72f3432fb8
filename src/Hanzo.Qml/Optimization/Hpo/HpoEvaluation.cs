namespace Hanzo.Qml.Optimization.Hpo;

/// <summary>One evaluation of a search.</summary>
/// <param name="Number">1-based position in the search's history.</param>
/// <param name="Configuration">What was evaluated.</param>
/// <param name="Value">The objective's value (lower is better).</param>
/// <param name="Source">Why it was chosen: <c>random</c> (initial design or fallback) or the method's own proposal (<c>qaoa</c>, <c>tpe</c>).</param>
public sealed record HpoEvaluation(int Number, Configuration Configuration, double Value, string Source);
