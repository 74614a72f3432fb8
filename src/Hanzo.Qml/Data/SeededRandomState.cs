namespace Hanzo.Qml.Data;

/// <summary>
/// The complete position of a <see cref="SeededRandom"/> stream, so a stream can be saved (in a training checkpoint)
/// and continued later to the bit.
/// </summary>
/// <param name="Counter">SplitMix64's 64-bit counter.</param>
/// <param name="SpareNormal">The second deviate of the last polar-method pair, not yet returned; null when none is held.</param>
public readonly record struct SeededRandomState(ulong Counter, double? SpareNormal);
