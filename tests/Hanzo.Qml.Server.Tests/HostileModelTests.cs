using Xunit.Abstractions;

namespace Hanzo.Qml.Server.Tests;

/// <summary>Hostile bodies for the model routes; accepted training jobs are cancelled and must end with a reason.</summary>
public sealed class HostileModelTests(HostileServer server, ITestOutputHelper output) : IClassFixture<HostileServer>
{
    [Fact]
    public Task Create_model_bodies() => HostileProperty.Run(server, output, HostileRoutes.ModelCreate(), 300, 3001);

    [Fact]
    public async Task Train_bodies()
    {
        await HostileProperty.Run(server, output, HostileRoutes.ModelTrain(), 300, 3002);
        output.WriteLine($"{server.Jobs.Count} training jobs accepted and cancelled; {await server.AssertJobsSettle(10, TimeSpan.FromSeconds(60))} checked to end with a reason");
    }

    [Fact]
    public Task Predict_bodies() => HostileProperty.Run(server, output, HostileRoutes.ModelPredict(), 400, 3003);
}
