using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Hanzo.Qml.Cli.Output;
using Hanzo.Qml.Data;
using Hanzo.Qml.Models;

namespace Hanzo.Qml.Cli.Commands;

/// <summary>
/// <c>hanzo-qml predict --model model.json --dataset FILE.csv [--json]</c>: predictions of a saved VQC or VQR in file order
/// (class labels as written in the training file, or regression values). A last column named label/target is ignored.
/// </summary>
public static class PredictCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter stdout)
    {
        var model = new Option<string>("--model") { Description = "A model saved by 'hanzo-qml train'", Required = true };
        var dataset = new Option<string>("--dataset") { Description = "CSV file of features (a last label/target column is ignored)", Required = true };
        var json = new Option<bool>("--json") { Description = "Print {\"predictions\": [...]}" };
        var command = new Command("predict", "Predict with a saved variational model") { model, dataset, json };
        command.SetAction(p => Execute(p.GetValue(model)!, p.GetValue(dataset)!, p.GetValue(json), stdout));
        return command;
    }

    /// <summary>Loads, predicts and writes; throws <see cref="CliException"/> on bad input.</summary>
    public static int Execute(string modelPath, string datasetPath, bool asJson, TextWriter stdout)
    {
        if (!File.Exists(modelPath)) throw CliException.Usage($"cannot read '{modelPath}': file not found");
        double[][] rows;
        try
        {
            rows = CsvDataset.LoadFeatures(datasetPath).Rows;
        }
        catch (FileNotFoundException e)
        {
            throw CliException.Usage($"cannot read '{datasetPath}': file not found", e);
        }
        catch (DatasetFormatException e)
        {
            throw CliException.Usage(e.Message, e);
        }
        string text = File.ReadAllText(modelPath);
        string? format;
        try
        {
            format = JsonNode.Parse(text)?["format"]?.GetValue<string>();
        }
        catch (System.Text.Json.JsonException e)
        {
            throw CliException.Usage($"'{modelPath}' is not a saved model (invalid JSON: {e.Message})", e);
        }
        try
        {
            switch (format)
            {
                case "hanzo-qml.vqc":
                {
                    var m = VariationalClassifier.FromJson(text);
                    Check(m.NumFeatures, rows, datasetPath);
                    var labels = m.PredictLabels(rows);
                    Write(stdout, asJson, labels.Length, i => labels[i], (json, i) => WriteLabel(json, labels[i]));
                    break;
                }
                case "hanzo-qml.vqr":
                {
                    var m = VariationalRegressor.FromJson(text);
                    Check(m.NumFeatures, rows, datasetPath);
                    var values = m.Predict(rows);
                    Write(stdout, asJson, values.Length, i => values[i].ToString("R", CultureInfo.InvariantCulture), (json, i) => JsonOutput.Number(json, values[i]));
                    break;
                }
                default:
                    throw CliException.Usage($"'{modelPath}' is not a saved VQC or VQR model (format '{format ?? "missing"}')");
            }
        }
        catch (FormatException e)
        {
            throw CliException.Usage($"'{modelPath}': {e.Message}", e);
        }
        return ExitCodes.Success;
    }

    private static void Check(int features, double[][] rows, string path)
    {
        if (rows[0].Length != features)
            throw CliException.Usage($"'{path}' has {rows[0].Length} feature columns but the model was trained on {features}");
    }

    /// <summary>Labels that look like numbers are written as numbers, others as strings, as they stood in the file.</summary>
    private static void WriteLabel(System.Text.Json.Utf8JsonWriter json, string label)
    {
        if (long.TryParse(label, NumberStyles.Integer, CultureInfo.InvariantCulture, out long n)) json.WriteNumberValue(n);
        else json.WriteStringValue(label);
    }

    private static void Write(TextWriter stdout, bool asJson, int count, Func<int, string> text, Action<System.Text.Json.Utf8JsonWriter, int> value)
    {
        if (!asJson)
        {
            for (int i = 0; i < count; i++) stdout.WriteLine(text(i));
            return;
        }
        JsonOutput.Write(stdout, json =>
        {
            json.WriteStartObject();
            json.WritePropertyName("predictions");
            json.WriteStartArray();
            for (int i = 0; i < count; i++) value(json, i);
            json.WriteEndArray();
            json.WriteEndObject();
        });
    }
}
