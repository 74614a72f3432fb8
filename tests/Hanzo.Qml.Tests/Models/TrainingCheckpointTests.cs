using System.Text.Json.Nodes;
using Hanzo.Qml.Data;
using Hanzo.Qml.Models;
using Hanzo.Qml.Optimization;

namespace Hanzo.Qml.Tests.Models;

public class TrainingCheckpointTests
{
    /// <summary>A fresh model trained on fixed data: resuming must happen in a new object, as after a process restart.</summary>
    private delegate VariationalModel Train(TrainingCheckpoint? resumeFrom, Action<TrainingCheckpoint>? onCheckpoint, IProgress<TrainingProgress>? progress, CancellationToken ct);

    private static readonly Dataset IrisSmall = IrisSubset(8);

    private static Dataset IrisSubset(int perClass)
    {
        var iris = BuiltInDatasets.Load("iris");
        var labels = iris.ClassIndexArray();
        var seen = new int[iris.NumClasses];
        return iris.Subset([.. Enumerable.Range(0, labels.Length).Where(i => seen[labels[i]]++ < perClass)]);
    }

    private static (double[][] X, int[] Y) Binary(int rows = 20)
    {
        var rng = new SeededRandom(17);
        var x = Enumerable.Range(0, rows).Select(_ => new[] { rng.NextDouble(-1, 1), rng.NextDouble(-1, 1), rng.NextDouble(-1, 1) }).ToArray();
        return (x, [.. x.Select(r => r[0] + 0.5 * r[1] > 0 ? 1 : 0)]);
    }

    private static (double[][] X, double[] Y) Regression(int rows = 20)
    {
        var rng = new SeededRandom(23);
        var x = Enumerable.Range(0, rows).Select(_ => new[] { rng.NextDouble(-1, 1), rng.NextDouble(-1, 1) }).ToArray();
        return (x, [.. x.Select(r => Math.Sin(2 * r[0]) + 0.5 * r[1])]);
    }

    private static readonly VariationalModelOptions Small = new()
    {
        NumQubits = 3, NumLayers = 2, Epochs = 4, BatchSize = 6, LearningRate = 0.1, Seed = 9, InitialWeightScale = 0.5,
    };

    private static Train Vqc(VariationalModelOptions o, double[][] x, int[] y, int classes) =>
        (r, c, p, ct) => new VariationalClassifier(o).Fit(x, y, classes, null, r, c, p, ct);

    private static Train Vqr(VariationalModelOptions o, double[][] x, double[] y) =>
        (r, c, p, ct) => new VariationalRegressor(o).Fit(x, y, r, c, p, ct);

    private static Train IrisVqc(VariationalModelOptions o) =>
        (r, c, p, ct) => new VariationalClassifier(o).Fit(IrisSmall, r, c, p, ct);

    private static long[] Bits(IEnumerable<double> values) => [.. values.Select(BitConverter.DoubleToInt64Bits)];

    /// <summary>
    /// Trains uninterrupted; then, for each k, trains again, stops right after epoch k's checkpoint by cancelling,
    /// sends that checkpoint through JSON and resumes it in a new model: the resumed run must hand out the same later
    /// checkpoints and end with the same model, bit for bit.
    /// </summary>
    private static VariationalModel AssertResumesExactly(Train train, params int[] resumeAfter)
    {
        var reference = new List<TrainingCheckpoint>();
        var full = train(null, reference.Add, null, default);
        Assert.Equal(full.History.Count, reference.Count);
        Assert.True(reference[^1].IsFinal);
        Assert.All(reference.SkipLast(1), c => Assert.False(c.IsFinal));
        foreach (int k in resumeAfter)
        {
            Assert.InRange(k, 1, reference.Count);
            TrainingCheckpoint? captured = null;
            using var cts = new CancellationTokenSource();
            void Capture(TrainingCheckpoint c)
            {
                if (c.Epoch != k) return;
                captured = c;
                cts.Cancel();
            }
            if (k < reference.Count) Assert.ThrowsAny<OperationCanceledException>(() => train(null, Capture, null, cts.Token));
            else train(null, Capture, null, cts.Token);
            string json = captured!.ToJson();
            Assert.Equal(reference[k - 1].ToJson(), json);
            var restored = TrainingCheckpoint.FromJson(json);
            Assert.Equal(json, restored.ToJson());

            var after = new List<TrainingCheckpoint>();
            var resumed = train(restored, after.Add, null, default);
            Assert.Equal(reference.Skip(k).Select(c => c.ToJson()), after.Select(c => c.ToJson()));
            Assert.Equal(Bits(full.Parameters), Bits(resumed.Parameters));
            Assert.Equal(full.History, resumed.History);
            Assert.Equal(full.ToJson(), resumed.ToJson());
        }
        return full;
    }

    [Fact]
    public void MultiClassAdamResumesExactlyFromEveryEpoch()
    {
        var o = Small with { NumQubits = 4, NumLayers = 1, Epochs = 4 };
        var full = AssertResumesExactly(IrisVqc(o), 1, 2, 3, 4);
        Assert.Equal(3, ((VariationalClassifier)full).NumClasses);
        // Asking for checkpoints does not change the run.
        Assert.Equal(Bits(new VariationalClassifier(o).Fit(IrisSmall).Parameters), Bits(full.Parameters));
    }

    [Theory]
    [InlineData(VariationalOptimizer.Adam)]
    [InlineData(VariationalOptimizer.Sgd)]
    [InlineData(VariationalOptimizer.Spsa)]
    [InlineData(VariationalOptimizer.Qng)]
    public void BinaryClassifierResumesExactly(VariationalOptimizer optimizer)
    {
        var (x, y) = Binary();
        AssertResumesExactly(Vqc(Small with { Optimizer = optimizer }, x, y, 2), 2);
    }

    [Theory]
    [InlineData(VariationalOptimizer.Adam)]
    [InlineData(VariationalOptimizer.Sgd)]
    [InlineData(VariationalOptimizer.Spsa)]
    public void RegressorResumesExactly(VariationalOptimizer optimizer)
    {
        var (x, y) = Regression();
        AssertResumesExactly(Vqr(Small with { NumQubits = 2, Optimizer = optimizer }, x, y), 1, 3);
    }

    [Fact]
    public void EarlyStoppingResumesExactlyBeforeAndAfterItsBestEpoch()
    {
        var o = Small with { NumQubits = 4, NumLayers = 1, Epochs = 30, LearningRate = 0.3, EarlyStopping = new EarlyStoppingOptions(0.25, 2) };
        var full = AssertResumesExactly(IrisVqc(o), 1, 2, 3);
        // The run must really stop early, or the stop and best-θ restore would go untested.
        Assert.InRange(full.History.Count, 3, o.Epochs - 1);
        var last = new List<TrainingCheckpoint>();
        IrisVqc(o)(null, last.Add, null, default);
        Assert.Equal(2, last[^1].EpochsSinceBest);
        Assert.NotEqual(Bits(last[^1].Parameters), Bits(full.Parameters)); // the best θ, not the last, is kept
        Assert.Equal(Bits(last[^1].BestParameters!), Bits(full.Parameters));
        AssertResumesExactly(IrisVqc(o), full.History.Count - 1, full.History.Count);
    }

    [Fact]
    public void LayerwiseTrainingResumesExactlyAcrossStageBoundaries()
    {
        // Three stages of two epochs: checkpoints 2 and 4 end a stage, whose successor starts a fresh stepper.
        var (x, y) = Binary();
        var o = Small with { NumLayers = 3, Epochs = 6, LayerwiseTraining = true };
        var stages = new List<int?>();
        Vqc(o, x, y, 2)(null, c => stages.Add(c.LayerwiseStage), null, default);
        Assert.Equal(new int?[] { 1, 1, 2, 2, 3, 3 }, stages);
        AssertResumesExactly(Vqc(o, x, y, 2), 1, 2, 3, 4, 5);
    }

    [Fact]
    public void HybridModelWithClassicalPretrainingResumesExactly()
    {
        var (x, y) = Binary(24);
        var o = Small with { HybridHiddenLayers = [4], ClassicalPretraining = new ClassicalPretrainingOptions(Epochs: 3, LearningRate: 0.05) };
        AssertResumesExactly(Vqc(o, x, y, 2), 1, 3);
        var (rx, ry) = Regression();
        AssertResumesExactly(Vqr(Small with { NumQubits = 2, HybridHiddenLayers = [3] }, rx, ry), 2);
    }

    [Fact]
    public void FinalCheckpointGivesTheFinishedModelWithoutTraining()
    {
        var (x, y) = Regression();
        var o = Small with { NumQubits = 2 };
        var all = new List<TrainingCheckpoint>();
        var full = new VariationalRegressor(o).Fit(x, y, null, all.Add);
        var final = TrainingCheckpoint.FromJson(all[^1].ToJson());
        Assert.True(final.IsFinal);
        int callbacks = 0, reports = 0;
        var resumed = new VariationalRegressor(o).Fit(x, y, final, _ => callbacks++, new SynchronousProgress(_ => reports++));
        Assert.Equal(0, callbacks);
        Assert.Equal(0, reports);
        Assert.Equal(full.ToJson(), resumed.ToJson());
        Assert.Equal(full.Predict(x), resumed.Predict(x));
    }

    [Fact]
    public void CheckpointIsHandedOutBeforeItsEpochIsReported()
    {
        var (x, y) = Binary();
        var events = new List<string>();
        new VariationalClassifier(Small with { Epochs = 2 }).Fit(x, y, 2, null, null, c => events.Add($"checkpoint {c.Epoch}"), new SynchronousProgress(p => events.Add($"progress {p.Epoch}")));
        Assert.Equal(new[] { "checkpoint 1", "progress 1", "checkpoint 2", "progress 2" }, events);
    }

    [Fact]
    public void CancellationMidEpochLeavesTheLastCheckpointValid()
    {
        // Batches of one make an epoch many short steps, so the cancellation lands inside an epoch; where exactly does
        // not matter, because whatever the last checkpoint handed out is, it must continue the run exactly. The canceller
        // is a thread of its own: a timer would wait for the thread pool, which the training's parallel loops can keep busy.
        var (x, y) = Binary();
        var o = Small with { Epochs = 3000, BatchSize = 1 };
        (TrainingCheckpoint Checkpoint, string Json)? last = null;
        using var cts = new CancellationTokenSource();
        var canceller = new Thread(() => { Thread.Sleep(15); cts.Cancel(); });
        var model = new VariationalClassifier(o);
        Assert.ThrowsAny<OperationCanceledException>(() => model.Fit(x, y, 2, null, null, c =>
        {
            last = (c, c.ToJson());
            if (c.Epoch == 2) canceller.Start();
        }, null, cts.Token));
        canceller.Join();
        var (checkpoint, json) = last!.Value;
        // The checkpoint is a snapshot: the training after it (and its cancellation) changed nothing in it.
        Assert.Equal(json, checkpoint.ToJson());
        int until = checkpoint.Epoch + 2;

        List<TrainingCheckpoint> RunUntil(TrainingCheckpoint? from)
        {
            var seen = new List<TrainingCheckpoint>();
            using var stop = new CancellationTokenSource();
            Assert.ThrowsAny<OperationCanceledException>(() => new VariationalClassifier(o).Fit(x, y, 2, null, from, c =>
            {
                seen.Add(c);
                if (c.Epoch == until) stop.Cancel();
            }, null, stop.Token));
            return seen;
        }
        var reference = RunUntil(null);
        var resumed = RunUntil(TrainingCheckpoint.FromJson(json));
        Assert.Equal(json, reference[checkpoint.Epoch - 1].ToJson());
        Assert.Equal(reference.Skip(checkpoint.Epoch).Select(c => c.ToJson()), resumed.Select(c => c.ToJson()));
        Assert.Equal(2, resumed.Count);
    }

    [Fact]
    public void MismatchedCheckpointsAreRefusedNamingTheDifference()
    {
        var (x, y) = Binary();
        var all = new List<TrainingCheckpoint>();
        new VariationalClassifier(Small).Fit(x, y, 2, null, null, all.Add);
        var c = all[1];

        var options = Assert.Throws<ArgumentException>(() => new VariationalClassifier(Small with { LearningRate = 0.05, BatchSize = 5 }).Fit(x, y, 2, null, c, null));
        Assert.Contains("learning_rate is 0.1 in the checkpoint but 0.05 here", options.Message);
        Assert.Contains("batch_size", options.Message);

        var changed = x.Select(r => (double[])r.Clone()).ToArray();
        changed[3][1] = Math.BitIncrement(changed[3][1]);
        Assert.Contains("different data", Assert.Throws<ArgumentException>(() => new VariationalClassifier(Small).Fit(changed, y, 2, null, c, null)).Message);
        var relabelled = y.Select((v, i) => i == 0 ? 1 - v : v).ToArray();
        Assert.Contains("different data", Assert.Throws<ArgumentException>(() => new VariationalClassifier(Small).Fit(x, relabelled, 2, null, c, null)).Message);
        Assert.Contains("19 × 3", Assert.Throws<ArgumentException>(() => new VariationalClassifier(Small).Fit(x[1..], y[1..], 2, null, c, null)).Message);

        var kind = Assert.Throws<ArgumentException>(() => new VariationalRegressor(Small).Fit(x, y.Select(v => (double)v).ToArray(), c, null));
        Assert.Contains("\"vqc\"", kind.Message);

        var json = JsonNode.Parse(c.ToJson())!.AsObject();
        json["parameters"]!.AsArray().RemoveAt(0);
        var count = Assert.Throws<ArgumentException>(() => new VariationalClassifier(Small).Fit(x, y, 2, null, TrainingCheckpoint.FromJson(json.ToJsonString()), null));
        Assert.Contains($"{c.Parameters.Count - 1} parameters", count.Message);

        var platform = JsonNode.Parse(c.ToJson())!.AsObject();
        platform["preprocessor_fingerprint"] = new string('0', 64);
        var refit = Assert.Throws<ArgumentException>(() => new VariationalClassifier(Small).Fit(x, y, 2, null, TrainingCheckpoint.FromJson(platform.ToJsonString()), null));
        Assert.Contains("preprocessing", refit.Message);

        var moments = JsonNode.Parse(c.ToJson())!.AsObject();
        moments["stepper"]!["buffers"]!["m"]!.AsArray().RemoveAt(0);
        var stepper = Assert.Throws<ArgumentException>(() => new VariationalClassifier(Small).Fit(x, y, 2, null, TrainingCheckpoint.FromJson(moments.ToJsonString()), null));
        Assert.Contains("\"m\" buffer", stepper.Message);
    }

    [Fact]
    public void MalformedJsonIsAFormatErrorNamingTheProblem()
    {
        var (x, y) = Binary();
        var all = new List<TrainingCheckpoint>();
        new VariationalClassifier(Small with { Epochs = 1 }).Fit(x, y, 2, null, null, all.Add);
        string json = all[0].ToJson();
        Assert.DoesNotContain("\n", json); // compact

        JsonObject Edit(Action<JsonObject> edit)
        {
            var o = JsonNode.Parse(json)!.AsObject();
            edit(o);
            return o;
        }
        Assert.Contains("version 2", Assert.Throws<FormatException>(() => TrainingCheckpoint.FromJson(Edit(o => o["version"] = 2).ToJsonString())).Message);
        Assert.Contains("parameters", Assert.Throws<FormatException>(() => TrainingCheckpoint.FromJson(Edit(o => o.Remove("parameters")).ToJsonString())).Message);
        Assert.Contains("hanzo-qml.vqc", Assert.Throws<FormatException>(() => TrainingCheckpoint.FromJson(Edit(o => o["format"] = "hanzo-qml.vqc").ToJsonString())).Message);
        Assert.Contains("history records", Assert.Throws<FormatException>(() => TrainingCheckpoint.FromJson(Edit(o => o["epoch"] = 2).ToJsonString())).Message);
        Assert.Contains("16 hex digits", Assert.Throws<FormatException>(() => TrainingCheckpoint.FromJson(Edit(o => o["shuffle_random"]!["counter"] = "xyz").ToJsonString())).Message);
        Assert.Throws<FormatException>(() => TrainingCheckpoint.FromJson(Edit(o => o["parameters"]!.AsArray()[0] = null).ToJsonString()));
        Assert.Throws<FormatException>(() => TrainingCheckpoint.FromJson("{not json"));
        Assert.Throws<FormatException>(() => TrainingCheckpoint.FromJson("null"));
    }

    [Fact]
    public void DoublesAndRandomStatesRoundTripThroughJsonToTheBit()
    {
        double[] awkward =
        [
            0.1 + 0.2, 1.0 / 3, Math.PI, -0.0, double.Epsilon, -double.Epsilon, double.MaxValue, double.MinValue,
            Math.BitIncrement(1.0), Math.BitDecrement(1.0), 2.2250738585072009e-308, 1e-300 / 7, 123456789.123456789,
        ];
        var stepper = new GradientStepperState("adam", 7, new Dictionary<string, IReadOnlyList<double>> { ["m"] = awkward, ["v"] = [.. awkward.Select(Math.Abs)] });
        EpochRecord[] history = [new(1, double.NaN, double.PositiveInfinity, double.NegativeInfinity), new(2, 0.1 + 0.2, 1.0 / 3, null)];
        var c = new TrainingCheckpoint("vqr", Small with { EarlyStopping = new EarlyStoppingOptions(0.2, 5), LearningRate = 0.1 + 0.2 }, 20, 2,
            new string('a', 64), new string('b', 64), 2, null, false, awkward, stepper,
            new SeededRandomState(ulong.MaxValue, null), new SeededRandomState(0x8000000000000001UL, -0.0), history, 1.0 / 3, [.. awkward.Reverse()], 1);
        var back = TrainingCheckpoint.FromJson(c.ToJson());
        Assert.Equal(Bits(awkward), Bits(back.Parameters));
        Assert.Equal(Bits(awkward.Reverse()), Bits(back.BestParameters!));
        Assert.Equal(Bits(awkward), Bits(back.Stepper!.Buffers["m"]));
        Assert.Equal(Bits(awkward.Select(Math.Abs)), Bits(back.Stepper.Buffers["v"]));
        Assert.Equal(7, back.Stepper.Steps);
        Assert.Equal(BitConverter.DoubleToInt64Bits(1.0 / 3), BitConverter.DoubleToInt64Bits(back.BestValidationMetric!.Value));
        Assert.Equal(history, back.History);
        Assert.Equal(ulong.MaxValue, back.ShuffleRandom.Counter);
        Assert.Equal(0x8000000000000001UL, back.SpsaRandom.Counter);
        Assert.Equal(BitConverter.DoubleToInt64Bits(-0.0), BitConverter.DoubleToInt64Bits(back.SpsaRandom.SpareNormal!.Value));
        Assert.Equal(Bits([0.1 + 0.2]), Bits([back.Options.LearningRate]));
        Assert.Equal(c.ToJson(), back.ToJson());
    }

    [Fact]
    public void CheckpointsAreImmutableSnapshots()
    {
        double[] theta = [1, 2, 3];
        var c = new TrainingCheckpoint("vqr", Small, 5, 2, "a", "b", 1, null, false, theta, null, default, default,
            [new EpochRecord(1, 0.5, 0.1, null)], null, [], 0);
        theta[0] = 99;
        Assert.Equal(1, c.Parameters[0]);
        Assert.Throws<NotSupportedException>(() => ((IList<double>)c.Parameters)[0] = 7);
    }

    /// <summary>Reports on the training thread, unlike <see cref="Progress{T}"/>, which posts to the thread pool.</summary>
    private sealed class SynchronousProgress(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
