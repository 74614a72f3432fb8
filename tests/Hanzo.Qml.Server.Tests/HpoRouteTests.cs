using System.Net;
using System.Net.Http.Json;
using Hanzo.Qml.Data;
using Hanzo.Qml.Optimization.Hpo;

namespace Hanzo.Qml.Server.Tests;

public abstract class HpoRouteTests(DatabaseKind kind) : ServerTestBase(kind)
{

    [SkippableFact]
    public async Task Hpo_sweep_compares_all_three_methods_and_matches_the_library()
    {
        var body = new
        {
            model = "rbf_svm", dataset = "iris", budget = 5, seed = 2, p = 1,
            search_space = new Dictionary<string, double[]> { ["C"] = [0.1, 1, 10], ["gamma"] = [0.01, 0.1, 1] },
        };
        var response = await Client.PostAsJsonAsync("/v1/hpo/quantum", body);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var id = (await response.Json()).GetProperty("id").GetString()!;
        var job = await Client.UntilFinal($"/v1/hpo/{id}", 180);
        Assert.Equal("succeeded", job.GetProperty("status").GetString());
        var result = job.GetProperty("result");
        var methods = result.GetProperty("methods");
        foreach (var m in new[] { "qaoa", "random", "tpe" })
        {
            Assert.Equal(5, methods.GetProperty(m).GetProperty("evaluations").GetInt32());
            Assert.Equal(5, methods.GetProperty(m).GetProperty("best_so_far").GetArrayLength());
        }
        Assert.False(string.IsNullOrEmpty(result.GetProperty("winner").GetString()));
        Assert.False(string.IsNullOrEmpty(result.GetProperty("summary").GetString()));

        // The random-search arm is deterministic under the seed: the library gives the same best loss.
        var space = new SearchSpace([Hyperparameter.Numeric("C", 0.1, 1, 10), Hyperparameter.Numeric("gamma", 0.01, 0.1, 1)]);
        var objective = new ModelHpoObjective(BuiltInDatasets.Load("iris"), "rbf_svm", new ModelHpoObjectiveOptions { Seed = 2 });
        var random = new RandomSearchHpo(new HpoOptions { Seed = 2 }).Run(space, objective, 5);
        Assert.Equal(random.BestValue, methods.GetProperty("random").GetProperty("best_value").GetDouble());
    }

    [SkippableTheory]
    [InlineData("""{"dataset": "iris", "search_space": {"C": [1, 2]}}""", "\"model\" is required")]
    [InlineData("""{"model": "xgb", "dataset": "iris", "search_space": {"C": [1, 2]}}""", "Unknown model")]
    [InlineData("""{"model": "rbf_svm", "dataset": "iris"}""", "\"search_space\" is required")]
    [InlineData("""{"model": "rbf_svm", "dataset": "iris", "search_space": {"C": []}}""", "non-empty")]
    [InlineData("""{"model": "rbf_svm", "dataset": "iris", "search_space": {"C": [1, null]}}""", "finite number or a string")]
    [InlineData("""{"model": "rbf_svm", "dataset": "iris", "search_space": {"C": [1]}, "budget": 0}""", "\"budget\" is 0")]
    [InlineData("""{"model": "rbf_svm", "dataset": "iris", "search_space": {"C": [1]}, "method": "grid"}""", "Unknown method")]
    [InlineData("""{"model": "rbf_svm", "dataset": "iris", "search_space": {"depth": [1, 2]}}""", "")]
    public async Task Bad_hpo_requests_are_400(string body, string fragment)
    {
        var response = await Client.PostRaw("/v1/hpo/quantum", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(fragment, (await response.Json()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}

public sealed class HpoRouteTestsOnSqlite() : HpoRouteTests(DatabaseKind.Sqlite);

public sealed class HpoRouteTestsOnPostgres() : HpoRouteTests(DatabaseKind.Postgres);
