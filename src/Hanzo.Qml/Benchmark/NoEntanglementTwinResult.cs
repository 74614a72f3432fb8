namespace Hanzo.Qml.Benchmark;

/// <summary>The quantum model with its entangling gates removed, run on the same splits, and how it compares.</summary>
/// <param name="Twin">The twin's cross-validation results.</param>
/// <param name="VersusQuantum">The quantum model (candidate) against its twin (reference) on the primary metric.</param>
/// <param name="VersusBestClassical">The twin (candidate) against the best classical baseline (reference).</param>
/// <param name="EntanglementMatters">True when the entangling model beats its twin significantly (corrected t-test, α of the run).</param>
/// <param name="Summary">One sentence for reports.</param>
public sealed record NoEntanglementTwinResult(ModelResult Twin, SignificanceResult VersusQuantum, SignificanceResult VersusBestClassical, bool EntanglementMatters, string Summary);
