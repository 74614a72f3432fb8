using System.CommandLine;
using Hanzo.Qml.Cli.Output;
using Hanzo.Qml.Data;
using Hanzo.Qml.Encodings;
using Hanzo.Qml.Kernels;
using Hanzo.Qml.Simulation;

namespace Hanzo.Qml.Cli.Commands;

/// <summary>What <c>hanzo-qml kernel</c> was asked to do.</summary>
/// <param name="Dataset">A CSV file or a built-in dataset name.</param>
/// <param name="Encoding">Encoding name (angle, amplitude, iqp, zz, pauli).</param>
/// <param name="NumQubits">Number of qubits.</param>
/// <param name="Reps">Repetitions of the encoding (IQP, ZZ, Pauli).</param>
/// <param name="Kind">fidelity or projected.</param>
/// <param name="NoScale">Use the features exactly as given.</param>
/// <param name="Json">Write JSON.</param>
public sealed record KernelRequest(string Dataset, string Encoding, int NumQubits, int Reps, string Kind, bool NoScale, bool Json);

/// <summary>
/// <c>hanzo-qml kernel --dataset FILE.csv|NAME --encoding ENC --n-qubits N [--reps R] [--kernel fidelity|projected] [--no-scale] [--json]</c>:
/// the quantum kernel matrix of a dataset, rows in file order. Without <c>--no-scale</c> the features are standardised,
/// reduced by PCA when there are more features than qubits, and scaled to [0, π] (fitted on the whole file, since there
/// is no train/test split here); with it they are used as given.
/// </summary>
public static class KernelCommand
{
    /// <summary>Builds the command; results are written to <paramref name="stdout"/>.</summary>
    public static Command Create(TextWriter stdout)
    {
        var dataset = new Option<string>("--dataset") { Description = "CSV file (header; a last column named label/target is ignored) or a built-in name: " + string.Join(", ", BuiltInDatasets.Names), Required = true };
        var encoding = new Option<string>("--encoding") { Description = "Encoding: " + string.Join(", ", EncodingFactory.Names), Required = true };
        var qubits = new Option<int>("--n-qubits") { Description = "Number of qubits", Required = true };
        var reps = new Option<int>("--reps") { Description = "Repetitions of the encoding (iqp, zz, pauli)", DefaultValueFactory = _ => 2 };
        var kind = new Option<string>("--kernel") { Description = "fidelity (|⟨ψ(x)|ψ(z)⟩|²) or projected (RBF on one-qubit reduced states)", DefaultValueFactory = _ => "fidelity" };
        var noScale = new Option<bool>("--no-scale") { Description = "Use the features exactly as given (no standardisation, PCA or angle scaling)" };
        var json = new Option<bool>("--json") { Description = "Print {\"n\": n, \"matrix\": [[...]]}" };
        var command = new Command("kernel", "Compute a quantum kernel matrix of a dataset") { dataset, encoding, qubits, reps, kind, noScale, json };
        command.SetAction(parse => Execute(new KernelRequest(parse.GetValue(dataset)!, parse.GetValue(encoding)!, parse.GetValue(qubits),
            parse.GetValue(reps), parse.GetValue(kind)!, parse.GetValue(noScale), parse.GetValue(json)), stdout));
        return command;
    }

    /// <summary>Computes and writes the matrix; throws <see cref="CliException"/> on bad input.</summary>
    public static int Execute(KernelRequest request, TextWriter stdout)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(stdout);
        if (request.NumQubits < 1) throw CliException.Usage($"--n-qubits must be at least 1, got {request.NumQubits}");
        if (request.Reps < 1) throw CliException.Usage($"--reps must be at least 1, got {request.Reps}");
        var rows = LoadRows(request.Dataset);
        IEncoding encoding;
        try
        {
            encoding = EncodingFactory.Create(request.Encoding, request.NumQubits, EncodingOptions.Default with { Reps = request.Reps });
        }
        catch (ArgumentException e)
        {
            throw CliException.Usage(e.Message, e);
        }
        if (rows[0].Length < encoding.NumFeatures)
            throw CliException.Usage($"the {request.Encoding} encoding on {request.NumQubits} qubits reads {encoding.NumFeatures} features but the data has {rows[0].Length}; use fewer qubits");
        if (!request.NoScale)
        {
            int nf = encoding.NumFeatures;
            try
            {
                var options = new PreprocessingOptions { PcaComponents = rows[0].Length > nf ? nf : null };
                rows = Preprocessor.Fit(rows, options, nf).Transform(rows);
            }
            catch (ArgumentException e)
            {
                throw CliException.Usage(e.Message, e);
            }
        }
        IQuantumKernel kernel = request.Kind.ToLowerInvariant() switch
        {
            "fidelity" => new FidelityKernel(encoding),
            "projected" => new ProjectedQuantumKernel(encoding),
            _ => throw CliException.Usage($"unknown --kernel '{request.Kind}'; allowed: fidelity, projected"),
        };
        double[,] matrix;
        try
        {
            matrix = kernel.Matrix(rows);
        }
        catch (StateTooLargeException e)
        {
            throw CliException.Usage(e.Message, e);
        }
        if (request.Json)
        {
            JsonOutput.Write(stdout, json =>
            {
                json.WriteStartObject();
                json.WriteNumber("n", rows.Length);
                json.WritePropertyName("matrix");
                json.WriteStartArray();
                for (int i = 0; i < rows.Length; i++)
                {
                    json.WriteStartArray();
                    for (int j = 0; j < rows.Length; j++) JsonOutput.Number(json, matrix[i, j]);
                    json.WriteEndArray();
                    JsonOutput.FlushIfFull(json);
                }
                json.WriteEndArray();
                json.WriteEndObject();
            });
        }
        else
        {
            stdout.WriteLine($"{kernel.Name} kernel, {encoding.Name} encoding, {request.NumQubits} qubits, {rows.Length} samples");
            int shown = Math.Min(rows.Length, 12);
            for (int i = 0; i < shown; i++)
            {
                var cells = new string[shown];
                for (int j = 0; j < shown; j++) cells[j] = matrix[i, j].ToString("F4", System.Globalization.CultureInfo.InvariantCulture);
                stdout.WriteLine(string.Join("  ", cells));
            }
            if (shown < rows.Length) stdout.WriteLine($"(showing the first {shown} rows and columns of {rows.Length}; use --json for all)");
        }
        return ExitCodes.Success;
    }

    private static double[][] LoadRows(string dataset)
    {
        try
        {
            if (!File.Exists(dataset) && BuiltInDatasets.Names.Contains(dataset, StringComparer.OrdinalIgnoreCase))
                return BuiltInDatasets.Load(dataset).ToJaggedArray();
            return CsvDataset.LoadFeatures(dataset).Rows;
        }
        catch (FileNotFoundException e)
        {
            throw CliException.Usage($"cannot read '{dataset}': file not found (built-in datasets: {string.Join(", ", BuiltInDatasets.Names)})", e);
        }
        catch (DatasetFormatException e)
        {
            throw CliException.Usage(e.Message, e);
        }
    }
}
