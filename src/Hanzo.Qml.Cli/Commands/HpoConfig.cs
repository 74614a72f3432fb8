using System.Globalization;
using Hanzo.Qml.Classical.Metrics;
using Hanzo.Qml.Data;
using Hanzo.Qml.Optimization.Hpo;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Hanzo.Qml.Cli.Commands;

/// <summary>
/// The YAML file of <c>hanzo-qml hpo</c>: <c>model</c>, <c>dataset</c> (a built-in name or a CSV path, relative paths
/// resolved from the file's folder first), optional <c>metric</c>, <c>search_space</c> (name → list of numbers or
/// strings), optional <c>budget</c>, <c>seed</c>, <c>folds</c> and <c>validation_fraction</c>.
/// </summary>
/// <param name="Model">Model name.</param>
/// <param name="Dataset">Built-in dataset name or resolved CSV path.</param>
/// <param name="Metric">Score whose complement is minimised.</param>
/// <param name="Space">The search space.</param>
/// <param name="Budget">Evaluations per method, or null.</param>
/// <param name="Seed">Seed, or null.</param>
/// <param name="Folds">0 for a hold-out split, k ≥ 2 for k-fold.</param>
/// <param name="ValidationFraction">Hold-out share.</param>
internal sealed record HpoConfig(string Model, string Dataset, ClassificationMetric Metric, SearchSpace Space, int? Budget, long? Seed, int Folds, double ValidationFraction)
{
    private static readonly string[] Keys = ["model", "dataset", "metric", "search_space", "budget", "seed", "folds", "validation_fraction"];

    /// <summary>Reads and checks the file; every problem is a one-line usage error naming the file.</summary>
    public static HpoConfig Load(string path)
    {
        if (!File.Exists(path)) throw CliException.Usage($"cannot read '{path}': file not found");
        var yaml = new YamlStream();
        try
        {
            using var reader = new StreamReader(path);
            yaml.Load(reader);
        }
        catch (YamlException e)
        {
            throw CliException.Usage($"'{path}' is not valid YAML (line {e.Start.Line}, column {e.Start.Column}): {Inner(e)}", e);
        }
        if (yaml.Documents.Count == 0 || yaml.Documents[0].RootNode is not YamlMappingNode root)
            throw CliException.Usage($"'{path}': expected a mapping with keys {string.Join(", ", Keys)}");
        var map = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (k, v) in root.Children)
        {
            string key = (k as YamlScalarNode)?.Value ?? "";
            if (!Keys.Contains(key)) throw CliException.Usage($"'{path}': unknown key '{key}' (line {k.Start.Line}); allowed: {string.Join(", ", Keys)}");
            map[key] = v;
        }
        string model = Text(path, map, "model") ?? throw CliException.Usage($"'{path}': missing 'model' ({string.Join(", ", ModelHpoObjective.Models)})");
        string dataset = Text(path, map, "dataset") ?? throw CliException.Usage($"'{path}': missing 'dataset' (a built-in name or a CSV path)");
        if (!BuiltInDatasets.Names.Contains(dataset, StringComparer.OrdinalIgnoreCase) && !Path.IsPathRooted(dataset)
            && Path.GetDirectoryName(Path.GetFullPath(path)) is { } dir && File.Exists(Path.Combine(dir, dataset)))
            dataset = Path.Combine(dir, dataset);
        var metric = (Text(path, map, "metric") ?? "accuracy").ToLowerInvariant().Replace('-', '_') switch
        {
            "accuracy" => ClassificationMetric.Accuracy,
            "f1" or "macro_f1" => ClassificationMetric.MacroF1,
            "roc_auc" => ClassificationMetric.RocAuc,
            var m => throw CliException.Usage($"'{path}': unknown metric '{m}'; allowed: accuracy, f1, roc_auc"),
        };
        if (!map.TryGetValue("search_space", out var spaceNode) || spaceNode is not YamlMappingNode spaceMap || spaceMap.Children.Count == 0)
            throw CliException.Usage($"'{path}': 'search_space' must be a mapping of hyperparameter name to a list of values, e.g. {{C: [0.1, 1, 10], gamma: [0.01, 0.1]}}");
        var parameters = new List<Hyperparameter>();
        foreach (var (k, v) in spaceMap.Children)
        {
            string name = (k as YamlScalarNode)?.Value ?? "";
            if (v is not YamlSequenceNode seq || seq.Children.Count == 0 || seq.Children.Any(c => c is not YamlScalarNode))
                throw CliException.Usage($"'{path}': search_space.{name} (line {v.Start.Line}) must be a non-empty list of numbers or strings");
            try
            {
                parameters.Add(new Hyperparameter(name, seq.Children.Cast<YamlScalarNode>().Select(Value)));
            }
            catch (ArgumentException e)
            {
                throw CliException.Usage($"'{path}': search_space.{name}: {e.Message}", e);
            }
        }
        double fraction = Number(path, map, "validation_fraction") ?? 0.25;
        if (!(fraction > 0 && fraction < 1)) throw CliException.Usage($"'{path}': validation_fraction must be in (0, 1), got {fraction.ToString(CultureInfo.InvariantCulture)}");
        int folds = Integer(path, map, "folds") ?? 0;
        if (folds is 1 or < 0) throw CliException.Usage($"'{path}': folds must be 0 (hold-out) or at least 2, got {folds}");
        return new HpoConfig(model, dataset, metric, new SearchSpace(parameters), Integer(path, map, "budget"), Integer(path, map, "seed"), folds, fraction);
    }

    // A plain scalar that parses as a number is a number; quoted scalars stay strings, as YAML intends.
    private static HyperparameterValue Value(YamlScalarNode s) =>
        s.Style == ScalarStyle.Plain && double.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && double.IsFinite(d)
            ? HyperparameterValue.Of(d)
            : HyperparameterValue.Of(s.Value ?? "");

    private static string? Text(string path, Dictionary<string, YamlNode> map, string key)
    {
        if (!map.TryGetValue(key, out var node)) return null;
        return node is YamlScalarNode { Value: { Length: > 0 } v } ? v : throw CliException.Usage($"'{path}': '{key}' (line {node.Start.Line}) must be a single value");
    }

    private static double? Number(string path, Dictionary<string, YamlNode> map, string key)
    {
        string? t = Text(path, map, key);
        if (t is null) return null;
        return double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) ? d : throw CliException.Usage($"'{path}': '{key}' must be a number, got '{t}'");
    }

    private static int? Integer(string path, Dictionary<string, YamlNode> map, string key)
    {
        string? t = Text(path, map, key);
        if (t is null) return null;
        return int.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out int i) ? i : throw CliException.Usage($"'{path}': '{key}' must be an integer, got '{t}'");
    }

    private static string Inner(Exception e)
    {
        while (e.InnerException is not null) e = e.InnerException;
        return e.Message;
    }
}
