using System.Diagnostics;
using Hanzo.Qml.Data;

namespace Hanzo.Qml.Optimization.Hpo;

/// <summary>The bookkeeping all methods share: budget, no repeats, history, the shared initial design and the clock.</summary>
internal sealed class HpoRun
{
    private readonly IHpoObjective _objective;
    private readonly CancellationToken _ct;
    private readonly IProgress<HpoEvaluation>? _progress;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly HashSet<Configuration> _seen = [];

    public HpoRun(string method, SearchSpace space, IHpoObjective objective, int budget, long seed, CancellationToken ct, IProgress<HpoEvaluation>? progress)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(objective);
        OptionCheck.AtLeast(budget, 1, nameof(budget));
        Method = method;
        Space = space;
        _objective = objective;
        Budget = (int)Math.Min(budget, space.Size);
        _ct = ct;
        _progress = progress;
        // Stream 0 is the initial design, identical across methods for the same seed; streams ≥ 1 are method-specific.
        InitialRandom = new SeededRandom(SeededRandom.Derive(seed, 0));
        Random = new SeededRandom(SeededRandom.Derive(seed, 1));
    }

    public string Method { get; }
    public SearchSpace Space { get; }
    public int Budget { get; }
    public SeededRandom InitialRandom { get; }
    public SeededRandom Random { get; }
    public List<HpoEvaluation> History { get; } = [];
    public bool Done => History.Count >= Budget;

    public bool Seen(Configuration c) => _seen.Contains(c);

    public double Evaluate(Configuration c, string source)
    {
        _ct.ThrowIfCancellationRequested();
        if (!_seen.Add(c)) throw new InvalidOperationException($"{c} was already evaluated.");
        double v = _objective.Evaluate(c, _ct);
        if (!double.IsFinite(v)) throw new InvalidOperationException($"The objective returned {v} for {c}; it must be finite.");
        var e = new HpoEvaluation(History.Count + 1, c, v, source);
        History.Add(e);
        _progress?.Report(e);
        return v;
    }

    /// <summary>An unseen configuration drawn uniformly (rejection while the space is mostly unseen, else by enumeration).</summary>
    public Configuration RandomUnseen(SeededRandom rng)
    {
        if (Space.Size > 4L * _seen.Count + 64)
        {
            while (true)
            {
                var c = Space.Sample(rng);
                if (!_seen.Contains(c)) return c;
            }
        }
        var left = Space.Enumerate().Where(c => !_seen.Contains(c)).ToList();
        return left[rng.NextInt(left.Count)];
    }

    /// <summary>The shared initial design: min(n, budget) distinct random configurations from stream 0.</summary>
    public void InitialDesign(int n)
    {
        while (History.Count < Math.Min(n, Budget)) Evaluate(RandomUnseen(InitialRandom), "random");
    }

    public HpoResult Result() => new() { Method = Method, History = [.. History], WallTime = _clock.Elapsed };
}
