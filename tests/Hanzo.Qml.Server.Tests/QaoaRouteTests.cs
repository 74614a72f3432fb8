using System.Net;
using System.Net.Http.Json;
using Hanzo.Qml.Optimization;
using Hanzo.Qml.Optimization.Problems;
using Hanzo.Qml.Optimization.Qaoa;

namespace Hanzo.Qml.Server.Tests;

public abstract class QaoaRouteTests(DatabaseKind kind) : ServerTestBase(kind)
{

    [SkippableFact]
    public async Task Qaoa_job_result_equals_the_library_solver()
    {
        var response = await Client.PostAsJsonAsync("/v1/qaoa", new { graph = "random:8:3", p = 2, seed = 3, shots = 500 });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var submitted = await response.Json();
        var id = submitted.GetProperty("id").GetString()!;
        Assert.Equal("qaoa", submitted.GetProperty("kind").GetString());
        Assert.Equal($"/v1/qaoa/{id}", response.Headers.Location?.OriginalString);

        var job = await Client.UntilFinal($"/v1/qaoa/{id}");
        Assert.Equal("succeeded", job.GetProperty("status").GetString());
        Assert.Equal(1.0, job.GetProperty("progress").GetDouble());
        var result = job.GetProperty("result");

        var graph = GraphGenerators.RandomRegular(8, 3, 3);
        var expected = QaoaSolver.SolveMaxCut(graph, new QaoaOptions { Layers = 2, Optimizer = new Cobyla(), Shots = 500, Seed = 3 });
        Assert.Equal(expected.BestBitstring, result.GetProperty("bitstring").GetString());
        Assert.Equal(expected.Expectation, result.GetProperty("expectation").GetDouble());
        Assert.Equal(-expected.Expectation / -expected.OptimalCost, result.GetProperty("approximation_ratio").GetDouble(), 12);
        Assert.Equal(expected.Optimization.History.Count, result.GetProperty("history").GetArrayLength());
        Assert.True(result.GetProperty("approximation_ratio").GetDouble() > 0.6);

        var again = await (await Client.GetAsync($"/v1/jobs/{id}")).Json();
        Assert.Equal("succeeded", again.GetProperty("status").GetString());
        Assert.Equal(1, again.GetProperty("attempts").GetInt32());
    }

    [SkippableFact]
    public async Task Explicit_weighted_graph_and_edge_list_give_the_same_result()
    {
        var edges = new[] { new[] { 0.0, 1, 2 }, [1, 2, 1], [2, 3, 0.5], [3, 0, 1], [0, 2, 1.5] };
        var a = await Client.PostAsJsonAsync("/v1/qaoa", new { graph = new { n_nodes = 4, edges }, p = 1, seed = 1 });
        var b = await Client.PostAsJsonAsync("/v1/qaoa", new { edge_list = "# square with a diagonal\n0 1 2\n1 2 1\n2 3 0.5\n3 0 1\n0 2 1.5\n", p = 1, seed = 1 });
        Assert.Equal(HttpStatusCode.Accepted, a.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, b.StatusCode);
        var ja = await Client.UntilFinal($"/v1/qaoa/{(await a.Json()).GetProperty("id").GetString()}");
        var jb = await Client.UntilFinal($"/v1/qaoa/{(await b.Json()).GetProperty("id").GetString()}");
        Assert.Equal(ja.GetProperty("result").GetProperty("expectation").GetDouble(), jb.GetProperty("result").GetProperty("expectation").GetDouble());
        Assert.Equal(4.5, ja.GetProperty("result").GetProperty("max_cut").GetDouble(), 12); // {0} against {1, 2, 3}: 2 + 1.5 + 1
    }

    [SkippableTheory]
    [InlineData("""{"p": 1}""", "\"graph\" is required")]
    [InlineData("""{"graph": "random:x:3"}""", "random:N:D")]
    [InlineData("""{"graph": "random:40:3"}""", "at most")]
    [InlineData("""{"graph": "random:8:3", "p": 0}""", "\"p\" is 0")]
    [InlineData("""{"graph": "random:8:3", "shots": -5}""", "\"shots\" is -5")]
    [InlineData("""{"graph": "random:8:3", "optimizer": "bfgs"}""", "allowed: cobyla")]
    [InlineData("""{"graph": {"n_nodes": 3, "edges": [[0, 7]]}}""", "")]
    [InlineData("""{"graph": {"n_nodes": 3, "edges": [[0, 1, "x"]]}}""", "weight")]
    [InlineData("""{"graph": {"n_nodes": -1, "edges": []}}""", "n_nodes")]
    [InlineData("""{"graph": 12}""", "must be a string")]
    [InlineData("""{"edge_list": "0 1\nfoo bar"}""", "")]
    [InlineData("""{"graph": "random:8:3", "p": "2"}""", "Malformed")]
    [InlineData("""{"graph": "random:8:3", "layers": 2}""", "'layers'")]
    public async Task Bad_requests_are_400_problems(string body, string fragment)
    {
        var response = await Client.PostRaw("/v1/qaoa", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Json();
        Assert.Contains(fragment, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Unknown_job_is_404_and_jobs_can_be_listed_and_cancelled()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/v1/qaoa/j_nope")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.PostAsync("/v1/jobs/j_nope/cancel", null)).StatusCode);

        // A long job (20 nodes, many evaluations) is cancelled while it runs or before it starts.
        var response = await Client.PostAsJsonAsync("/v1/qaoa", new { graph = "random:18:3", p = 4, max_iter = 100000, optimizer = "nelder-mead" });
        var id = (await response.Json()).GetProperty("id").GetString()!;
        var cancel = await Client.PostAsync($"/v1/jobs/{id}/cancel", null);
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        var job = await Client.UntilFinal($"/v1/jobs/{id}", 60);
        Assert.Equal("cancelled", job.GetProperty("status").GetString());
        Assert.Contains("cancelled", job.GetProperty("error").GetString(), StringComparison.Ordinal);

        var list = await (await Client.GetAsync("/v1/jobs?kind=qaoa")).Json();
        Assert.Contains(list.GetProperty("jobs").EnumerateArray(), j => j.GetProperty("id").GetString() == id);
        Assert.Equal(HttpStatusCode.BadRequest, (await Client.GetAsync("/v1/jobs?status=done")).StatusCode);
    }
}

public sealed class QaoaRouteTestsOnSqlite() : QaoaRouteTests(DatabaseKind.Sqlite);

public sealed class QaoaRouteTestsOnPostgres() : QaoaRouteTests(DatabaseKind.Postgres);
