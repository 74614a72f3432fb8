using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hanzo.Qml.Data;
using Hanzo.Qml.Models;

namespace Hanzo.Qml.Server.Tests;

/// <summary>
/// The durability promise end to end: a server process is killed with SIGKILL while it trains several models, a new
/// process on the same database finishes every job (resuming from checkpoints), none is lost and none is run twice.
/// </summary>
public sealed class CrashRecoveryTests : IDisposable
{
    private readonly string _folder = ServerFactory.TempFolder();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    private Dictionary<string, string> Environment(int leaseSeconds) => new()
    {
        ["HANZO_QML_DATABASE__PATH"] = Path.Combine(_folder, "crash.db"),
        ["HANZO_QML_JOBS__WORKERS"] = "2",
        ["HANZO_QML_JOBS__LEASESECONDS"] = leaseSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["HANZO_QML_JOBS__POLLSECONDS"] = "0.2",
    };

    private const int Epochs = 100;

    // With a 2 s lease the restarted server could also take the jobs over by lease expiry (as a server on another
    // machine would); with a 300 s lease only its start-up check of the dead predecessor on this machine can resume
    // them within the test's time.
    [Theory]
    [InlineData(2)]
    [InlineData(300)]
    public async Task Sigkill_mid_training_loses_no_job_and_runs_none_twice(int leaseSeconds)
    {
        var models = new List<(string Model, string Job, int Seed)>();
        string qaoaJob;
        using (var first = await ServerProcess.StartAsync(Environment(leaseSeconds)))
        {
            for (int seed = 0; seed < 4; seed++)
            {
                var created = await first.Client.PostAsJsonAsync("/v1/models", new { type = "vqc", n_qubits = 4, n_layers = 2, epochs = Epochs, seed });
                Assert.Equal(HttpStatusCode.Created, created.StatusCode);
                var id = (await created.Json()).GetProperty("id").GetString()!;
                var train = await first.Client.PostAsJsonAsync($"/v1/models/{id}/train", new { dataset = "iris" });
                Assert.Equal(HttpStatusCode.Accepted, train.StatusCode);
                models.Add((id, (await train.Json()).GetProperty("id").GetString()!, seed));
            }
            var qaoa = await first.Client.PostAsJsonAsync("/v1/qaoa", new { graph = "random:10:3", p = 2, seed = 1 });
            qaoaJob = (await qaoa.Json()).GetProperty("id").GetString()!;

            // Kill while a training job is running a few epochs in (its checkpoint is stored): the jobs behind it are still queued.
            var clock = Stopwatch.StartNew();
            while (true)
            {
                var state = await (await first.Client.GetAsync($"/v1/models/{models[0].Model}")).Json();
                var job = await (await first.Client.GetAsync($"/v1/jobs/{models[0].Job}")).Json();
                if (state.GetProperty("history").GetArrayLength() >= 3 && job.GetProperty("status").GetString() == "running") break;
                Assert.True(job.GetProperty("status").GetString() is "queued" or "running", "the first job ended before the kill: " + job);
                Assert.True(clock.Elapsed.TotalSeconds < 90, "training made no progress in 90 s:\n" + first.Output);
                await Task.Delay(10);
            }
            first.Kill();
        }

        using var second = await ServerProcess.StartAsync(Environment(leaseSeconds));
        var restarted = Stopwatch.StartNew();
        var jobs = new List<JsonElement>();
        foreach (var (_, job, _) in models) jobs.Add(await second.Client.UntilFinal($"/v1/jobs/{job}", 240));
        var qaoaResult = await second.Client.UntilFinal($"/v1/jobs/{qaoaJob}", 120);

        Assert.Equal("succeeded", qaoaResult.GetProperty("status").GetString());
        Assert.All(jobs, j => Assert.Equal("succeeded", j.GetProperty("status").GetString()));
        // The interrupted job was started again (attempt 2) from its checkpoint, not from epoch 0. (It could only have
        // escaped the kill by finishing its remaining epochs in the instant between the check above and the kill.)
        var interrupted = jobs[0];
        Assert.Equal(2, interrupted.GetProperty("attempts").GetInt32());
        Assert.True(interrupted.GetProperty("result").GetProperty("resumed_from_epoch").GetInt32() >= 3);
        Assert.All(jobs, j => Assert.InRange(j.GetProperty("attempts").GetInt32(), 1, 2));

        var iris = BuiltInDatasets.Load("iris");
        foreach (var (model, _, seed) in models)
        {
            var state = await (await second.Client.GetAsync($"/v1/models/{model}")).Json();
            Assert.Equal("trained", state.GetProperty("state").GetString());
            // Every epoch exactly once: nothing lost, nothing repeated.
            Assert.Equal(Enumerable.Range(1, Epochs), state.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("epoch").GetInt32()));
            // And the parameters are those of an uninterrupted run, bit for bit.
            var exported = VariationalClassifier.FromJson(await (await second.Client.GetAsync($"/v1/models/{model}/export")).Content.ReadAsStringAsync());
            var reference = new VariationalClassifier(new VariationalModelOptions { NumQubits = 4, NumLayers = 2, Epochs = Epochs, Seed = seed, Gradient = GradientMethod.Adjoint }).Fit(iris);
            Assert.Equal(reference.Parameters, exported.Parameters);
        }
        Assert.Contains("attempt 2", second.Output, StringComparison.Ordinal);
        Assert.True(restarted.Elapsed.TotalSeconds < leaseSeconds + 120, $"recovery took {restarted.Elapsed.TotalSeconds:F0} s");
        if (leaseSeconds > 100) Assert.Contains("interrupted by the end of a previous run on this machine are resumed now", second.Output, StringComparison.Ordinal);
    }
}
