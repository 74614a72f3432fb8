using System.Net;
using System.Net.Http.Json;
using Hanzo.Qml.Server.Circuits;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Hanzo.Qml.Server.Tests;

/// <summary>The QPU budget hook: costs reach <see cref="IExecutionMeter"/> before anything runs, and priced work never runs unmetered.</summary>
public sealed class CircuitMeterTests : IDisposable
{
    private readonly ServerFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    /// <summary>The default statevector backend plus a priced one: 0.5 per execution and 0.01 per shot.</summary>
    private WebApplicationFactory<Program> Priced(IExecutionMeter? meter = null, double? budget = null) => _factory.WithWebHostBuilder(b =>
    {
        if (budget is double limit) b.UseSetting("Budgets:local", limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        b.UseSetting("Backends:0:Name", "statevector");
        b.UseSetting("Backends:1:Name", "priced");
        b.UseSetting("Backends:1:Type", "statevector");
        b.UseSetting("Backends:1:MaxQubits", "10");
        b.UseSetting("Backends:1:PricePerExecution", "0.5");
        b.UseSetting("Backends:1:PricePerShot", "0.01");
        if (meter is not null) b.ConfigureTestServices(s => s.AddSingleton(meter));
    });

    private static HttpClient Api(WebApplicationFactory<Program> factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://localhost:8072") });

    private static async Task<string> CreateBell(HttpClient client)
    {
        var response = await client.PostAsJsonAsync("/v1/circuits", new { qasm = CircuitRouteTests.Bell });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Json()).GetProperty("id").GetString()!;
    }

    private sealed class RecordingMeter(bool allow) : IExecutionMeter
    {
        public List<ExecutionCharge> Charges { get; } = [];

        public ValueTask<MeterDecision> ChargeAsync(ExecutionCharge charge, CancellationToken cancellationToken)
        {
            Charges.Add(charge);
            return ValueTask.FromResult(allow ? MeterDecision.Allow : MeterDecision.Refuse("budget of org local exhausted"));
        }
    }

    [Fact]
    public async Task Priced_backend_without_a_budget_is_a_402_problem_and_free_work_still_runs()
    {
        using var factory = Priced();
        using var client = Api(factory);
        var id = await CreateBell(client);
        var refused = await client.PostAsJsonAsync($"/v1/circuits/{id}/execute", new { shots = 100, backend = "priced" });
        Assert.Equal(HttpStatusCode.PaymentRequired, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var detail = (await refused.Json()).GetProperty("detail").GetString()!;
        Assert.Contains("costs 1.5 on backend \"priced\"", detail, StringComparison.Ordinal);
        Assert.Contains("no QPU budget configured", detail, StringComparison.Ordinal);

        var gradient = await client.PostAsJsonAsync($"/v1/circuits/{id}/gradient", new { observable = "Z0", backend = "priced" });
        Assert.Equal(HttpStatusCode.PaymentRequired, gradient.StatusCode);

        var free = await client.PostAsJsonAsync($"/v1/circuits/{id}/execute", new { shots = 100 });
        Assert.Equal(HttpStatusCode.OK, free.StatusCode);
        Assert.Equal("statevector", (await free.Json()).GetProperty("backend").GetString());
    }

    [Fact]
    public async Task Priced_executions_spend_the_organisation_budget_until_it_is_exhausted()
    {
        using var factory = Priced(budget: 2);
        using var client = Api(factory);
        var id = await CreateBell(client);
        var first = await client.PostAsJsonAsync($"/v1/circuits/{id}/execute", new { shots = 100, backend = "priced" });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var second = await client.PostAsJsonAsync($"/v1/circuits/{id}/execute", new { shots = 100, backend = "priced" });
        Assert.Equal(HttpStatusCode.PaymentRequired, second.StatusCode);
        Assert.Contains("0.5 of its budget of 2 left", (await second.Json()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        // A cheaper execution that still fits is granted; the refusal spent nothing.
        var third = await client.PostAsJsonAsync($"/v1/circuits/{id}/execute", new { probs = true, backend = "priced" });
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        // 1.5 (first) + 0.5 (third: one execution, no shots); the refused second spent nothing.
        var statement = await (await client.GetAsync("/v1/budget")).Json();
        Assert.Equal(2.0, statement.GetProperty("limit").GetDouble());
        Assert.Equal(2.0, statement.GetProperty("spent").GetDouble(), 12);
        Assert.Equal(0.0, statement.GetProperty("remaining").GetDouble(), 12);
    }

    [Fact]
    public async Task Models_cannot_train_on_a_priced_backend()
    {
        using var factory = Priced(budget: 100);
        using var client = Api(factory);
        var response = await client.PostAsJsonAsync("/v1/models", new { type = "vqc", backend = "priced" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not metered", (await response.Json()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/v1/models", new { type = "vqc", backend = "statevector" })).StatusCode);
    }

    [Fact]
    public async Task The_meter_is_charged_the_backend_price_before_execution()
    {
        var meter = new RecordingMeter(allow: true);
        using var factory = Priced(meter);
        using var client = Api(factory);
        var id = await CreateBell(client);
        var batch = await client.PostAsJsonAsync($"/v1/circuits/{id}/execute", new { shots = 100, seed = 1, backend = "priced", batch = new[] { Array.Empty<double>(), Array.Empty<double>(), Array.Empty<double>() } });
        Assert.Equal(HttpStatusCode.OK, batch.StatusCode);
        Assert.Equal("priced", (await batch.Json()).GetProperty("backend").GetString());
        var exact = await client.PostAsJsonAsync($"/v1/circuits/{id}/execute", new { probs = true, backend = "PRICED" });
        Assert.Equal(HttpStatusCode.OK, exact.StatusCode);
        var free = await client.PostAsJsonAsync($"/v1/circuits/{id}/execute", new { probs = true });
        Assert.Equal(HttpStatusCode.OK, free.StatusCode);

        Assert.Equal(3, meter.Charges.Count);
        var c = meter.Charges[0];
        Assert.Equal(("local", "priced", id, 3, 100), (c.OrganisationId, c.Backend, c.CircuitId, c.Executions, c.ShotsPerExecution));
        Assert.Equal(3 * (0.5 + 0.01 * 100), c.Cost, 1e-12);
        Assert.Equal(0.5, meter.Charges[1].Cost, 1e-12);
        Assert.Equal(0.0, meter.Charges[2].Cost);
        Assert.Equal("statevector", meter.Charges[2].Backend);
    }

    [Fact]
    public async Task A_parameter_shift_gradient_is_charged_one_run_per_shifted_evaluation()
    {
        var meter = new RecordingMeter(allow: true);
        using var factory = Priced(meter);
        using var client = Api(factory);
        // basic_entangler on 2 qubits, 1 layer: two RX weights, each shifted twice, plus the value: 5 runs.
        var created = await client.PostAsJsonAsync("/v1/circuits", new { n_qubits = 2, ansatz = "basic_entangler" });
        var id = (await created.Json()).GetProperty("id").GetString()!;
        var shift = await client.PostAsJsonAsync($"/v1/circuits/{id}/gradient", new { weights = new[] { 0.1, 0.2 }, observable = "Z0", method = "parameter-shift", backend = "priced" });
        Assert.Equal(HttpStatusCode.OK, shift.StatusCode);
        var adjoint = await client.PostAsJsonAsync($"/v1/circuits/{id}/gradient", new { weights = new[] { 0.1, 0.2 }, observable = "Z0", backend = "priced" });
        Assert.Equal(HttpStatusCode.OK, adjoint.StatusCode);
        Assert.Equal(5, meter.Charges[0].Executions);
        Assert.Equal(2.5, meter.Charges[0].Cost, 1e-12);
        Assert.Equal(1, meter.Charges[1].Executions);
    }

    [Fact]
    public async Task A_refusing_meter_gives_402_with_its_reason_and_nothing_runs()
    {
        var meter = new RecordingMeter(allow: false);
        using var factory = Priced(meter);
        using var client = Api(factory);
        var id = await CreateBell(client);
        var response = await client.PostAsJsonAsync($"/v1/circuits/{id}/execute", new { probs = true, backend = "priced" });
        Assert.Equal(HttpStatusCode.PaymentRequired, response.StatusCode);
        Assert.Equal("budget of org local exhausted", (await response.Json()).GetProperty("detail").GetString());

        // Validation comes first: an invalid request is never charged.
        var invalid = await client.PostAsJsonAsync($"/v1/circuits/{id}/execute", new { shots = -1, backend = "priced" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Single(meter.Charges);
    }

    [Fact]
    public async Task A_circuit_larger_than_the_chosen_backend_is_refused()
    {
        using var factory = Priced();
        using var client = Api(factory);
        var created = await client.PostAsJsonAsync("/v1/circuits", new { n_qubits = 12, encoding = "angle" });
        var id = (await created.Json()).GetProperty("id").GetString()!;
        var response = await client.PostAsJsonAsync($"/v1/circuits/{id}/execute", new { features = new double[12], probs = true, backend = "priced" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("backend \"priced\" accepts at most 10", (await response.Json()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
