namespace Hanzo.Qml.Optimization.Qaoa;

/// <summary>One observed bitstring of the final sampling.</summary>
/// <param name="Bitstring">Character i is wire i.</param>
/// <param name="Count">Times it was drawn.</param>
/// <param name="Cost">H_C at the bitstring (for MaxCut, minus its cut).</param>
public readonly record struct QaoaSample(string Bitstring, int Count, double Cost);
