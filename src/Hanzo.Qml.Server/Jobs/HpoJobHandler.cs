using System.Globalization;
using System.Text.Json;
using Hanzo.Qml.Optimization.Hpo;
using Hanzo.Qml.Server.Configuration;
using Hanzo.Qml.Server.Hpo;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Hanzo.Qml.Server.Jobs;

/// <summary>Runs quantum-enhanced HPO sweeps (<c>POST /v1/hpo/quantum</c>): every requested method on the same budget, then the honest comparison.</summary>
/// <param name="json">The service's JSON settings.</param>
/// <param name="config">Limits.</param>
public sealed class HpoJobHandler(IOptions<JsonOptions> json, IOptions<QmlServerOptions> config) : IJobHandler
{
    /// <summary>The kind name.</summary>
    public const string KindName = "hpo";

    /// <inheritdoc />
    public string Kind => KindName;

    /// <inheritdoc />
    public Task<JobOutcome> RunAsync(JobExecution job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var request = JsonSerializer.Deserialize<HpoRequest>(job.Record.RequestJson, json.Value.SerializerOptions)
            ?? throw new JobFailedException("the stored request is empty");
        var plan = request.Resolve(config.Value.Limits.MaxBatchRows);
        var results = new Dictionary<string, HpoResult>(StringComparer.Ordinal);
        int total = plan.Methods.Count * plan.Budget, done = 0;
        foreach (var name in plan.Methods)
        {
            IHpoMethod method = name switch
            {
                "qaoa" => new QaoaHpo(new QaoaHpoOptions { Seed = plan.Seed, Layers = plan.Layers, MaxBits = plan.MaxBits }),
                "random" => new RandomSearchHpo(new HpoOptions { Seed = plan.Seed }),
                _ => new TpeHpo(new TpeOptions { Seed = plan.Seed }),
            };
            var progress = new CallbackProgress<HpoEvaluation>(e =>
            {
                done++;
                job.ReportProgress(done / (double)total, string.Create(CultureInfo.InvariantCulture, $"{name} {e.Number}/{plan.Budget}: loss {e.Value:F4}"));
            });
            results[name] = method.Run(plan.Space, plan.Objective, plan.Budget, cancellationToken, progress);
        }
        var comparison = HpoComparison.Compare(results);
        var output = new
        {
            model = plan.Objective.Model,
            budget = plan.Budget,
            seed = plan.Seed,
            n_bits = plan.Space.OneHotBits,
            methods = results.ToDictionary(r => r.Key, r => new
            {
                best_config = Config(r.Value.BestConfiguration),
                best_value = r.Value.BestValue,
                evaluations = r.Value.Evaluations,
                evaluations_to_best = r.Value.EvaluationsToBest,
                wall_time_s = r.Value.WallTime.TotalSeconds,
                best_so_far = r.Value.BestSoFar,
                history = r.Value.History.Select(e => new { config = Config(e.Configuration), value = e.Value, source = e.Source }),
            }),
            winner = comparison.Winner,
            summary = comparison.Summary,
        };
        return Task.FromResult(new JobOutcome(JsonSerializer.Serialize(output)));
    }

    private static Dictionary<string, object> Config(Optimization.Hpo.Configuration c) =>
        c.Space.Parameters.ToDictionary(p => p.Name, p => c[p.Name] is { IsNumber: true } v ? (object)v.Number : c[p.Name].Text!, StringComparer.Ordinal);
}
