using System.Net;
using System.Net.Http.Json;
using Hanzo.Qml.Encodings;
using Hanzo.Qml.Kernels;

namespace Hanzo.Qml.Server.Tests;

public abstract class KernelMatrixJobTests(DatabaseKind kind) : ServerTestBase(kind)
{
    [SkippableFact]
    public async Task Async_matrix_is_a_job_whose_stored_result_equals_the_library()
    {
        var id = await Client.CreateKernel(new { encoding = "zz", n_qubits = 3, reps = 1 });
        var random = new Random(7);
        var x = Enumerable.Range(0, 40).Select(_ => Enumerable.Range(0, 3).Select(_ => random.NextDouble() * 2).ToArray()).ToArray();
        var z = x.Take(5).Select(r => r.Select(v => v + 0.1).ToArray()).ToArray();
        var library = new FidelityKernel(EncodingFactory.Create("zz", 3, EncodingOptions.Default with { Reps = 1 }));

        foreach (var (body, expected) in new (object, double[,])[] { (new { x, async = true }, library.Matrix(x)), (new { x, z, async = true }, library.Matrix(x, z)) })
        {
            var response = await Client.PostAsJsonAsync($"/v1/kernels/{id}/matrix", body);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            var jobId = (await response.Json()).GetProperty("id").GetString()!;
            var location = response.Headers.Location!.OriginalString;
            Assert.Equal($"/v1/kernels/{id}/matrices/{jobId}", location);
            var job = await Client.UntilFinal($"/v1/jobs/{jobId}");
            Assert.Equal("succeeded", job.GetProperty("status").GetString());
            var stored = await (await Client.GetAsync(location)).Json();
            var matrix = stored.GetProperty("matrix");
            Assert.Equal(expected.GetLength(0), matrix.GetArrayLength());
            for (int i = 0; i < expected.GetLength(0); i++)
                for (int j = 0; j < expected.GetLength(1); j++)
                    Assert.Equal(expected[i, j], matrix[i][j].GetDouble(), 12);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"/v1/kernels/{id}/matrices/j_nope")).StatusCode);
    }

    [SkippableFact]
    public async Task More_rows_than_the_synchronous_limit_need_async()
    {
        var id = await Client.CreateKernel(new { encoding = "angle", n_qubits = 1 });
        var x = Enumerable.Range(0, 2001).Select(i => new[] { i / 2001.0 }).ToArray();
        var sync = await Client.PostAsJsonAsync($"/v1/kernels/{id}/matrix", new { x });
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, sync.StatusCode);
        Assert.Contains("\"async\": true", (await sync.Json()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        var background = await Client.PostAsJsonAsync($"/v1/kernels/{id}/matrix", new { x, async = true });
        Assert.Equal(HttpStatusCode.Accepted, background.StatusCode);
        var jobId = (await background.Json()).GetProperty("id").GetString()!;
        Assert.Equal("succeeded", (await Client.UntilFinal($"/v1/jobs/{jobId}")).GetProperty("status").GetString());
        var stored = await (await Client.GetAsync($"/v1/kernels/{id}/matrices/{jobId}")).Json();
        Assert.Equal(2001, stored.GetProperty("rows").GetInt32());
        Assert.Equal(1.0, stored.GetProperty("matrix")[2000][2000].GetDouble(), 12);
    }
}

public sealed class KernelMatrixJobTestsOnSqlite() : KernelMatrixJobTests(DatabaseKind.Sqlite);

public sealed class KernelMatrixJobTestsOnPostgres() : KernelMatrixJobTests(DatabaseKind.Postgres);
