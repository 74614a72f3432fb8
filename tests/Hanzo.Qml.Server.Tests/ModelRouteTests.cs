using System.Net;
using System.Net.Http.Json;
using Hanzo.Qml.Data;
using Hanzo.Qml.Models;

namespace Hanzo.Qml.Server.Tests;

public abstract class ModelRouteTests(DatabaseKind kind) : ServerTestBase(kind)
{
    private async Task<string> CreateModel(object body)
    {
        var response = await Client.PostAsJsonAsync("/v1/models", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Json()).GetProperty("id").GetString()!;
    }

    private async Task<System.Text.Json.JsonElement> TrainToEnd(string id, object body)
    {
        var response = await Client.PostAsJsonAsync($"/v1/models/{id}/train", body);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var jobId = (await response.Json()).GetProperty("id").GetString()!;
        return await Client.UntilFinal($"/v1/jobs/{jobId}", 180);
    }

    [SkippableFact]
    public async Task Vqc_trains_as_a_job_predicts_and_exports_exactly_the_library_model()
    {
        var id = await CreateModel(new { type = "vqc", n_qubits = 4, n_layers = 1, epochs = 4, seed = 3 });
        var created = await (await Client.GetAsync($"/v1/models/{id}")).Json();
        Assert.Equal("created", created.GetProperty("state").GetString());
        Assert.Equal(4, created.GetProperty("options").GetProperty("epochs").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, (await Client.PostAsJsonAsync($"/v1/models/{id}/predict", new { x = new[] { new[] { 1.0, 2, 3, 4 } } })).StatusCode);

        var job = await TrainToEnd(id, new { dataset = "iris" });
        Assert.Equal("succeeded", job.GetProperty("status").GetString());
        Assert.Equal("train", job.GetProperty("kind").GetString());

        var model = await (await Client.GetAsync($"/v1/models/{id}")).Json();
        Assert.Equal("trained", model.GetProperty("state").GetString());
        Assert.Equal(4, model.GetProperty("history").GetArrayLength());
        Assert.False(model.GetProperty("has_checkpoint").GetBoolean());

        // The same options through the library give the same parameters, bit for bit, and the same predictions.
        var options = new VariationalModelOptions { NumQubits = 4, NumLayers = 1, Epochs = 4, Seed = 3, Gradient = GradientMethod.Adjoint };
        var iris = BuiltInDatasets.Load("iris");
        var library = new VariationalClassifier(options).Fit(iris);
        var export = await Client.GetAsync($"/v1/models/{id}/export");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var exported = VariationalClassifier.FromJson(await export.Content.ReadAsStringAsync());
        Assert.Equal(library.Parameters, exported.Parameters);
        Assert.Equal(library.Score(iris), model.GetProperty("train_metric").GetDouble());

        var rows = new[] { iris.Row(0).ToArray(), iris.Row(70).ToArray(), iris.Row(140).ToArray() };
        var predicted = await (await Client.PostAsJsonAsync($"/v1/models/{id}/predict", new { x = rows })).Json();
        Assert.Equal(library.PredictLabels(rows), predicted.GetProperty("predictions").EnumerateArray().Select(p => p.GetString()!).ToArray());
        var proba = predicted.GetProperty("probabilities");
        Assert.Equal(library.PredictProba(rows)[1], proba[1].EnumerateArray().Select(p => p.GetDouble()).ToArray());
    }

    [SkippableFact]
    public async Task Retraining_replaces_the_model_that_predicts()
    {
        var id = await CreateModel(new { type = "vqc", n_qubits = 4, n_layers = 1, epochs = 1, seed = 2 });
        var iris = BuiltInDatasets.Load("iris");
        var rows = new[] { iris.Row(10).ToArray(), iris.Row(60).ToArray() };
        Assert.Equal("succeeded", (await TrainToEnd(id, new { dataset = "iris" })).GetProperty("status").GetString());
        var first = await (await Client.PostAsJsonAsync($"/v1/models/{id}/predict", new { x = rows })).Json();
        Assert.Equal("succeeded", (await TrainToEnd(id, new { dataset = "iris", epochs = 3 })).GetProperty("status").GetString());
        var second = await (await Client.PostAsJsonAsync($"/v1/models/{id}/predict", new { x = rows })).Json();
        var library = new VariationalClassifier(new VariationalModelOptions { NumQubits = 4, NumLayers = 1, Epochs = 3, Seed = 2, Gradient = GradientMethod.Adjoint }).Fit(iris);
        Assert.Equal(library.PredictProba(rows)[0], second.GetProperty("probabilities")[0].EnumerateArray().Select(p => p.GetDouble()).ToArray());
        Assert.NotEqual(first.GetProperty("probabilities")[0].GetRawText(), second.GetProperty("probabilities")[0].GetRawText());
    }

    [SkippableFact]
    public async Task Vqr_and_qsvm_train_and_predict()
    {
        var vqr = await CreateModel(new { type = "vqr", n_qubits = 2, n_layers = 1, epochs = 3 });
        var x = Enumerable.Range(0, 24).Select(i => new[] { i / 24.0, (i % 5) / 5.0 }).ToArray();
        var y = x.Select(r => Math.Sin(3 * r[0]) + 0.2 * r[1]).ToArray();
        var job = await TrainToEnd(vqr, new { data = new { x, y, task = "regression" } });
        Assert.Equal("succeeded", job.GetProperty("status").GetString());
        var p = await (await Client.PostAsJsonAsync($"/v1/models/{vqr}/predict", new { x = x.Take(3) })).Json();
        Assert.Equal(3, p.GetProperty("predictions").GetArrayLength());
        Assert.True(double.IsFinite(p.GetProperty("predictions")[0].GetDouble()));

        var qsvm = await CreateModel(new { type = "qsvm", n_qubits = 2, encoding = "zz", reps = 1 });
        var labels = x.Select(r => r[0] > 0.5 ? "high" : "low").ToArray();
        var qjob = await TrainToEnd(qsvm, new { data = new { x, y = labels } });
        Assert.Equal("succeeded", qjob.GetProperty("status").GetString());
        var q = await (await Client.PostAsJsonAsync($"/v1/models/{qsvm}/predict", new { x = x.Take(2) })).Json();
        Assert.All(q.GetProperty("predictions").EnumerateArray(), v => Assert.Contains(v.GetString(), new[] { "high", "low" }));
        Assert.Contains("hanzo-qml.qsvm", await (await Client.GetAsync($"/v1/models/{qsvm}/export")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Training_that_cannot_run_fails_with_a_reason_and_planned_types_are_501()
    {
        var qsvm = await CreateModel(new { type = "qsvm", n_qubits = 2 });
        var job = await TrainToEnd(qsvm, new { dataset = "iris" }); // iris has 4 features; a 2-qubit ZZ map reads 2
        Assert.Equal("failed", job.GetProperty("status").GetString());
        Assert.Contains("reads 2 features", job.GetProperty("error").GetString(), StringComparison.Ordinal);
        var model = await (await Client.GetAsync($"/v1/models/{qsvm}")).Json();
        Assert.Equal("failed", model.GetProperty("state").GetString());

        foreach (var planned in new[] { "qbm", "qgan" })
            Assert.Equal(HttpStatusCode.NotImplemented, (await Client.PostAsJsonAsync("/v1/models", new { type = planned })).StatusCode);
    }

    [SkippableFact]
    public async Task Cancelled_training_keeps_its_checkpoint_and_the_next_train_resumes_it_to_the_uninterrupted_result()
    {
        var id = await CreateModel(new { type = "vqc", n_qubits = 4, n_layers = 2, epochs = 200, seed = 5 });
        var response = await Client.PostAsJsonAsync($"/v1/models/{id}/train", new { dataset = "iris" });
        var jobId = (await response.Json()).GetProperty("id").GetString()!;
        // Second train while the first runs is refused.
        Assert.Equal(HttpStatusCode.Conflict, (await Client.PostAsJsonAsync($"/v1/models/{id}/train", new { dataset = "iris" })).StatusCode);
        // Wait for a few epochs, then cancel.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while ((await (await Client.GetAsync($"/v1/models/{id}")).Json()).GetProperty("history").GetArrayLength() < 2)
        {
            Assert.True(clock.Elapsed.TotalSeconds < 60, "no epoch finished within 60 s");
            await Task.Delay(20);
        }
        await Client.PostAsync($"/v1/jobs/{jobId}/cancel", null);
        var cancelled = await Client.UntilFinal($"/v1/jobs/{jobId}");
        Assert.Equal("cancelled", cancelled.GetProperty("status").GetString());
        var model = await (await Client.GetAsync($"/v1/models/{id}")).Json();
        Assert.True(model.GetProperty("has_checkpoint").GetBoolean());
        int done = model.GetProperty("history").GetArrayLength();

        var resumed = await TrainToEnd(id, new { dataset = "iris" });
        Assert.Equal("succeeded", resumed.GetProperty("status").GetString());
        Assert.True(resumed.GetProperty("result").GetProperty("resumed_from_epoch").GetInt32() >= done);

        var options = new VariationalModelOptions { NumQubits = 4, NumLayers = 2, Epochs = 200, Seed = 5, Gradient = GradientMethod.Adjoint };
        var library = new VariationalClassifier(options).Fit(BuiltInDatasets.Load("iris"));
        var exported = VariationalClassifier.FromJson(await (await Client.GetAsync($"/v1/models/{id}/export")).Content.ReadAsStringAsync());
        Assert.Equal(library.Parameters, exported.Parameters);
        Assert.Equal(200, (await (await Client.GetAsync($"/v1/models/{id}")).Json()).GetProperty("history").GetArrayLength());
    }

    [SkippableTheory]
    [InlineData("""{"n_qubits": 2}""", "\"type\" is required")]
    [InlineData("""{"type": "svm"}""", "allowed: vqc, vqr, qsvm")]
    [InlineData("""{"type": "vqc", "n_qubits": 0}""", "\"n_qubits\" is 0")]
    [InlineData("""{"type": "vqc", "epochs": 100000}""", "\"epochs\" is 100000")]
    [InlineData("""{"type": "vqc", "optimizer": "lbfgs"}""", "allowed: adam")]
    [InlineData("""{"type": "vqc", "learning_rate": -1}""", "learning_rate")]
    [InlineData("""{"type": "qsvm", "encoding": "qft"}""", "Unknown encoding")]
    [InlineData("""{"type": "qsvm", "c": 0}""", "\"c\"")]
    [InlineData("""{"type": "vqc", "backend": "ibm_q"}""", "Unknown backend")]
    [InlineData("""{"type": "vqc", "epoch": 5}""", "'epoch'")]
    public async Task Bad_model_definitions_are_400(string body, string fragment)
    {
        var response = await Client.PostRaw("/v1/models", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(fragment, (await response.Json()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Bad_train_and_predict_requests_are_refused()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await Client.PostAsJsonAsync("/v1/models/m_nope/train", new { dataset = "iris" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/v1/models/m_nope/export")).StatusCode);
        var id = await CreateModel(new { type = "vqr", n_qubits = 2 });
        var wrongTask = await Client.PostAsJsonAsync($"/v1/models/{id}/train", new { dataset = "iris" });
        Assert.Equal(HttpStatusCode.BadRequest, wrongTask.StatusCode);
        Assert.Contains("regression", (await wrongTask.Json()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await Client.PostAsJsonAsync($"/v1/models/{id}/train", new { dataset = "iris", csv = "a,b\n1,2" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Client.PostAsJsonAsync($"/v1/models/{id}/train", new { dataset = "iris", epochs = 0 })).StatusCode);
    }
}

public sealed class ModelRouteTestsOnSqlite() : ModelRouteTests(DatabaseKind.Sqlite);

public sealed class ModelRouteTestsOnPostgres() : ModelRouteTests(DatabaseKind.Postgres);
