using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Hanzo.Qml.Cli.Output;
using Hanzo.Qml.Data;
using Hanzo.Qml.Optimization.Hpo;

namespace Hanzo.Qml.Cli.Commands;

/// <summary>What <c>hanzo-qml hpo</c> was asked to do.</summary>
/// <param name="Config">Path of the YAML file.</param>
/// <param name="Method">qaoa, random, tpe or all.</param>
/// <param name="NumQubits">Cap on the one-hot bits (QAOA qubits), or null for the default of 20.</param>
/// <param name="Layers">QAOA depth p.</param>
/// <param name="Budget">Evaluations per method (overrides the file), or null.</param>
/// <param name="Seed">Seed (overrides the file), or null.</param>
/// <param name="Json">Write JSON.</param>
public sealed record HpoRequest(string Config, string Method, int? NumQubits, int Layers, int? Budget, long? Seed, bool Json);

/// <summary>
/// <c>hanzo-qml hpo --config hpo.yaml [--method qaoa|random|tpe|all] [--n-qubits N] [--p P] [--budget B] [--seed S] [--json]</c>:
/// tunes a classifier's hyperparameters over a discrete space with QAOA on a factorization-machine surrogate, random
/// search and TPE on the same budget, seed and validation split, and says which found the lowest validation loss
/// (1 − metric) first. Progress goes to standard error, one line per evaluation.
/// </summary>
public static class HpoCommand
{
    /// <summary>Evaluations per method when neither the file nor <c>--budget</c> sets it.</summary>
    public const int DefaultBudget = 15;

    private static readonly string[] MethodNames = ["qaoa", "random", "tpe"];

    /// <summary>Builds the command; results go to <paramref name="stdout"/>, progress to <paramref name="stderr"/>.</summary>
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var config = new Option<string>("--config") { Description = "YAML file: model, dataset, metric, search_space, optional budget and seed", Required = true };
        var method = new Option<string>("--method") { Description = "qaoa, random, tpe or all (default)", DefaultValueFactory = _ => "all" };
        var qubits = new Option<int?>("--n-qubits") { Description = "Most qubits (one-hot bits) QAOA may use; an error if the space needs more (default 20)" };
        var layers = new Option<int>("--p") { Description = "QAOA depth", DefaultValueFactory = _ => 2 };
        var budget = new Option<int?>("--budget") { Description = $"Evaluations per method (default: the file's, else {DefaultBudget})" };
        var seed = new Option<long?>("--seed") { Description = "Seed of the initial design, the searches, the split and the models (default: the file's, else 0)" };
        var json = new Option<bool>("--json") { Description = "Print {methods: {NAME: {best_config, best_value, evaluations, best_so_far, history}}, winner, summary}" };
        var command = new Command("hpo", "Hyperparameter search: QAOA on a surrogate QUBO vs random search vs TPE") { config, method, qubits, layers, budget, seed, json };
        command.SetAction(p => Execute(new HpoRequest(p.GetValue(config)!, p.GetValue(method)!, p.GetValue(qubits), p.GetValue(layers), p.GetValue(budget),
            p.GetValue(seed), p.GetValue(json)), stdout, stderr));
        return command;
    }

    /// <summary>Runs the searches and writes the comparison; throws <see cref="CliException"/> on bad input.</summary>
    public static int Execute(HpoRequest request, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        string m = request.Method.Trim().ToLowerInvariant();
        if (m != "all" && !MethodNames.Contains(m)) throw CliException.Usage($"unknown --method '{request.Method}'; allowed: qaoa, random, tpe, all");
        if (request.Layers < 1) throw CliException.Usage($"--p must be at least 1, got {request.Layers}");
        if (request.NumQubits is < 1) throw CliException.Usage($"--n-qubits must be at least 1, got {request.NumQubits}");
        if (request.Budget is < 1) throw CliException.Usage($"--budget must be at least 1, got {request.Budget}");
        var cfg = HpoConfig.Load(request.Config);
        int budget = request.Budget ?? cfg.Budget ?? DefaultBudget;
        if (budget < 1) throw CliException.Usage($"budget must be at least 1, got {budget}");
        long seed = request.Seed ?? cfg.Seed ?? 0;
        var methods = m == "all" ? MethodNames : [m];
        int maxBits = request.NumQubits ?? QaoaHpoOptions.DefaultMaxBits;
        if (methods.Contains("qaoa") && cfg.Space.OneHotBits > maxBits)
            throw CliException.Usage($"the search space needs {cfg.Space.OneHotBits} qubits (one per value: {string.Join(" + ", cfg.Space.Parameters.Select(p => $"{p.Name} {p.Values.Count}"))}) but "
                + (request.NumQubits is null ? $"QAOA is limited to {maxBits}" : $"--n-qubits is {maxBits}") + "; drop values or use --method random|tpe");

        var data = DatasetArgument.Load(cfg.Dataset);
        ModelHpoObjective objective;
        try
        {
            objective = new ModelHpoObjective(data, cfg.Model, new ModelHpoObjectiveOptions { Metric = cfg.Metric, Seed = seed, Folds = cfg.Folds, ValidationFraction = cfg.ValidationFraction });
            objective.Validate(cfg.Space);
        }
        catch (ArgumentException e)
        {
            throw CliException.Usage($"'{request.Config}': {e.Message}", e);
        }

        var inv = CultureInfo.InvariantCulture;
        stderr.WriteLine($"hpo: {cfg.Model} on {data.Name} ({data.NumSamples} rows), {cfg.Space.Size} configurations, {cfg.Space.OneHotBits} one-hot bits, budget {budget}, seed {seed}");
        var results = new Dictionary<string, HpoResult>();
        foreach (string name in methods)
        {
            IHpoMethod method = name switch
            {
                "qaoa" => new QaoaHpo(new QaoaHpoOptions { Seed = seed, Layers = request.Layers, MaxBits = maxBits }),
                "random" => new RandomSearchHpo(new HpoOptions { Seed = seed }),
                _ => new TpeHpo(new TpeOptions { Seed = seed }),
            };
            double best = double.PositiveInfinity;
            var progress = new SyncProgress(e =>
            {
                best = Math.Min(best, e.Value);
                stderr.WriteLine($"hpo: {name} {e.Number}/{budget} {e.Configuration} -> {e.Value.ToString("F4", inv)} (best {best.ToString("F4", inv)}, {e.Source})");
            });
            results[name] = method.Run(cfg.Space, objective, budget, default, progress);
        }
        var cmp = HpoComparison.Compare(results);
        stderr.Flush();

        if (request.Json)
        {
            JsonOutput.Write(stdout, json =>
            {
                json.WriteStartObject();
                json.WriteString("model", objective.Model);
                json.WriteString("dataset", data.Name);
                json.WriteString("metric", MetricName(cfg.Metric));
                json.WriteNumber("budget", budget);
                json.WriteNumber("seed", seed);
                json.WriteNumber("n_bits", cfg.Space.OneHotBits);
                json.WritePropertyName("methods");
                json.WriteStartObject();
                foreach (var (name, r) in results)
                {
                    json.WritePropertyName(name);
                    json.WriteStartObject();
                    json.WritePropertyName("best_config");
                    Config(json, r.BestConfiguration);
                    json.WritePropertyName("best_value");
                    JsonOutput.Number(json, r.BestValue);
                    json.WriteNumber("evaluations", r.Evaluations);
                    json.WriteNumber("evaluations_to_best", r.EvaluationsToBest);
                    json.WritePropertyName("wall_time_s");
                    JsonOutput.Number(json, r.WallTime.TotalSeconds);
                    json.WritePropertyName("best_so_far");
                    json.WriteStartArray();
                    foreach (double v in r.BestSoFar) JsonOutput.Number(json, v);
                    json.WriteEndArray();
                    json.WritePropertyName("history");
                    json.WriteStartArray();
                    foreach (var e in r.History)
                    {
                        json.WriteStartObject();
                        json.WritePropertyName("config");
                        Config(json, e.Configuration);
                        json.WritePropertyName("value");
                        JsonOutput.Number(json, e.Value);
                        json.WriteString("source", e.Source);
                        json.WriteEndObject();
                    }
                    json.WriteEndArray();
                    json.WriteEndObject();
                }
                json.WriteEndObject();
                json.WriteString("winner", cmp.Winner);
                json.WriteString("summary", cmp.Summary);
                json.WriteEndObject();
            });
        }
        else
        {
            stdout.WriteLine($"Hyperparameter search: {objective.Model} on {data.Name}, loss = 1 - {MetricName(cfg.Metric)}, budget {budget}, seed {seed}");
            var rows = results.Values.Select(r => new[]
            {
                r.Method, r.BestValue.ToString("F4", inv), r.EvaluationsToBest.ToString(inv), r.Evaluations.ToString(inv),
                r.WallTime.TotalSeconds.ToString("F2", inv), r.BestConfiguration.ToString(),
            }).ToList();
            string[] header = ["method", "best loss", "found at", "evals", "time (s)", "best configuration"];
            var widths = header.Select((h, i) => Math.Max(h.Length, rows.Max(r => r[i].Length))).ToArray();
            stdout.WriteLine(string.Join("  ", header.Select((h, i) => h.PadRight(widths[i]))).TrimEnd());
            foreach (var r in rows) stdout.WriteLine(string.Join("  ", r.Select((c, i) => c.PadRight(widths[i]))).TrimEnd());
            stdout.WriteLine($"winner: {cmp.Winner}");
            stdout.WriteLine(cmp.Summary);
        }
        return ExitCodes.Success;
    }

    private static string MetricName(Classical.Metrics.ClassificationMetric m) => m switch
    {
        Classical.Metrics.ClassificationMetric.MacroF1 => "f1",
        Classical.Metrics.ClassificationMetric.RocAuc => "roc_auc",
        _ => "accuracy",
    };

    private static void Config(Utf8JsonWriter json, Configuration c)
    {
        json.WriteStartObject();
        foreach (var (name, v) in c.Values)
        {
            if (v.IsNumber)
            {
                json.WritePropertyName(name);
                JsonOutput.Number(json, v.Number);
            }
            else json.WriteString(name, v.Text);
        }
        json.WriteEndObject();
    }

    // Progress<T> posts to the thread pool; the log lines must come out in order, on the calling thread.
    private sealed class SyncProgress(Action<HpoEvaluation> report) : IProgress<HpoEvaluation>
    {
        public void Report(HpoEvaluation value) => report(value);
    }
}
