using System.CommandLine;
using System.Globalization;
using Hanzo.Qml.Cli.Output;
using Hanzo.Qml.Data;
using Hanzo.Qml.Models;

namespace Hanzo.Qml.Cli.Commands;

/// <summary>What <c>hanzo-qml train</c> was asked to do.</summary>
public sealed record TrainRequest(string Model, string Dataset, int NumQubits, int NumLayers, string? Encoding, string Backend, int Epochs,
    double LearningRate, int BatchSize, string Optimizer, string Gradient, int Seed, string Out, bool Json, int PretrainEpochs = 0);

/// <summary>
/// <c>hanzo-qml train vqc|vqr --dataset FILE.csv|NAME --n-qubits N --n-layers L [--encoding angle|iqp|zz|hybrid] --epochs E
/// [--lr] [--batch-size] [--optimizer adam|sgd|spsa|qng] [--gradient adjoint|parameter-shift] [--seed S] --out model.json [--json]</c>.
/// Progress (epoch, loss, metric) goes to standard error, so <c>--json</c> output stays one object on standard output.
/// </summary>
public static class TrainCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var model = new Argument<string>("model") { Description = "vqc (classifier) or vqr (regressor)" };
        var dataset = new Option<string>("--dataset") { Description = "CSV file (last column label or target) or a built-in dataset name", Required = true };
        var qubits = new Option<int>("--n-qubits") { Description = "Number of qubits", DefaultValueFactory = _ => 4 };
        var layers = new Option<int>("--n-layers") { Description = "Number of ansatz layers", DefaultValueFactory = _ => 2 };
        var encoding = new Option<string?>("--encoding") { Description = "angle, iqp, zz or hybrid (a small MLP compresses the features to the qubits, trained end to end). Default: angle when the data has at most as many features as qubits, hybrid otherwise" };
        var backend = new Option<string>("--backend") { Description = "Simulator backend (only statevector today)", DefaultValueFactory = _ => "statevector" };
        var epochs = new Option<int>("--epochs") { Description = "Training epochs", DefaultValueFactory = _ => 30 };
        var lr = new Option<double>("--lr") { Description = "Learning rate", DefaultValueFactory = _ => 0.05 };
        var batch = new Option<int>("--batch-size") { Description = "Mini-batch size", DefaultValueFactory = _ => 16 };
        var optimizer = new Option<string>("--optimizer") { Description = "adam, sgd, spsa or qng", DefaultValueFactory = _ => "adam" };
        var gradient = new Option<string>("--gradient") { Description = "adjoint or parameter-shift", DefaultValueFactory = _ => "adjoint" };
        var seed = new Option<int>("--seed") { Description = "Seed of initial weights, shuffles and splits", DefaultValueFactory = _ => 0 };
        var output = new Option<string>("--out") { Description = "Where to save the trained model (versioned JSON)", Required = true };
        var json = new Option<bool>("--json") { Description = "Print {model, history: [{epoch, loss, metric, val_metric}], final}" };
        var pretrain = new Option<int>("--pretrain-epochs") { Description = "Hybrid encoding only: first train the MLP for N epochs against a classical stand-in of the circuit (barren-plateau mitigation); 0 = off", DefaultValueFactory = _ => 0 };
        var command = new Command("train", "Train a variational classifier (vqc) or regressor (vqr)")
        {
            model, dataset, qubits, layers, encoding, backend, epochs, lr, batch, optimizer, gradient, seed, output, json, pretrain,
        };
        command.SetAction(p => Execute(new TrainRequest(p.GetValue(model)!, p.GetValue(dataset)!, p.GetValue(qubits), p.GetValue(layers),
            p.GetValue(encoding), p.GetValue(backend)!, p.GetValue(epochs), p.GetValue(lr), p.GetValue(batch), p.GetValue(optimizer)!,
            p.GetValue(gradient)!, p.GetValue(seed), p.GetValue(output)!, p.GetValue(json), p.GetValue(pretrain)), stdout, stderr));
        return command;
    }

    /// <summary>Trains, saves and reports; throws <see cref="CliException"/> on bad input.</summary>
    public static int Execute(TrainRequest r, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(r);
        string kind = r.Model.ToLowerInvariant();
        if (kind is not ("vqc" or "vqr")) throw CliException.Usage($"unknown model '{r.Model}'; allowed: vqc, vqr");
        if (!r.Backend.Equals("statevector", StringComparison.OrdinalIgnoreCase))
            throw CliException.Usage($"unknown --backend '{r.Backend}'; available: statevector");
        var data = DatasetArgument.Load(r.Dataset);
        if (kind == "vqc" && data.Task != TaskKind.Classification)
            throw CliException.Usage($"'{r.Dataset}' is a regression dataset (its response column is 'target'); use 'train vqr'");
        if (kind == "vqr" && data.Task != TaskKind.Regression)
            throw CliException.Usage($"'{r.Dataset}' is a classification dataset (its response column is 'label'); use 'train vqc'");
        var options = BuildOptions(r, data);
        var progress = new EpochReporter(stderr, r.Epochs);
        VariationalModel trained;
        try
        {
            trained = kind == "vqc"
                ? new VariationalClassifier(options).Fit(data, progress)
                : new VariationalRegressor(options).Fit(data, progress);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            throw CliException.Usage(e.Message, e);
        }
        progress.Finish();
        try
        {
            trained.Save(r.Out);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw CliException.Failure($"cannot write '{r.Out}': {e.Message}", e);
        }
        double score = trained is VariationalClassifier c ? c.Score(data) : ((VariationalRegressor)trained).Score(data);
        string metric = kind == "vqc" ? "accuracy" : "r2";
        if (r.Json)
        {
            JsonOutput.Write(stdout, json =>
            {
                json.WriteStartObject();
                json.WriteString("model", r.Out);
                json.WritePropertyName("history");
                json.WriteStartArray();
                foreach (var e in trained.History)
                {
                    json.WriteStartObject();
                    json.WriteNumber("epoch", e.Epoch);
                    json.WritePropertyName("loss"); JsonOutput.Number(json, e.Loss);
                    json.WritePropertyName("metric"); JsonOutput.Number(json, e.Metric);
                    json.WritePropertyName("val_metric");
                    if (e.ValidationMetric is double v) JsonOutput.Number(json, v); else json.WriteNullValue();
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WritePropertyName("final");
                json.WriteStartObject();
                json.WriteString("model_type", kind);
                json.WriteString("metric_name", metric);
                json.WritePropertyName("train_metric"); JsonOutput.Number(json, score);
                json.WritePropertyName("loss"); JsonOutput.Number(json, trained.History.Count > 0 ? trained.History[^1].Loss : double.NaN);
                json.WriteNumber("epochs", trained.History.Count);
                json.WriteNumber("n_qubits", options.NumQubits);
                json.WriteNumber("n_layers", options.NumLayers);
                json.WriteString("encoding", options.HybridHiddenLayers is null ? options.Encoding : "hybrid");
                json.WriteNumber("n_parameters", trained.Parameters.Length);
                json.WriteNumber("seed", r.Seed);
                json.WriteEndObject();
                json.WriteEndObject();
            });
        }
        else
        {
            stdout.WriteLine($"trained {kind} on {data.Name} ({data.NumSamples} rows): training {metric} {score.ToString("F4", CultureInfo.InvariantCulture)}; saved to {r.Out}");
        }
        return ExitCodes.Success;
    }

    private static VariationalModelOptions BuildOptions(TrainRequest r, Dataset data)
    {
        string encoding = (r.Encoding ?? (data.NumFeatures > r.NumQubits ? "hybrid" : "angle")).ToLowerInvariant();
        if (r.PretrainEpochs < 0) throw CliException.Usage($"--pretrain-epochs must be ≥ 0, got {r.PretrainEpochs}");
        if (r.PretrainEpochs > 0 && encoding != "hybrid")
            throw CliException.Usage("--pretrain-epochs needs the hybrid encoding (--encoding hybrid): only its classical network can be pre-trained");
        if (encoding is not ("angle" or "iqp" or "zz" or "hybrid"))
            throw CliException.Usage($"unknown --encoding '{r.Encoding}'; allowed: angle, iqp, zz, hybrid");
        var optimizer = r.Optimizer.ToLowerInvariant() switch
        {
            "adam" => VariationalOptimizer.Adam,
            "sgd" => VariationalOptimizer.Sgd,
            "spsa" => VariationalOptimizer.Spsa,
            "qng" => VariationalOptimizer.Qng,
            _ => throw CliException.Usage($"unknown --optimizer '{r.Optimizer}'; allowed: adam, sgd, spsa, qng"),
        };
        var gradient = r.Gradient.ToLowerInvariant() switch
        {
            "adjoint" => GradientMethod.Adjoint,
            "parameter-shift" or "parameter_shift" => GradientMethod.ParameterShift,
            _ => throw CliException.Usage($"unknown --gradient '{r.Gradient}'; allowed: adjoint, parameter-shift"),
        };
        return new VariationalModelOptions
        {
            NumQubits = r.NumQubits,
            NumLayers = r.NumLayers,
            Encoding = encoding == "hybrid" ? "angle" : encoding,
            HybridHiddenLayers = encoding == "hybrid" ? [Math.Max(8, 2 * r.NumQubits)] : null,
            Epochs = r.Epochs,
            LearningRate = r.LearningRate,
            BatchSize = r.BatchSize,
            Optimizer = optimizer,
            Gradient = gradient,
            Seed = r.Seed,
            ClassicalPretraining = r.PretrainEpochs > 0 ? new ClassicalPretrainingOptions(r.PretrainEpochs) : null,
        };
    }

    /// <summary>One progress line per epoch on standard error (redrawn in place on a terminal).</summary>
    private sealed class EpochReporter(TextWriter stderr, int epochs) : IProgress<TrainingProgress>
    {
        private readonly bool _terminal = ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected;

        public void Report(TrainingProgress value)
        {
            const int width = 24;
            int filled = (int)Math.Round(width * Math.Min(1.0, value.Epoch / (double)Math.Max(1, epochs)));
            var inv = CultureInfo.InvariantCulture;
            string val = value.ValidationMetric is double v ? $"  val {v.ToString("F4", inv)}" : "";
            string line = $"[{new string('#', filled)}{new string('.', width - filled)}] epoch {value.Epoch}/{epochs}  loss {value.Loss.ToString("F4", inv)}  metric {value.Metric.ToString("F4", inv)}{val}";
            if (_terminal) stderr.Write("\r" + line);
            else stderr.WriteLine(line);
            stderr.Flush();
        }

        public void Finish()
        {
            if (_terminal) stderr.WriteLine();
        }
    }
}
