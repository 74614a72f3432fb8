using System.Text.Json;
using Hanzo.Qml.Classical.Metrics;
using Hanzo.Qml.Optimization.Hpo;
using Hanzo.Qml.Server.Endpoints;

namespace Hanzo.Qml.Server.Hpo;

/// <summary>
/// Body of <c>POST /v1/hpo/quantum</c>: the same settings as <c>hanzo-qml hpo</c>'s YAML file plus the method choice.
/// QAOA on a factorization-machine surrogate is compared with random search and TPE on the same budget unless
/// <see cref="Method"/> names one.
/// </summary>
// A misspelt setting must be an error, not silently ignored.
[System.Text.Json.Serialization.JsonUnmappedMemberHandling(System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow)]
public sealed record HpoRequest
{
    /// <summary>rbf_svm or mlp.</summary>
    public string? Model { get; init; }

    /// <summary>Built-in dataset name.</summary>
    public string? Dataset { get; init; }

    /// <summary>Inline data instead of a name.</summary>
    public InlineData? Data { get; init; }

    /// <summary>CSV text instead of a name.</summary>
    public string? Csv { get; init; }

    /// <summary>accuracy (default), f1 or roc_auc; the loss is 1 − metric.</summary>
    public string? Metric { get; init; }

    /// <summary>Hyperparameter name → list of values (numbers or strings).</summary>
    public Dictionary<string, JsonElement[]>? SearchSpace { get; init; }

    /// <summary>qaoa, random, tpe or all (default).</summary>
    public string? Method { get; init; }

    /// <summary>Objective evaluations per method (default 15).</summary>
    public int? Budget { get; init; }

    /// <summary>Seed (default 0).</summary>
    public long? Seed { get; init; }

    /// <summary>QAOA layers (default 2).</summary>
    public int? P { get; init; }

    /// <summary>Most one-hot bits (qubits) QAOA may use (default 20).</summary>
    public int? NQubits { get; init; }

    /// <summary>0 (hold-out, default) or k ≥ 2 folds.</summary>
    public int? Folds { get; init; }

    /// <summary>Hold-out fraction (default 0.25).</summary>
    public double? ValidationFraction { get; init; }

    /// <summary>Method names.</summary>
    public static IReadOnlyList<string> Methods { get; } = ["qaoa", "random", "tpe"];

    /// <summary>Largest budget accepted.</summary>
    public const int MaxBudget = 200;

    /// <summary>Everything the job needs, validated.</summary>
    /// <param name="maxRows">Most data rows accepted.</param>
    /// <exception cref="ArgumentException">When a setting is invalid; the message says what is allowed.</exception>
    public HpoPlan Resolve(int maxRows)
    {
        var model = (Model ?? throw new ArgumentException($"\"model\" is required; allowed: {string.Join(", ", ModelHpoObjective.Models)}.")).Trim().ToLowerInvariant();
        if (!ModelHpoObjective.Models.Contains(model)) throw new ArgumentException($"Unknown model \"{Model}\"; allowed: {string.Join(", ", ModelHpoObjective.Models)}.");
        var method = (Method ?? "all").Trim().ToLowerInvariant();
        if (method != "all" && !Methods.Contains(method)) throw new ArgumentException($"Unknown method \"{Method}\"; allowed: qaoa, random, tpe, all.");
        int budget = Budget ?? 15, p = P ?? 2, maxBits = NQubits ?? QaoaHpoOptions.DefaultMaxBits, folds = Folds ?? 0;
        double fraction = ValidationFraction ?? 0.25;
        if (budget is < 1 or > MaxBudget) throw new ArgumentException($"\"budget\" is {budget}; allowed: 1 to {MaxBudget}.");
        if (p is < 1 or > 10) throw new ArgumentException($"\"p\" is {p}; allowed: 1 to 10.");
        if (maxBits is < 1 or > QaoaHpoOptions.DefaultMaxBits) throw new ArgumentException($"\"n_qubits\" is {maxBits}; allowed: 1 to {QaoaHpoOptions.DefaultMaxBits}.");
        if (folds is 1 or < 0 or > 20) throw new ArgumentException($"\"folds\" is {folds}; allowed: 0 (hold-out) or 2 to 20.");
        if (!(fraction > 0 && fraction < 1)) throw new ArgumentException("\"validation_fraction\" must be in (0, 1).");
        var metric = (Metric ?? "accuracy").Trim().ToLowerInvariant() switch
        {
            "accuracy" => ClassificationMetric.Accuracy,
            "f1" or "macro_f1" => ClassificationMetric.MacroF1,
            "roc_auc" => ClassificationMetric.RocAuc,
            _ => throw new ArgumentException($"Unknown metric \"{Metric}\"; allowed: accuracy, f1, roc_auc."),
        };
        if (SearchSpace is null || SearchSpace.Count == 0)
            throw new ArgumentException("\"search_space\" is required: an object of hyperparameter name → list of values, e.g. {\"C\": [0.1, 1, 10], \"gamma\": [0.01, 0.1]}.");
        var parameters = new List<Hyperparameter>();
        foreach (var (name, values) in SearchSpace)
        {
            if (values is null || values.Length == 0) throw new ArgumentException($"\"search_space.{name}\" must be a non-empty list of numbers or strings.");
            if (values.Length > 64) throw new ArgumentException($"\"search_space.{name}\" has {values.Length} values; at most 64 per hyperparameter.");
            var parsed = values.Select((v, i) => v.ValueKind switch
            {
                JsonValueKind.Number when v.TryGetDouble(out double d) && double.IsFinite(d) => HyperparameterValue.Of(d),
                JsonValueKind.String => HyperparameterValue.Of(v.GetString()!),
                _ => throw new ArgumentException($"\"search_space.{name}\"[{i}] must be a finite number or a string."),
            });
            parameters.Add(new Hyperparameter(name, parsed.ToArray()));
        }
        var space = new SearchSpace(parameters);
        var methods = method == "all" ? Methods : [method];
        if (methods.Contains("qaoa") && space.OneHotBits > maxBits)
            throw new ArgumentException($"The search space needs {space.OneHotBits} qubits (one per value) but QAOA may use {maxBits}; drop values or use \"method\": \"random\" or \"tpe\".");
        var data = new DatasetRequest { Dataset = Dataset, Data = Data, Csv = Csv }.Load(maxRows);
        var objective = new ModelHpoObjective(data, model, new ModelHpoObjectiveOptions { Metric = metric, Seed = Seed ?? 0, Folds = folds, ValidationFraction = fraction });
        objective.Validate(space);
        return new HpoPlan(objective, space, methods, budget, Seed ?? 0, p, maxBits);
    }
}

/// <summary>A validated HPO sweep.</summary>
/// <param name="Objective">Model on data.</param>
/// <param name="Space">The search space.</param>
/// <param name="Methods">Methods to run, in order.</param>
/// <param name="Budget">Evaluations per method.</param>
/// <param name="Seed">Seed.</param>
/// <param name="Layers">QAOA layers.</param>
/// <param name="MaxBits">QAOA qubit bound.</param>
public sealed record HpoPlan(ModelHpoObjective Objective, SearchSpace Space, IReadOnlyList<string> Methods, int Budget, long Seed, int Layers, int MaxBits);
