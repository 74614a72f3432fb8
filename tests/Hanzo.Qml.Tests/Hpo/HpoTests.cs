using Hanzo.Qml.Data;
using Hanzo.Qml.Optimization.Hpo;
using Hanzo.Qml.Optimization.Qaoa;

namespace Hanzo.Qml.Tests.Hpo;

/// <summary>Search space, one-hot encoding and penalty, the factorization-machine surrogate, and the three searches.</summary>
public class HpoTests
{
    private static SearchSpace Space() => new([
        Hyperparameter.Numeric("a", 0, 1, 2, 3),
        Hyperparameter.Numeric("b", 0.1, 1, 10),
        Hyperparameter.Categorical("kind", "x", "y"),
    ]);

    // Unique optimum at a = 2, b = 1, kind = y (value 0); the a·b term makes it non-separable.
    private static double Synthetic(Configuration c)
    {
        double a = c["a"].Number, b = Math.Log10(c["b"].Number);
        return (a - 2) * (a - 2) + 2 * b * b + (c["kind"].Text == "y" ? 0 : 0.7) + 0.3 * Math.Abs(a - 2) * Math.Abs(b);
    }

    [Fact]
    public void EncodingRoundTripsEveryConfiguration()
    {
        var space = Space();
        var enc = new OneHotEncoding(space);
        Assert.Equal(9, enc.NumBits);
        Assert.Equal(24, space.Size);
        foreach (var c in space.Enumerate())
        {
            string bits = enc.EncodeBitstring(c);
            Assert.Equal(3, bits.Count(ch => ch == '1'));
            Assert.Equal(c, enc.Decode(bits));
        }
        Assert.Null(enc.Decode("000010010")); // no value for a
        Assert.Null(enc.Decode("110010010")); // two values for a
    }

    [Fact]
    public void OneHotPenaltyIsZeroOnValidCodesAndAtLeastPOnInvalidOnes()
    {
        var enc = new OneHotEncoding(Space());
        var penalty = enc.PenaltyQubo(2.5);
        for (long i = 0; i < 1L << enc.NumBits; i++)
        {
            string bits = Convert.ToString(i, 2).PadLeft(enc.NumBits, '0');
            double v = penalty.Value(bits);
            if (enc.Decode(bits) is null) Assert.True(v >= 2.5 - 1e-12, $"{bits}: {v}");
            else Assert.Equal(0, v, 12);
        }
    }

    [Fact]
    public void SurrogateQuboMakesEveryInvalidCodeCostMoreThanEveryValidOne()
    {
        var space = Space();
        var enc = new OneHotEncoding(space);
        var configs = space.Enumerate().ToList();
        var fm = FactorizationMachine.Fit([.. configs.Select(enc.Encode)], [.. configs.Select(Synthetic)], new FactorizationMachineOptions { Rank = 2 });
        var qubo = QaoaHpo.SurrogateQubo(enc, fm);
        double worstValid = double.NegativeInfinity, bestInvalid = double.PositiveInfinity;
        for (long i = 0; i < 1L << enc.NumBits; i++)
        {
            string bits = Convert.ToString(i, 2).PadLeft(enc.NumBits, '0');
            if (enc.Decode(bits) is { } c)
            {
                Assert.Equal(fm.Predict(enc.Encode(c)), qubo.Value(bits), 9);
                worstValid = Math.Max(worstValid, qubo.Value(bits));
            }
            else bestInvalid = Math.Min(bestInvalid, qubo.Value(bits));
        }
        Assert.True(bestInvalid > worstValid, $"invalid {bestInvalid} vs valid {worstValid}");
    }

    [Fact]
    public void FactorizationMachineFitsAKnownLowRankQuadratic()
    {
        const int d = 8, n = 120;
        var rng = new SeededRandom(5);
        var w = Enumerable.Range(0, d).Select(_ => rng.NextNormal()).ToArray();
        var u = Enumerable.Range(0, d).Select(_ => new[] { rng.NextNormal(), rng.NextNormal() }).ToArray();
        double F(double[] x)
        {
            double y = 0.5;
            for (int i = 0; i < d; i++)
            {
                y += w[i] * x[i];
                for (int j = i + 1; j < d; j++) y += (u[i][0] * u[j][0] + u[i][1] * u[j][1]) * x[i] * x[j];
            }
            return y;
        }
        var xs = Enumerable.Range(0, n).Select(_ => Enumerable.Range(0, d).Select(_ => (double)rng.NextInt(2)).ToArray()).ToList();
        var fm = FactorizationMachine.Fit(xs, [.. xs.Select(F)], new FactorizationMachineOptions { Rank = 2, L2 = 1e-8, Sweeps = 2000, Seed = 1 });
        // Every one of the 256 inputs, most of them unseen: the fit recovered the function, not just the rows.
        double maxErr = 0;
        for (int i = 0; i < 1 << d; i++)
        {
            var x = Enumerable.Range(0, d).Select(b => (double)((i >> b) & 1)).ToArray();
            maxErr = Math.Max(maxErr, Math.Abs(fm.Predict(x) - F(x)));
        }
        Assert.True(maxErr < 1e-3, $"max error {maxErr}");
    }

    [Fact]
    public void QaoaMinimisesASurrogateQuboToItsBruteForceOptimum()
    {
        var space = new SearchSpace([Hyperparameter.Numeric("a", 0, 1, 2, 3), Hyperparameter.Categorical("kind", "x", "y")]);
        var enc = new OneHotEncoding(space);
        var configs = space.Enumerate().ToList();
        var fm = FactorizationMachine.Fit([.. configs.Select(enc.Encode)], [.. configs.Select(c => Math.Pow(c["a"].Number - 1, 2) + (c["kind"].Text == "x" ? 0.5 : 0))]);
        var qubo = QaoaHpo.SurrogateQubo(enc, fm);
        string bruteForce = Enumerable.Range(0, 1 << enc.NumBits).Select(i => Convert.ToString(i, 2).PadLeft(enc.NumBits, '0')).MinBy(qubo.Value)!;
        Assert.Equal(space.At(1, 1), enc.Decode(bruteForce));
        var result = QaoaSolver.Solve(qubo.ToIsing(), new QaoaOptions { Layers = 2, Seed = 3 });
        Assert.Equal(bruteForce, result.BestBitstring);
        Assert.Equal(qubo.Value(bruteForce), result.OptimalCost, 9);
    }

    public static TheoryData<string> Methods => new() { "qaoa", "random", "tpe" };

    // The model-based methods get half of the 24 configurations; random search has no model, so only the whole space
    // guarantees it the optimum (with 12 draws it finds it half the time, whatever the seed).
    public static TheoryData<string, int> MethodBudgets => new() { { "qaoa", 12 }, { "random", 24 }, { "tpe", 12 } };

    private static IHpoMethod Create(string name, long seed) => name switch
    {
        "qaoa" => new QaoaHpo(new QaoaHpoOptions { Seed = seed }),
        "random" => new RandomSearchHpo(new HpoOptions { Seed = seed }),
        _ => new TpeHpo(new TpeOptions { Seed = seed }),
    };

    [Theory]
    [MemberData(nameof(MethodBudgets))]
    public void EachMethodFindsTheSyntheticOptimumWithinTheBudgetWithoutRepeats(string method, int budget)
    {
        var space = Space();
        var result = Create(method, 7).Run(space, HpoObjective.From(Synthetic), budget);
        Assert.Equal(method, result.Method);
        Assert.Equal(budget, result.Evaluations);
        Assert.Equal(budget, result.History.Select(h => h.Configuration).Distinct().Count());
        Assert.Equal(space.At(2, 1, 1), result.BestConfiguration);
        Assert.Equal(0, result.BestValue, 12);
        Assert.Equal(result.BestSoFar.Count, result.Evaluations);
        Assert.True(result.BestSoFar.Zip(result.BestSoFar.Skip(1)).All(p => p.Second <= p.First));
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void SameSeedSameSearch(string method)
    {
        var space = Space();
        var a = Create(method, 11).Run(space, HpoObjective.From(Synthetic), budget: 8);
        var b = Create(method, 11).Run(space, HpoObjective.From(Synthetic), budget: 8);
        Assert.Equal(a.History.Select(h => h.Configuration), b.History.Select(h => h.Configuration));
        Assert.Equal(a.History.Select(h => h.Value), b.History.Select(h => h.Value));
    }

    [Fact]
    public void AllMethodsShareTheInitialDesignAndStopWhenTheSpaceRunsOut()
    {
        var space = new SearchSpace([Hyperparameter.Numeric("a", 1, 2, 3)]);
        var cmp = HpoComparison.Run(space, HpoObjective.From(c => c["a"].Number), budget: 10, seed: 4);
        Assert.All(cmp.Results.Values, r => Assert.Equal(3, r.Evaluations));
        var first = cmp.Results.Values.Select(r => r.History[0].Configuration).Distinct().ToList();
        Assert.Single(first);
        Assert.Contains(cmp.Winner, new[] { "qaoa", "random", "tpe", "tie" });
    }

    [Fact]
    public void ComparisonSaysPlainlyWhenQaoaDidNotWin()
    {
        var space = new SearchSpace([Hyperparameter.Numeric("a", 1, 2, 3, 4)]);
        var obj = HpoObjective.From(c => c["a"].Number);
        HpoResult Fake(string m, params double[] values) => new()
        {
            Method = m,
            History = [.. values.Select((v, i) => new HpoEvaluation(i + 1, space.At(i), v, m))],
            WallTime = TimeSpan.Zero,
        };
        var cmp = HpoComparison.Compare(new Dictionary<string, HpoResult> { ["qaoa"] = Fake("qaoa", 3, 2), ["random"] = Fake("random", 4, 1), ["tpe"] = Fake("tpe", 1, 2) });
        Assert.Equal("tpe", cmp.Winner); // same value as random, found first
        Assert.Contains("QAOA did not win", cmp.Summary, StringComparison.Ordinal);
        var q = HpoComparison.Compare(new Dictionary<string, HpoResult> { ["qaoa"] = Fake("qaoa", 1), ["random"] = Fake("random", 2) });
        Assert.Equal("qaoa", q.Winner);
        Assert.DoesNotContain("did not win", q.Summary, StringComparison.Ordinal);
        _ = obj;
    }

    [Fact]
    public void QaoaRefusesSpacesAboveTheQubitCap()
    {
        var space = new SearchSpace([Hyperparameter.Numeric("a", 1, 2, 3, 4), Hyperparameter.Numeric("b", 1, 2, 3)]);
        var e = Assert.Throws<ArgumentException>(() => new QaoaHpo(new QaoaHpoOptions { MaxBits = 6 }).Run(space, HpoObjective.From(_ => 0), 3));
        Assert.Contains("7 qubits", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ModelObjectiveScoresAnRbfSvmOnAHoldOut()
    {
        var data = BuiltInDatasets.Load("iris");
        var objective = new ModelHpoObjective(data, "rbf_svm", new ModelHpoObjectiveOptions { Seed = 1 });
        var space = new SearchSpace([Hyperparameter.Numeric("C", 1, 1e-4), new Hyperparameter("gamma", [HyperparameterValue.Of("scale")])]);
        objective.Validate(space);
        double good = objective.Evaluate(space.At(0, 0), default);
        double bad = objective.Evaluate(space.At(1, 0), default);
        Assert.InRange(good, 0, 0.15);
        Assert.True(bad > good);
        Assert.Throws<ArgumentException>(() => objective.Validate(new SearchSpace([Hyperparameter.Numeric("depth", 1)])));
        Assert.Throws<ArgumentException>(() => new ModelHpoObjective(data, "xgboost"));
    }

    [Fact]
    public void ModelObjectiveTrainsAnMlpWithTheSpacesHyperparameters()
    {
        var data = BuiltInDatasets.Load("iris");
        var objective = new ModelHpoObjective(data, "mlp", new ModelHpoObjectiveOptions { Seed = 2, Folds = 3 });
        var space = new SearchSpace([
            Hyperparameter.Numeric("hidden_width", 8),
            Hyperparameter.Numeric("learning_rate", 0.05, 1e-6),
            Hyperparameter.Numeric("alpha", 1e-4),
            Hyperparameter.Numeric("max_epochs", 40),
        ]);
        objective.Validate(space);
        var mlp = Assert.IsType<Hanzo.Qml.Classical.NeuralNetworks.MlpOptions>(objective.CreateFactory(space.At(0, 0, 0, 0)));
        Assert.Equal([8], mlp.HiddenLayers);
        Assert.Equal(40, mlp.MaxEpochs);
        double trained = objective.Evaluate(space.At(0, 0, 0, 0), default);
        double frozen = objective.Evaluate(space.At(0, 1, 0, 0), default); // a learning rate too small to learn anything
        Assert.InRange(trained, 0, 0.2);
        Assert.True(frozen > trained + 0.2, $"{frozen} vs {trained}");
    }
}
