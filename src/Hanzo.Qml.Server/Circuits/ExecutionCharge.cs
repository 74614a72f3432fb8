namespace Hanzo.Qml.Server.Circuits;

/// <summary>What one request is about to run on a backend, and what it costs there.</summary>
/// <param name="OrganisationId">The organisation that pays.</param>
/// <param name="Backend">Backend name.</param>
/// <param name="CircuitId">The circuit.</param>
/// <param name="Executions">Circuit runs (batch rows, or the runs a gradient method needs).</param>
/// <param name="ShotsPerExecution">Shots of each run (0 for exact expectation values).</param>
/// <param name="Cost">Price in budget units, from <see cref="CircuitCost.Of"/>; 0 on a free backend.</param>
public sealed record ExecutionCharge(string OrganisationId, string Backend, string CircuitId, int Executions, int ShotsPerExecution, double Cost);
