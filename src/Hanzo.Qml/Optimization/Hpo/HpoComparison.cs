using System.Globalization;

namespace Hanzo.Qml.Optimization.Hpo;

/// <summary>The three searches on one objective and budget, and a plain verdict.</summary>
public sealed record HpoComparisonResult
{
    /// <summary>Each method's result, keyed by its name, in the order run.</summary>
    public required IReadOnlyDictionary<string, HpoResult> Results { get; init; }

    /// <summary>
    /// The method with the lowest best value, ties broken by fewer evaluations to reach it; <c>tie</c> when two
    /// methods reach the same value after the same number of evaluations.
    /// </summary>
    public required string Winner { get; init; }

    /// <summary>One or two sentences saying who won and, when QAOA ran and did not win, that it did not.</summary>
    public required string Summary { get; init; }
}

/// <summary>
/// Runs QAOA, random and TPE search on the same objective, budget and seed (hence the same initial design) and says
/// which found the lowest value, and which found it first. No spin: when QAOA does not win the summary says so.
/// </summary>
public static class HpoComparison
{
    /// <summary>Runs <paramref name="methods"/> (default: qaoa, random, tpe with <paramref name="seed"/>) and compares them.</summary>
    public static HpoComparisonResult Run(SearchSpace space, IHpoObjective objective, int budget, long seed = 0,
        IReadOnlyList<IHpoMethod>? methods = null, CancellationToken cancellationToken = default, IProgress<(string Method, HpoEvaluation Evaluation)>? progress = null)
    {
        methods ??= [new QaoaHpo(new QaoaHpoOptions { Seed = seed }), new RandomSearchHpo(new HpoOptions { Seed = seed }), new TpeHpo(new TpeOptions { Seed = seed })];
        var results = new Dictionary<string, HpoResult>();
        foreach (var m in methods)
        {
            var p = progress is null ? null : new Relay(m.Name, progress);
            results[m.Name] = m.Run(space, objective, budget, cancellationToken, p);
        }
        return Compare(results);
    }

    /// <summary>The verdict over results already computed.</summary>
    public static HpoComparisonResult Compare(IReadOnlyDictionary<string, HpoResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        if (results.Count == 0) throw new ArgumentException("Nothing to compare.", nameof(results));
        var inv = CultureInfo.InvariantCulture;
        var ranked = results.Values.OrderBy(r => r.BestValue).ThenBy(r => r.EvaluationsToBest).ToList();
        var top = ranked[0];
        var tied = ranked.Where(r => r.BestValue == top.BestValue && r.EvaluationsToBest == top.EvaluationsToBest).ToList();
        string winner = tied.Count > 1 ? "tie" : top.Method;
        var sameValue = ranked.Where(r => r.BestValue == top.BestValue).Select(r => r.Method).ToList();
        string lead = tied.Count > 1
            ? $"{Join(tied.Select(r => r.Method))} tied: best value {top.BestValue.ToString("G6", inv)} after {top.EvaluationsToBest} evaluations each."
            : sameValue.Count > 1
                ? $"{top.Method} wins: {Join(sameValue)} reached the lowest value {top.BestValue.ToString("G6", inv)}, {top.Method} first (evaluation {top.EvaluationsToBest})."
                : $"{top.Method} wins with the lowest value {top.BestValue.ToString("G6", inv)} (reached at evaluation {top.EvaluationsToBest}).";
        string others = string.Join("; ", ranked.Where(r => !(tied.Count > 1 && tied.Contains(r)) && r != top).Select(r => $"{r.Method} {r.BestValue.ToString("G6", inv)} at evaluation {r.EvaluationsToBest}"));
        string summary = lead + (others.Length > 0 ? " Others: " + others + "." : "");
        if (results.ContainsKey("qaoa") && winner != "qaoa")
            summary += winner == "tie" && tied.Any(r => r.Method == "qaoa") ? " QAOA did not win outright (tie)." : " QAOA did not win.";
        return new HpoComparisonResult { Results = results, Winner = winner, Summary = summary };
    }

    private static string Join(IEnumerable<string> names)
    {
        var list = names.ToList();
        return list.Count <= 2 ? string.Join(" and ", list) : string.Join(", ", list.Take(list.Count - 1)) + " and " + list[^1];
    }

    private sealed class Relay(string method, IProgress<(string, HpoEvaluation)> inner) : IProgress<HpoEvaluation>
    {
        public void Report(HpoEvaluation value) => inner.Report((method, value));
    }
}
