using Xunit.Abstractions;

namespace Hanzo.Qml.Server.Tests;

/// <summary>Hostile bodies for the kernel routes: never a 5xx, every 4xx a problem with a detail, the server stays up.</summary>
public sealed class HostileKernelTests(HostileServer server, ITestOutputHelper output) : IClassFixture<HostileServer>
{
    [Fact]
    public Task Create_kernel_bodies() => HostileProperty.Run(server, output, HostileRoutes.KernelCreate(), 400, 1001);

    [Fact]
    public Task Evaluate_bodies() => HostileProperty.Run(server, output, HostileRoutes.KernelEvaluate(), 300, 1002);

    [Fact]
    public Task Matrix_bodies() => HostileProperty.Run(server, output, HostileRoutes.KernelMatrix(), 300, 1003);
}
