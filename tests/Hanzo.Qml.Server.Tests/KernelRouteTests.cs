using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hanzo.Qml.Encodings;
using Hanzo.Qml.Kernels;

namespace Hanzo.Qml.Server.Tests;

public abstract class KernelRouteTests(DatabaseKind kind) : ServerTestBase(kind)
{

    private static readonly double[][] Samples =
    [
        [0.1, -0.4, 0.9],
        [1.2, 0.3, -0.7],
        [0.0, 0.5, 0.25],
        [-1.1, 2.0, 0.6],
    ];

    private static FidelityKernel Library() => new(EncodingFactory.Create("iqp", 3, EncodingOptions.Default with { Reps = 2 }));

    [SkippableFact]
    public async Task Create_returns_201_with_id_and_definition()
    {
        var response = await Client.PostAsJsonAsync("/v1/kernels", new { encoding = "iqp", n_qubits = 3, reps = 2 });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Json();
        var id = body.GetProperty("id").GetString();
        Assert.False(string.IsNullOrEmpty(id));
        Assert.Equal("iqp", body.GetProperty("encoding").GetString());
        Assert.Equal(3, body.GetProperty("n_qubits").GetInt32());
        Assert.Equal(2, body.GetProperty("reps").GetInt32());
        Assert.Equal(3, body.GetProperty("n_features").GetInt32());
        Assert.Equal($"/v1/kernels/{id}", response.Headers.Location?.OriginalString);

        var get = await Client.GetAsync($"/v1/kernels/{id}");
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        var again = await get.Json();
        Assert.Equal(id, again.GetProperty("id").GetString());
        Assert.Equal("iqp", again.GetProperty("encoding").GetString());
        Assert.Equal(3, again.GetProperty("n_qubits").GetInt32());
        Assert.Equal(2, again.GetProperty("reps").GetInt32());
    }

    [SkippableFact]
    public async Task Evaluate_equals_the_library_kernel()
    {
        var id = await Client.CreateKernel(new { encoding = "iqp", n_qubits = 3, reps = 2 });
        var response = await Client.PostAsJsonAsync($"/v1/kernels/{id}/evaluate", new { x = Samples[0], z = Samples[1] });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        double value = (await response.Json()).GetProperty("value").GetDouble();
        double expected = Library().Evaluate(Samples[0], Samples[1]);
        Assert.Equal(expected, value, 1e-12);
        Assert.InRange(value, 0.0, 1.0);
    }

    [SkippableFact]
    public async Task Matrix_is_symmetric_with_unit_diagonal_and_equals_the_library()
    {
        var id = await Client.CreateKernel(new { encoding = "iqp", n_qubits = 3, reps = 2 });
        var response = await Client.PostAsJsonAsync($"/v1/kernels/{id}/matrix", new { x = Samples });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var k = (await response.Json()).GetProperty("matrix").Deserialize<double[][]>()!;
        var expected = Library().Matrix(Samples);
        Assert.Equal(4, k.Length);
        for (int i = 0; i < 4; i++)
        {
            Assert.Equal(4, k[i].Length);
            Assert.Equal(1.0, k[i][i]);
            for (int j = 0; j < 4; j++)
            {
                Assert.Equal(k[i][j], k[j][i], 1e-12);
                Assert.Equal(expected[i, j], k[i][j], 1e-12);
            }
        }
    }

    [SkippableFact]
    public async Task Matrix_with_z_is_the_cross_matrix()
    {
        var id = await Client.CreateKernel(new { encoding = "iqp", n_qubits = 3, reps = 2 });
        var z = new[] { Samples[1], Samples[3] };
        var response = await Client.PostAsJsonAsync($"/v1/kernels/{id}/matrix", new { x = Samples, z });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var k = (await response.Json()).GetProperty("matrix").Deserialize<double[][]>()!;
        Assert.Equal(4, k.Length);
        Assert.All(k, row => Assert.Equal(2, row.Length));
        var lib = Library();
        for (int i = 0; i < 4; i++)
            for (int j = 0; j < 2; j++)
                Assert.Equal(lib.Evaluate(Samples[i], z[j]), k[i][j], 1e-12);
    }

    [SkippableTheory]
    [InlineData("{\"encoding\":\"zz\",\"n_qubits\":2,\"reps\":1,\"entanglement\":\"linear\",\"alpha\":1.5}", 2)]
    [InlineData("{\"encoding\":\"angle\",\"n_qubits\":4,\"rotation\":\"y\"}", 4)]
    [InlineData("{\"encoding\":\"amplitude\",\"n_qubits\":2,\"num_features\":3,\"pad_with\":0.5}", 3)]
    [InlineData("{\"encoding\":\"pauli\",\"n_qubits\":2,\"paulis\":[\"X\",\"ZZ\"]}", 2)]
    [InlineData("{\"encoding\":\"IQP\",\"n_qubits\":2}", 2)]
    public async Task Every_factory_encoding_can_be_defined_and_evaluated(string json, int features)
    {
        var response = await Client.PostRaw("/v1/kernels", json);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Json();
        Assert.Equal(features, body.GetProperty("n_features").GetInt32());
        var x = Enumerable.Range(1, features).Select(i => 0.1 * i).ToArray();
        var eval = await Client.PostAsJsonAsync($"/v1/kernels/{body.GetProperty("id").GetString()}/evaluate", new { x, z = x });
        Assert.Equal(HttpStatusCode.OK, eval.StatusCode);
        Assert.Equal(1.0, (await eval.Json()).GetProperty("value").GetDouble(), 1e-12);
    }

    [SkippableTheory]
    [InlineData("GET", "")]
    [InlineData("POST", "/evaluate")]
    [InlineData("POST", "/matrix")]
    public async Task Unknown_id_is_404_problem(string method, string suffix)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), $"/v1/kernels/k_missing{suffix}");
        if (method == "POST") request.Content = JsonContent.Create(new { x = new[] { 1.0 }, z = new[] { 1.0 } });
        var response = await Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("k_missing", (await response.Json()).GetProperty("detail").GetString());
    }
}

public sealed class KernelRouteTestsOnSqlite() : KernelRouteTests(DatabaseKind.Sqlite);

public sealed class KernelRouteTestsOnPostgres() : KernelRouteTests(DatabaseKind.Postgres);
