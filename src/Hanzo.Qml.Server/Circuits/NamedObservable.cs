using Hanzo.Qml.Circuits;

namespace Hanzo.Qml.Server.Circuits;

/// <summary>An observable as the caller wrote it (the key of its result) and its parsed form.</summary>
/// <param name="Text">The text, trimmed.</param>
/// <param name="Hamiltonian">The parsed sum of Pauli strings.</param>
public sealed record NamedObservable(string Text, Hamiltonian Hamiltonian);
