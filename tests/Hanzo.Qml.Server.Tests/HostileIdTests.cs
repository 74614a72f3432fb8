using Xunit.Abstractions;

namespace Hanzo.Qml.Server.Tests;

/// <summary>Hostile ids in every id route, odd methods and query strings: 404/405/400 problems, never a 5xx.</summary>
public sealed class HostileIdTests(HostileServer server, ITestOutputHelper output) : IClassFixture<HostileServer>
{
    [Fact]
    public Task Hostile_ids() => HostileProperty.Run(server, output, HostileRoutes.IdRoutes(), 500, 5001);

    [Fact]
    public Task Odd_queries_and_methods() => HostileProperty.Run(server, output, HostileRoutes.Queries(), 300, 5002);
}
