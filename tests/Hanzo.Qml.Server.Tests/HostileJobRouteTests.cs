using Xunit.Abstractions;

namespace Hanzo.Qml.Server.Tests;

/// <summary>
/// Hostile bodies for the routes that start jobs (benchmark, QAOA, HPO). Valid bodies are accepted (202) and the job
/// cancelled at once; a sample of them must reach a final state with a reason, not hang.
/// </summary>
public sealed class HostileJobRouteTests(HostileServer server, ITestOutputHelper output) : IClassFixture<HostileServer>
{
    [Fact]
    public async Task Benchmark_bodies()
    {
        await HostileProperty.Run(server, output, HostileRoutes.Benchmark(), 400, 4001);
        await Settle();
    }

    [Fact]
    public async Task Qaoa_bodies()
    {
        await HostileProperty.Run(server, output, HostileRoutes.Qaoa(), 400, 4002);
        await Settle();
    }

    [Fact]
    public async Task Hpo_bodies()
    {
        await HostileProperty.Run(server, output, HostileRoutes.Hpo(), 400, 4003);
        await Settle();
    }

    private async Task Settle() =>
        output.WriteLine($"{server.Jobs.Count} jobs accepted and cancelled so far; {await server.AssertJobsSettle(8, TimeSpan.FromSeconds(60))} checked to end with a reason");
}
