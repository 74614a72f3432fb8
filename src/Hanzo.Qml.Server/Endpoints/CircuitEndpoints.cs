using System.Globalization;
using System.Text.Json;
using Hanzo.Qml.Gradients;
using Hanzo.Qml.Server.Circuits;
using Hanzo.Qml.Server.Configuration;
using Hanzo.Qml.Server.Security;
using Hanzo.Qml.Server.Storage;
using Hanzo.Qml.Simulation;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Prometheus;

namespace Hanzo.Qml.Server.Endpoints;

/// <summary>Circuit routes: define a circuit (structural or OpenQASM 2.0), read it back, execute it, differentiate it.</summary>
public static class CircuitEndpoints
{
    private static readonly string[] MethodNames = ["adjoint", "parameter-shift"];
    private static readonly string[] WrtNames = ["weights", "features", "both"];

    /// <summary>Maps the <c>/v1/circuits</c> routes.</summary>
    /// <param name="app">The route builder.</param>
    public static IEndpointRouteBuilder MapCircuitEndpoints(this IEndpointRouteBuilder app)
    {
        var circuits = app.MapGroup("/v1/circuits").WithTags("circuits");
        circuits.MapPost("/", Create).WithName("CreateCircuit")
            .Accepts<CreateCircuitRequest>("application/json")
            .Produces<CircuitResponse>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        circuits.MapGet("/{id}", Get).WithName("GetCircuit")
            .Produces<CircuitResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        circuits.MapPost("/{id}/execute", Execute).WithName("ExecuteCircuit")
            .Accepts<ExecuteCircuitRequest>("application/json")
            .Produces<ExecuteResponse>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status402PaymentRequired)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithDescription("With \"batch\" the response is a BatchExecuteResponse: every requested field becomes an array with one entry per row.");
        circuits.MapPost("/{id}/gradient", Gradient).WithName("CircuitGradient")
            .Accepts<GradientRequest>("application/json")
            .Produces<GradientResponse>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status402PaymentRequired)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        return app;
    }

    private static async Task<IResult> Create(HttpContext http, QmlDbContext db, CircuitCache cache, IOptions<QmlServerOptions> options, IOptions<JsonOptions> json, CancellationToken ct)
    {
        var settings = options.Value;
        var (body, error) = await JsonBody.ReadAsync<CreateCircuitRequest>(http.Request, json.Value.SerializerOptions, ct);
        if (error is not null) return error;
        try
        {
            var compiled = CircuitCompiler.Compile(body!, CircuitBackends.MaxQubits(settings), settings.Limits);
            var record = new CircuitRecord
            {
                Id = "c_" + Guid.NewGuid().ToString("N"),
                OrganisationId = Organisation.Of(http),
                Format = compiled.Format,
                Definition = JsonSerializer.Serialize(compiled.Definition, json.Value.SerializerOptions),
                NumQubits = compiled.Circuit.NumQubits,
                NumWeights = compiled.Circuit.NumWeights,
                NumFeatures = compiled.Circuit.NumFeatures,
                Depth = compiled.Depth,
                NumGates = compiled.NumGates,
                CreatedAt = DateTime.UtcNow,
            };
            db.Circuits.Add(record);
            await db.SaveChangesAsync(ct);
            cache.Put(record.Id, compiled);
            return TypedResults.Created($"/v1/circuits/{record.Id}", ToResponse(record, compiled, includeDefinition: false));
        }
        catch (CircuitRequestException e)
        {
            return Problem(e);
        }
    }

    private static async Task<IResult> Get(string id, HttpContext http, QmlDbContext db, CircuitCache cache, IOptions<JsonOptions> json, CancellationToken ct)
    {
        var record = await Find(db, Organisation.Of(http), id, ct);
        if (record is null) return UnknownCircuit(id);
        return TypedResults.Ok(ToResponse(record, cache.Get(record, json.Value.SerializerOptions), includeDefinition: true));
    }

    private static async Task<IResult> Execute(string id, HttpContext http, QmlDbContext db, CircuitCache cache, IExecutionMeter meter,
        IOptions<QmlServerOptions> options, IOptions<JsonOptions> json, CancellationToken ct)
    {
        var settings = options.Value;
        string organisation = Organisation.Of(http);
        var record = await Find(db, organisation, id, ct);
        if (record is null) return UnknownCircuit(id);
        var (body, error) = await JsonBody.ReadAsync<ExecuteCircuitRequest>(http.Request, json.Value.SerializerOptions, ct);
        if (error is not null) return error;
        try
        {
            var compiled = cache.Get(record, json.Value.SerializerOptions);
            var circuit = compiled.Circuit;
            int n = circuit.NumQubits;
            var backend = CircuitBackends.Resolve(settings, body!.Backend, n);
            var weights = CircuitInputs.Weights(body.Weights, circuit.NumWeights);
            if (body.Features is not null && body.Batch is not null)
                throw CircuitRequestException.BadRequest("Send either \"features\" (one execution) or \"batch\" (one execution per row), not both.");
            double[][]? rows = body.Batch is null ? null : CircuitInputs.Batch(body.Batch, circuit.NumFeatures, settings.Limits.MaxBatchRows);
            double[] features = rows is null ? CircuitInputs.Features(body.Features, circuit.NumFeatures) : [];
            var observables = body.Observables is null ? compiled.Observables : ObservableParser.ParseAll(body.Observables, n, "observables");
            if (body.Shots is int s && s < 1)
                throw CircuitRequestException.BadRequest($"\"shots\" is {s}; allowed: 1 to {settings.Limits.MaxShots}, or omit it for exact results only.");
            if (body.Shots > settings.Limits.MaxShots)
                throw CircuitRequestException.TooLarge($"\"shots\" is {body.Shots}; at most {settings.Limits.MaxShots} are allowed per execution (limits.max_shots).");
            if (observables.Count == 0 && !body.Probs && !body.State && body.Shots is null)
                throw CircuitRequestException.BadRequest("Nothing to compute: give \"observables\" (this circuit has no defaults), \"probs\": true, \"state\": true or \"shots\".");
            int executions = rows?.Length ?? 1;
            CircuitRunner.CheckDenseSize(n, executions, body.Probs, body.State);
            CircuitCost.CheckWork(executions, compiled.NumGates, n, settings.Limits.MaxWorkPerRequest);
            var outputs = new CircuitRunner.Outputs(observables, body.Probs, body.State, body.Shots, body.Seed ?? Random.Shared.Next());

            // QPU budget hook: the one place a circuit request is charged, after every check and before anything runs.
            int shots = body.Shots ?? 0;
            var charge = new ExecutionCharge(organisation, backend.Name, record.Id, executions, shots, CircuitCost.Of(backend, executions, shots));
            var decision = await meter.ChargeAsync(charge, ct);
            if (!decision.Allowed) return PaymentRequired(decision);

            string qubits = n.ToString(CultureInfo.InvariantCulture);
            object result;
            try
            {
                using (ServerMetrics.CircuitExecution.WithLabels(backend.Name, qubits).NewTimer())
                {
                    result = rows is null
                        ? CircuitRunner.Run(circuit, backend.Name, weights, features, outputs)
                        : CircuitRunner.RunBatch(circuit, backend.Name, weights, rows, outputs, ct);
                }
            }
            catch
            {
                await meter.RefundAsync(decision, CancellationToken.None);
                throw;
            }
            ServerMetrics.CircuitsExecuted.WithLabels(backend.Name, qubits).Inc(executions);
            return TypedResults.Ok(result);
        }
        catch (CircuitRequestException e)
        {
            return Problem(e);
        }
        catch (StateTooLargeException e)
        {
            return Problems.TooLarge($"{e.Message} Send fewer rows per request.");
        }
        catch (ArgumentException e)
        {
            return Problems.BadRequest(e.Message);
        }
    }

    private static async Task<IResult> Gradient(string id, HttpContext http, QmlDbContext db, CircuitCache cache, IExecutionMeter meter,
        IOptions<QmlServerOptions> options, IOptions<JsonOptions> json, CancellationToken ct)
    {
        var settings = options.Value;
        string organisation = Organisation.Of(http);
        var record = await Find(db, organisation, id, ct);
        if (record is null) return UnknownCircuit(id);
        var (body, error) = await JsonBody.ReadAsync<GradientRequest>(http.Request, json.Value.SerializerOptions, ct);
        if (error is not null) return error;
        try
        {
            var compiled = cache.Get(record, json.Value.SerializerOptions);
            var circuit = compiled.Circuit;
            var backend = CircuitBackends.Resolve(settings, body!.Backend, circuit.NumQubits);
            var method = (body.Method ?? "adjoint").Trim().ToLowerInvariant();
            if (!MethodNames.Contains(method))
                throw CircuitRequestException.BadRequest($"Unknown gradient \"method\" \"{body.Method}\"; allowed: {string.Join(", ", MethodNames)}.");
            var wrt = (body.Wrt ?? "weights").Trim().ToLowerInvariant();
            var targets = wrt switch
            {
                "weights" => GradientTargets.Weights,
                "features" => GradientTargets.Features,
                "both" => GradientTargets.Both,
                _ => throw CircuitRequestException.BadRequest($"Unknown \"wrt\" \"{body.Wrt}\"; allowed: {string.Join(", ", WrtNames)}."),
            };
            var weights = CircuitInputs.Weights(body.Weights, circuit.NumWeights);
            var features = CircuitInputs.Features(body.Features, circuit.NumFeatures);
            var observable = body.Observable is not null
                ? ObservableParser.Parse(body.Observable, circuit.NumQubits, "observable")
                : compiled.Observables.Count > 0
                    ? compiled.Observables[0]
                    : throw CircuitRequestException.BadRequest("\"observable\" is required: this circuit has no default observables (e.g. \"observable\": \"Z0\").");
            bool parameterShift = method == "parameter-shift";

            // QPU budget hook: the one place a gradient request is charged, after every check and before anything runs.
            int executions = CircuitCost.GradientExecutions(circuit, parameterShift, targets);
            // Adjoint costs about three passes over the circuit per observable; parameter-shift one per execution.
            CircuitCost.CheckWork(parameterShift ? executions : 3, compiled.NumGates, circuit.NumQubits, settings.Limits.MaxWorkPerRequest);
            var charge = new ExecutionCharge(organisation, backend.Name, record.Id, executions, 0, CircuitCost.Of(backend, executions, 0));
            var decision = await meter.ChargeAsync(charge, ct);
            if (!decision.Allowed) return PaymentRequired(decision);

            try
            {
                return TypedResults.Ok(CircuitRunner.Gradient(circuit, backend.Name, observable, weights, features, parameterShift, targets));
            }
            catch
            {
                await meter.RefundAsync(decision, CancellationToken.None);
                throw;
            }
        }
        catch (CircuitRequestException e)
        {
            return Problem(e);
        }
        catch (StateTooLargeException e)
        {
            return Problems.TooLarge(e.Message);
        }
        catch (ArgumentException e)
        {
            return Problems.BadRequest(e.Message);
        }
    }

    private static Task<CircuitRecord?> Find(QmlDbContext db, string organisationId, string id, CancellationToken ct) =>
        db.Circuits.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id && c.OrganisationId == organisationId, ct);

    private static IResult UnknownCircuit(string id) =>
        Problems.NotFound($"No circuit with id \"{id}\". Create one with POST /v1/circuits.");

    private static IResult Problem(CircuitRequestException e) =>
        Results.Problem(detail: e.Message, title: e.Title, statusCode: e.Status);

    private static IResult PaymentRequired(MeterDecision decision) =>
        Results.Problem(detail: decision.Detail ?? "The QPU budget refused this execution.", title: "QPU budget", statusCode: StatusCodes.Status402PaymentRequired);

    private static CircuitResponse ToResponse(CircuitRecord r, CompiledCircuit compiled, bool includeDefinition) => new(
        r.Id, r.Format, r.NumQubits, r.NumWeights, r.NumFeatures, r.Depth, r.NumGates,
        [.. compiled.Observables.Select(o => o.Text)], DateTime.SpecifyKind(r.CreatedAt, DateTimeKind.Utc),
        includeDefinition ? compiled.Definition : null);
}
