using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Hanzo.Qml.Benchmark;

namespace Hanzo.Qml.Server.Tests;

public abstract class BenchmarkRouteTests(DatabaseKind kind) : ServerTestBase(kind)
{

    [SkippableFact]
    public async Task Benchmark_runs_as_a_job_and_serves_its_report_as_markdown_html_and_json()
    {
        var body = new { dataset = "iris", n_qubits = 2, reps = 1, folds = 3, repeats = 1, baselines = new[] { "logreg" }, seed = 4 };
        var response = await Client.PostAsJsonAsync("/v1/benchmark", body);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var created = await response.Json();
        var id = created.GetProperty("id").GetString()!;
        Assert.StartsWith("b_", id, StringComparison.Ordinal);
        var jobId = created.GetProperty("job").GetProperty("id").GetString()!;

        // Before it finishes the report is 409 or, if the job was quick, already there.
        var job = await Client.UntilFinal($"/v1/jobs/{jobId}", 180);
        Assert.Equal("succeeded", job.GetProperty("status").GetString());

        var got = await (await Client.GetAsync($"/v1/benchmark/{id}")).Json();
        Assert.Equal("succeeded", got.GetProperty("status").GetString());
        var report = got.GetProperty("report");
        var library = BenchmarkRunner.Run(BenchmarkOptions.ForBuiltIn("iris") with
        {
            NumQubits = 2, EncodingOptions = Encodings.EncodingOptions.Default with { Reps = 1 }, Folds = 3, Repeats = 1, Baselines = ["logreg"], Seed = 4,
        });
        Assert.Equal(library.QuantumAdvantage, got.GetProperty("quantum_advantage").GetBoolean());
        Assert.Equal(library.Recommendation, got.GetProperty("recommendation").GetString());
        Assert.Equal(library.Recommendation, report.GetProperty("recommendation").GetString());

        var md = new HttpRequestMessage(HttpMethod.Get, $"/v1/benchmark/{id}/report");
        md.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/markdown"));
        var mdResponse = await Client.SendAsync(md);
        Assert.Equal("text/markdown", mdResponse.Content.Headers.ContentType?.MediaType);
        Assert.Equal(library.ToMarkdown().Split('\n')[0], (await mdResponse.Content.ReadAsStringAsync()).Split('\n')[0]);

        var html = new HttpRequestMessage(HttpMethod.Get, $"/v1/benchmark/{id}/report");
        html.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        var htmlResponse = await Client.SendAsync(html);
        Assert.Equal("text/html", htmlResponse.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html", await htmlResponse.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);

        var plain = await Client.GetAsync($"/v1/benchmark/{id}/report");
        Assert.Equal("text/markdown", plain.Content.Headers.ContentType?.MediaType);
    }

    [SkippableTheory]
    [InlineData("""{"dataset": "mnist"}""", "Unknown dataset")]
    [InlineData("""{}""", "exactly one data source")]
    [InlineData("""{"dataset": "iris", "folds": 1}""", "\"folds\" is 1")]
    [InlineData("""{"dataset": "iris", "folds": 20, "repeats": 20}""", "at most")]
    [InlineData("""{"dataset": "iris", "n_qubits": 99}""", "\"n_qubits\" is 99")]
    [InlineData("""{"dataset": "iris", "kernel": "rbf"}""", "fidelity, projected")]
    [InlineData("""{"dataset": "iris", "metric": "r2"}""", "")]
    [InlineData("""{"data": {"x": [[1, 2], [3]], "y": [0, 1]}}""", "row 0 has 2")]
    [InlineData("""{"data": {"x": [[1, 2], [3, 4]], "y": [0]}}""", "one entry per row")]
    public async Task Bad_benchmark_requests_are_400(string body, string fragment)
    {
        var response = await Client.PostRaw("/v1/benchmark", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(fragment, (await response.Json()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Unknown_benchmark_is_404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/v1/benchmark/b_nope")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/v1/benchmark/b_nope/report")).StatusCode);
    }
}

public sealed class BenchmarkRouteTestsOnSqlite() : BenchmarkRouteTests(DatabaseKind.Sqlite);

public sealed class BenchmarkRouteTestsOnPostgres() : BenchmarkRouteTests(DatabaseKind.Postgres);
