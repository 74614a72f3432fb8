using System.Globalization;
using System.Text.Json;
using Hanzo.Qml.Optimization.Problems;
using Hanzo.Qml.Server.Configuration;
using Hanzo.Qml.Server.Jobs;
using Hanzo.Qml.Server.Security;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Hanzo.Qml.Server.Endpoints;

/// <summary>Body of <c>POST /v1/qaoa</c>.</summary>
// A misspelt setting must be an error, not silently ignored.
[System.Text.Json.Serialization.JsonUnmappedMemberHandling(System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow)]
public sealed record QaoaRequest
{
    /// <summary>
    /// The graph: <c>"random:N:D"</c> (seeded random D-regular graph), an object <c>{"n_nodes": N, "edges": [[u, v], [u, v, w], …]}</c>,
    /// or omitted when <see cref="EdgeList"/> is given.
    /// </summary>
    public JsonElement? Graph { get; init; }

    /// <summary>The graph as edge-list text: one edge <c>u v [weight]</c> per line, nodes from 0, <c>#</c> comments.</summary>
    public string? EdgeList { get; init; }

    /// <summary>QAOA layers (default 1).</summary>
    public int? P { get; init; }

    /// <summary>cobyla (default), nelder-mead, spsa or adam.</summary>
    public string? Optimizer { get; init; }

    /// <summary>Iteration limit of the optimiser (COBYLA: evaluations).</summary>
    public int? MaxIter { get; init; }

    /// <summary>Samples drawn from the optimised state (default 1000).</summary>
    public int? Shots { get; init; }

    /// <summary>Seed of the random graph, the optimiser and the sampler (default 0).</summary>
    public int? Seed { get; init; }
}

/// <summary>QAOA MaxCut as background jobs: <c>POST /v1/qaoa</c> and <c>GET /v1/qaoa/{id}</c>.</summary>
public static class QaoaEndpoints
{
    /// <summary>Most QAOA layers accepted.</summary>
    public const int MaxLayers = 50;

    /// <summary>Most optimiser iterations accepted.</summary>
    public const int MaxIterations = 100_000;

    /// <summary>Maps the routes.</summary>
    /// <param name="app">The route builder.</param>
    public static IEndpointRouteBuilder MapQaoaEndpoints(this IEndpointRouteBuilder app)
    {
        var qaoa = app.MapGroup("/v1/qaoa").WithTags("qaoa");
        qaoa.MapPost("/", Submit).WithName("SubmitQaoa").Accepts<QaoaRequest>("application/json")
            .Produces<JobResponse>(StatusCodes.Status202Accepted).ProducesProblem(StatusCodes.Status400BadRequest);
        qaoa.MapGet("/{id}", Get).WithName("GetQaoa").Produces<JobResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> Submit(HttpContext http, HttpRequest request, JobStore store, JobSignal signal,
        IOptions<JsonOptions> json, IOptions<QmlServerOptions> config, CancellationToken ct)
    {
        var options = json.Value.SerializerOptions;
        var (body, error) = await JsonBody.ReadAsync<QaoaRequest>(request, options, ct);
        if (error is not null) return error;
        int maxQubits = Circuits.CircuitBackends.MaxQubits(config.Value);
        int p = body!.P ?? 1, shots = body.Shots ?? 1000, seed = body.Seed ?? 0;
        if (p is < 1 or > MaxLayers) return Problems.BadRequest($"\"p\" is {p}; allowed: 1 to {MaxLayers}.");
        if (shots < 1 || shots > config.Value.Limits.MaxShots) return Problems.BadRequest($"\"shots\" is {shots}; allowed: 1 to {config.Value.Limits.MaxShots}.");
        if (body.MaxIter is int k && (k < 1 || k > MaxIterations)) return Problems.BadRequest($"\"max_iter\" is {k}; allowed: 1 to {MaxIterations}.");
        var optimizer = (body.Optimizer ?? "cobyla").Trim().ToLowerInvariant().Replace('_', '-');
        if (optimizer == "neldermead") optimizer = "nelder-mead";
        if (!QaoaJobRequest.Optimizers.Contains(optimizer))
            return Problems.BadRequest($"Unknown optimizer \"{body.Optimizer}\"; allowed: {string.Join(", ", QaoaJobRequest.Optimizers)}.");
        Graph graph;
        try
        {
            graph = ParseGraph(body, seed, maxQubits);
        }
        // InvalidOperationException: the random-regular generator gives up on dense graphs (random:20:19) after its attempts.
        catch (Exception e) when (e is ArgumentException or GraphFormatException or FormatException or InvalidOperationException)
        {
            return Problems.BadRequest(e.Message, "Invalid graph");
        }
        if (graph.NumNodes > maxQubits)
            return Problems.BadRequest($"The graph has {graph.NumNodes} nodes; QAOA needs one qubit per node and the backends allow at most {maxQubits}.");
        var normalized = new QaoaJobRequest(graph.NumNodes, [.. graph.Edges.Select(e => new[] { e.U, e.V, e.Weight })], p, optimizer, body.MaxIter, shots, seed);
        return await JobEndpoints.SubmitAsync(http, store, signal, QaoaJobHandler.KindName, JsonBody.Serialize(normalized, options), "/v1/qaoa", ct);
    }

    private static Task<IResult> Get(string id, HttpContext http, JobStore store, CancellationToken ct) =>
        JobEndpoints.GetOfKindAsync(id, QaoaJobHandler.KindName, "QAOA", "/v1/qaoa", http, store, ct);

    private static Graph ParseGraph(QaoaRequest body, int seed, int maxNodes)
    {
        if (body.EdgeList is { } text)
        {
            if (body.Graph is { ValueKind: not JsonValueKind.Null }) throw new ArgumentException("Give either \"graph\" or \"edge_list\", not both.");
            return Graph.Parse(text, source: "edge_list");
        }
        if (body.Graph is not { } g || g.ValueKind == JsonValueKind.Null)
            throw new ArgumentException("\"graph\" is required: \"random:N:D\", {\"n_nodes\": N, \"edges\": [[u, v], [u, v, weight], …]}, or give \"edge_list\" text.");
        if (g.ValueKind == JsonValueKind.String)
        {
            var spec = g.GetString()!;
            var parts = spec.Split(':');
            if (parts.Length != 3 || !parts[0].Equals("random", StringComparison.OrdinalIgnoreCase)
                || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int n)
                || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out int d))
                throw new ArgumentException($"\"graph\": \"{Truncate(spec)}\" is not random:N:D with integers N (nodes) and D (degree).");
            if (n > maxNodes) throw new ArgumentException($"\"graph\" asks for {n} nodes; the backends allow at most {maxNodes} qubits.");
            return GraphGenerators.RandomRegular(n, d, seed);
        }
        if (g.ValueKind != JsonValueKind.Object)
            throw new ArgumentException("\"graph\" must be a string \"random:N:D\" or an object {\"n_nodes\": N, \"edges\": [[u, v, weight?], …]}.");
        if (!g.TryGetProperty("n_nodes", out var nodesElement) || nodesElement.ValueKind != JsonValueKind.Number || !nodesElement.TryGetInt32(out int nodes))
            throw new ArgumentException("\"graph.n_nodes\" is required: an integer.");
        if (nodes < 1 || nodes > maxNodes) throw new ArgumentException($"\"graph.n_nodes\" is {nodes}; allowed: 1 to {maxNodes}.");
        if (!g.TryGetProperty("edges", out var edgesElement) || edgesElement.ValueKind != JsonValueKind.Array)
            throw new ArgumentException("\"graph.edges\" is required: an array of [u, v] or [u, v, weight].");
        int maxEdges = nodes * (nodes - 1) / 2;
        if (edgesElement.GetArrayLength() > maxEdges) throw new ArgumentException($"\"graph.edges\" has {edgesElement.GetArrayLength()} entries; a simple graph on {nodes} nodes has at most {maxEdges}.");
        var edges = new List<(int, int, double)>();
        int i = 0;
        foreach (var e in edgesElement.EnumerateArray())
        {
            if (e.ValueKind != JsonValueKind.Array || e.GetArrayLength() is not (2 or 3))
                throw new ArgumentException($"\"graph.edges\"[{i}] must be [u, v] or [u, v, weight].");
            var items = e.EnumerateArray().ToArray();
            if (items[0].ValueKind != JsonValueKind.Number || !items[0].TryGetInt32(out int u) || items[1].ValueKind != JsonValueKind.Number || !items[1].TryGetInt32(out int v))
                throw new ArgumentException($"\"graph.edges\"[{i}]: nodes must be integers from 0 to {nodes - 1}.");
            double w = 1;
            if (items.Length == 3 && (items[2].ValueKind != JsonValueKind.Number || !items[2].TryGetDouble(out w) || !double.IsFinite(w)))
                throw new ArgumentException($"\"graph.edges\"[{i}]: the weight must be a finite number.");
            edges.Add((u, v, w));
            i++;
        }
        return new Graph(nodes, edges);
    }

    private static string Truncate(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
