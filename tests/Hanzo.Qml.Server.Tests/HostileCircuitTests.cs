using Xunit.Abstractions;

namespace Hanzo.Qml.Server.Tests;

/// <summary>Hostile bodies for the circuit routes, structural and OpenQASM: never a 5xx, every 4xx a problem with a detail.</summary>
public sealed class HostileCircuitTests(HostileServer server, ITestOutputHelper output) : IClassFixture<HostileServer>
{
    [Fact]
    public Task Create_circuit_bodies() => HostileProperty.Run(server, output, HostileRoutes.CircuitCreate(), 600, 2001);

    [Fact]
    public Task Execute_bodies() => HostileProperty.Run(server, output, HostileRoutes.CircuitExecute(server.CircuitWeights, server.CircuitFeatures), 400, 2002);

    [Fact]
    public Task Execute_bodies_on_a_qasm_circuit() => HostileProperty.Run(server, output, HostileRoutes.QasmCircuitExecute(), 150, 2003);

    [Fact]
    public Task Gradient_bodies() => HostileProperty.Run(server, output, HostileRoutes.CircuitGradient(server.CircuitWeights, server.CircuitFeatures), 400, 2004);
}
