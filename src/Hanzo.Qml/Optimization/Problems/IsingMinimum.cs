namespace Hanzo.Qml.Optimization.Problems;

/// <summary>The exact minimum of a diagonal cost found by enumeration.</summary>
/// <param name="Value">The lowest cost.</param>
/// <param name="Indices">Basis indices that attain it, ascending (at most the number asked for; wire 0 is the most significant bit).</param>
/// <param name="Count">How many basis states attain it (may exceed the length of <see cref="Indices"/>).</param>
public sealed record IsingMinimum(double Value, long[] Indices, long Count);
