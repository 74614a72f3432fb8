using System.Net;

namespace Hanzo.Qml.Server.Tests;

public abstract class BadRequestTests(DatabaseKind kind) : ServerTestBase(kind)
{

    private static async Task<string> AssertProblem(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.BadRequest)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Json();
        Assert.Equal((int)status, body.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("title").GetString()));
        return body.GetProperty("detail").GetString()!;
    }

    [SkippableTheory]
    [InlineData("{\"encoding\":\"qft\",\"n_qubits\":3}", "allowed names: angle, amplitude, iqp, zz, pauli")]
    [InlineData("{\"n_qubits\":3}", "\"encoding\" is required")]
    [InlineData("{\"encoding\":\"iqp\"}", "\"n_qubits\" is required")]
    [InlineData("{\"encoding\":\"iqp\",\"n_qubits\":1000}", "allowed: 1 to 20")]
    [InlineData("{\"encoding\":\"iqp\",\"n_qubits\":0}", "allowed: 1 to 20")]
    [InlineData("{\"encoding\":\"iqp\",\"n_qubits\":99999999999}", "Malformed JSON")]
    [InlineData("{\"encoding\":\"iqp\",\"n_qubits\":\"3\"}", "Malformed JSON")]
    [InlineData("{\"encoding\":\"iqp\",\"n_qubits\":3,\"reps\":0}", "\"reps\"")]
    [InlineData("{\"encoding\":\"zz\",\"n_qubits\":3,\"entanglement\":\"ring\"}", "allowed: linear, circular, full")]
    [InlineData("{\"encoding\":\"angle\",\"n_qubits\":3,\"rotation\":\"w\"}", "allowed: x, y, z")]
    [InlineData("{\"encoding\":\"amplitude\",\"n_qubits\":2,\"num_features\":100}", "")]
    [InlineData("{\"encoding\":\"pauli\",\"n_qubits\":2,\"paulis\":[\"Q\"]}", "")]
    [InlineData("{\"encoding\":", "Malformed JSON")]
    [InlineData("[]", "Malformed JSON")]
    [InlineData("null", "JSON object")]
    public async Task Bad_create_bodies_are_400_problems(string json, string expected)
    {
        var detail = await AssertProblem(await Client.PostRaw("/v1/kernels", json));
        Assert.Contains(expected, detail, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Non_json_content_type_is_a_415_problem()
    {
        var response = await Client.PostAsync("/v1/kernels", new StringContent("encoding=iqp"));
        Assert.Contains("application/json", await AssertProblem(response, HttpStatusCode.UnsupportedMediaType), StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData("{\"x\":[0.1,0.2],\"z\":[0.1,0.2,0.3]}", "exactly 3 features")]
    [InlineData("{\"x\":[0.1,0.2,0.3],\"z\":[0.1,0.2,0.3,0.4]}", "exactly 3 features")]
    [InlineData("{\"x\":[0.1,\"NaN\",0.3],\"z\":[0.1,0.2,0.3]}", "Malformed JSON")]
    [InlineData("{\"x\":[0.1,NaN,0.3],\"z\":[0.1,0.2,0.3]}", "Malformed JSON")]
    [InlineData("{\"x\":[0.1,0.2,0.3]}", "\"z\" is required")]
    [InlineData("{}", "\"x\" is required")]
    [InlineData("{\"x\":[0.1,1e999,0.3],\"z\":[0.1,0.2,0.3]}", "")]
    public async Task Bad_evaluate_bodies_are_400_problems(string json, string expected)
    {
        var id = await Client.CreateKernel(new { encoding = "iqp", n_qubits = 3 });
        var detail = await AssertProblem(await Client.PostRaw($"/v1/kernels/{id}/evaluate", json));
        Assert.Contains(expected, detail, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData("{\"x\":[[0.1,0.2,0.3],[0.1,0.2]]}", "\"x\"[1] has 2 values")]
    [InlineData("{\"x\":[[0.1,0.2,0.3]],\"z\":[[0.1,\"NaN\",0.3]]}", "Malformed JSON")]
    [InlineData("{\"x\":[]}", "empty")]
    [InlineData("{\"z\":[[0.1,0.2,0.3]]}", "\"x\" is required")]
    [InlineData("{\"x\":[[0.1,0.2,0.3],null]}", "\"x\"[1] is null")]
    [InlineData("{\"x\":[0.1,0.2,0.3]}", "Malformed JSON")]
    public async Task Bad_matrix_bodies_are_400_problems(string json, string expected)
    {
        var id = await Client.CreateKernel(new { encoding = "iqp", n_qubits = 3 });
        var detail = await AssertProblem(await Client.PostRaw($"/v1/kernels/{id}/matrix", json));
        Assert.Contains(expected, detail, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Too_many_matrix_rows_is_413_problem()
    {
        var id = await Client.CreateKernel(new { encoding = "angle", n_qubits = 1 });
        var rows = string.Join(',', Enumerable.Repeat("[0.5]", 2001));
        var detail = await AssertProblem(await Client.PostRaw($"/v1/kernels/{id}/matrix", $"{{\"x\":[{rows}]}}"), HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("at most 2000", detail, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Matrix_beyond_the_statevector_budget_is_413_problem()
    {
        var id = await Client.CreateKernel(new { encoding = "angle", n_qubits = 20 });
        var row = "[" + string.Join(',', Enumerable.Repeat("0.5", 20)) + "]";
        var rows = string.Join(',', Enumerable.Repeat(row, 100));
        var detail = await AssertProblem(await Client.PostRaw($"/v1/kernels/{id}/matrix", $"{{\"x\":[{rows}]}}"), HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("at most 64 samples", detail, StringComparison.Ordinal);
    }
}

public sealed class BadRequestTestsOnSqlite() : BadRequestTests(DatabaseKind.Sqlite);

public sealed class BadRequestTestsOnPostgres() : BadRequestTests(DatabaseKind.Postgres);
