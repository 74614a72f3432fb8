using System.CommandLine;
using System.Globalization;
using Hanzo.Qml.Cli.Output;
using Hanzo.Qml.Optimization;
using Hanzo.Qml.Optimization.Problems;
using Hanzo.Qml.Optimization.Qaoa;
using Hanzo.Qml.Simulation;

namespace Hanzo.Qml.Cli.Commands;

/// <summary>What <c>hanzo-qml qaoa</c> was asked to do.</summary>
/// <param name="Graph">An edge-list file, or <c>random:N:D</c> (a seeded random D-regular graph on N nodes).</param>
/// <param name="Layers">QAOA depth p.</param>
/// <param name="Optimizer">Outer optimiser name.</param>
/// <param name="MaxIterations">Iteration (COBYLA: evaluation) limit, or null for the optimiser's default.</param>
/// <param name="Shots">Samples drawn from the final state.</param>
/// <param name="Seed">Seed of the graph generator, the optimiser and the sampler.</param>
/// <param name="Json">Write JSON.</param>
public sealed record QaoaRequest(string Graph, int Layers, string Optimizer, int? MaxIterations, int Shots, int Seed, bool Json);

/// <summary>
/// <c>hanzo-qml qaoa --graph FILE|random:N:D --p P [--optimizer cobyla|nelder-mead|spsa|adam] [--max-iter K] [--shots S] [--seed S] [--json]</c>:
/// MaxCut by QAOA. Costs follow PennyLane's <c>qaoa.maxcut</c>: H_C = Σ (w/2)(ZᵢZⱼ − 1), so a bitstring's cost is minus
/// its cut and ⟨H_C⟩ is minus the expected cut. Character i of a bitstring is node i.
/// </summary>
public static class QaoaCommand
{
    /// <summary>Builds the command; results are written to <paramref name="stdout"/>.</summary>
    public static Command Create(TextWriter stdout)
    {
        var graph = new Option<string>("--graph") { Description = "Edge-list file (one edge 'u v [weight]' per line, nodes from 0, '#' comments) or random:N:D for a seeded random D-regular graph", Required = true };
        var layers = new Option<int>("--p") { Description = "Number of QAOA layers", DefaultValueFactory = _ => 1 };
        var optimizer = new Option<string>("--optimizer") { Description = "cobyla (default), nelder-mead, spsa or adam", DefaultValueFactory = _ => "cobyla" };
        var maxIter = new Option<int?>("--max-iter") { Description = "Iteration limit of the optimiser (COBYLA: function evaluations)" };
        var shots = new Option<int>("--shots") { Description = "Samples drawn from the optimised state to pick the best bitstring", DefaultValueFactory = _ => 1000 };
        var seed = new Option<int>("--seed") { Description = "Seed of the random graph, the optimiser and the sampler", DefaultValueFactory = _ => 0 };
        var json = new Option<bool>("--json") { Description = "Print {bitstring, cost, cut, expectation, expected_cut, max_cut, approximation_ratio, angles, history}" };
        var command = new Command("qaoa", "Solve MaxCut with QAOA on the statevector simulator") { graph, layers, optimizer, maxIter, shots, seed, json };
        command.SetAction(parse => Execute(new QaoaRequest(parse.GetValue(graph)!, parse.GetValue(layers), parse.GetValue(optimizer)!,
            parse.GetValue(maxIter), parse.GetValue(shots), parse.GetValue(seed), parse.GetValue(json)), stdout));
        return command;
    }

    /// <summary>Solves and writes the result; throws <see cref="CliException"/> on bad input.</summary>
    public static int Execute(QaoaRequest request, TextWriter stdout)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(stdout);
        if (request.Layers < 1) throw CliException.Usage($"--p must be at least 1, got {request.Layers}");
        if (request.Shots < 1) throw CliException.Usage($"--shots must be at least 1, got {request.Shots}");
        if (request.MaxIterations is < 1) throw CliException.Usage($"--max-iter must be at least 1, got {request.MaxIterations}");
        var graph = LoadGraph(request.Graph, request.Seed);
        if (graph.NumNodes > StateVector.MaxQubits)
            throw CliException.Usage($"the graph has {graph.NumNodes} nodes; QAOA on the statevector simulator handles at most {StateVector.MaxQubits}");
        var options = new QaoaOptions { Layers = request.Layers, Optimizer = CreateOptimizer(request), Shots = request.Shots, Seed = request.Seed };
        QaoaResult result;
        try
        {
            result = QaoaSolver.SolveMaxCut(graph, options);
        }
        catch (StateTooLargeException e)
        {
            throw CliException.Usage(e.Message, e);
        }
        double maxCut = -result.OptimalCost;
        double expectedCut = -result.Expectation;
        double cut = MaxCut.CutValue(graph, result.BestBitstring);
        if (request.Json)
        {
            JsonOutput.Write(stdout, json =>
            {
                json.WriteStartObject();
                json.WriteString("bitstring", result.BestBitstring);
                Field(json, "cost", result.BestCost);
                Field(json, "cut", cut);
                Field(json, "expectation", result.Expectation);
                Field(json, "expected_cut", expectedCut);
                Field(json, "max_cut", maxCut);
                json.WritePropertyName("approximation_ratio");
                if (maxCut > 0) JsonOutput.Number(json, expectedCut / maxCut); else json.WriteNullValue();
                json.WriteNumber("n_nodes", graph.NumNodes);
                json.WriteNumber("p", request.Layers);
                json.WriteString("optimizer", request.Optimizer.ToLowerInvariant());
                json.WritePropertyName("angles");
                json.WriteStartObject();
                Array(json, "gamma", result.Angles.Gammas);
                Array(json, "beta", result.Angles.Betas);
                json.WriteEndObject();
                json.WriteNumber("evaluations", result.TotalEvaluations);
                Array(json, "history", result.Optimization.History);
                json.WriteEndObject();
            });
        }
        else
        {
            var inv = CultureInfo.InvariantCulture;
            stdout.WriteLine($"MaxCut by QAOA: {graph}, p = {request.Layers}, optimizer {request.Optimizer}, seed {request.Seed}");
            stdout.WriteLine($"best sampled bitstring  {result.BestBitstring}  cut {cut.ToString("G6", inv)} (maximum {maxCut.ToString("G6", inv)})");
            stdout.WriteLine($"expected cut            {expectedCut.ToString("F4", inv)}  (⟨H_C⟩ = {result.Expectation.ToString("F4", inv)})");
            if (maxCut > 0) stdout.WriteLine($"approximation ratio     {(expectedCut / maxCut).ToString("F4", inv)}");
            stdout.WriteLine($"evaluations             {result.TotalEvaluations}");
        }
        return ExitCodes.Success;
    }

    private static void Field(System.Text.Json.Utf8JsonWriter json, string name, double value)
    {
        json.WritePropertyName(name);
        JsonOutput.Number(json, value);
    }

    private static void Array(System.Text.Json.Utf8JsonWriter json, string name, IReadOnlyList<double> values)
    {
        json.WritePropertyName(name);
        json.WriteStartArray();
        foreach (double v in values) JsonOutput.Number(json, v);
        json.WriteEndArray();
    }

    private static IOptimizer CreateOptimizer(QaoaRequest r)
    {
        int? k = r.MaxIterations;
        return r.Optimizer.Trim().ToLowerInvariant().Replace('_', '-') switch
        {
            "cobyla" => new Cobyla(k is int c ? new CobylaOptions { MaxEvaluations = c } : null),
            "nelder-mead" or "neldermead" => new NelderMead(k is int m ? new NelderMeadOptions { MaxIterations = m } : null),
            "spsa" => new Spsa(new SpsaOptions { Seed = r.Seed, MaxIterations = k ?? new SpsaOptions().MaxIterations }),
            "adam" => new Adam(new AdamOptions { MaxIterations = k ?? 300, LearningRate = 0.05 }),
            _ => throw CliException.Usage($"unknown --optimizer '{r.Optimizer}'; allowed: cobyla, nelder-mead, spsa, adam"),
        };
    }

    private static Graph LoadGraph(string spec, int seed)
    {
        if (spec.StartsWith("random:", StringComparison.OrdinalIgnoreCase))
        {
            var parts = spec.Split(':');
            if (parts.Length != 3 || !int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out int n)
                || !int.TryParse(parts[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out int d))
                throw CliException.Usage($"--graph '{spec}': expected random:N:D with integers N (nodes) and D (degree)");
            try
            {
                return GraphGenerators.RandomRegular(n, d, seed);
            }
            catch (ArgumentException e)
            {
                throw CliException.Usage($"--graph '{spec}': {e.Message}", e);
            }
        }
        if (!File.Exists(spec)) throw CliException.Usage($"cannot read '{spec}': file not found (or use random:N:D)");
        try
        {
            return Graph.ReadEdgeList(spec);
        }
        catch (GraphFormatException e)
        {
            throw CliException.Usage(e.Message, e);
        }
    }
}
