using System.Globalization;
using System.Text.Json;
using Hanzo.Qml.Optimization;
using Hanzo.Qml.Optimization.Problems;
using Hanzo.Qml.Optimization.Qaoa;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Hanzo.Qml.Server.Jobs;

/// <summary>A validated QAOA MaxCut job: the graph as an explicit edge list, so the run does not depend on how it was given.</summary>
/// <param name="NumNodes">Nodes (qubits).</param>
/// <param name="Edges">Edges as [u, v, weight].</param>
/// <param name="P">Layers.</param>
/// <param name="Optimizer">cobyla, nelder-mead, spsa or adam.</param>
/// <param name="MaxIter">Optimiser iteration limit, or null for its default.</param>
/// <param name="Shots">Samples of the optimised state.</param>
/// <param name="Seed">Seed of the optimiser and the sampler.</param>
public sealed record QaoaJobRequest(int NumNodes, IReadOnlyList<double[]> Edges, int P, string Optimizer, int? MaxIter, int Shots, int Seed)
{
    /// <summary>Optimiser names accepted.</summary>
    public static IReadOnlyList<string> Optimizers { get; } = ["cobyla", "nelder-mead", "spsa", "adam"];

    /// <summary>The graph.</summary>
    public Graph ToGraph() => new(NumNodes, Edges.Select(e => ((int)e[0], (int)e[1], e[2])));

    /// <summary>The optimiser, as the CLI builds it.</summary>
    public IOptimizer CreateOptimizer() => Optimizer switch
    {
        "cobyla" => new Cobyla(MaxIter is int c ? new CobylaOptions { MaxEvaluations = c } : null),
        "nelder-mead" => new NelderMead(MaxIter is int m ? new NelderMeadOptions { MaxIterations = m } : null),
        "spsa" => new Spsa(new SpsaOptions { Seed = Seed, MaxIterations = MaxIter ?? new SpsaOptions().MaxIterations }),
        "adam" => new Adam(new AdamOptions { MaxIterations = MaxIter ?? 300, LearningRate = 0.05 }),
        _ => throw new ArgumentException($"unknown optimizer \"{Optimizer}\"; allowed: {string.Join(", ", Optimizers)}"),
    };
}

/// <summary>The result of a QAOA job, with the CLI's field names (<c>hanzo-qml qaoa --json</c>).</summary>
/// <param name="Bitstring">Best sampled bitstring; character i is node i.</param>
/// <param name="Cost">Its cost (minus its cut).</param>
/// <param name="Cut">Its cut.</param>
/// <param name="Expectation">⟨H_C⟩ at the optimised angles (minus the expected cut).</param>
/// <param name="ExpectedCut">Expected cut.</param>
/// <param name="MaxCut">Maximum cut (brute force).</param>
/// <param name="ApproximationRatio">Expected cut / maximum cut; null for a graph without edges.</param>
/// <param name="NNodes">Nodes.</param>
/// <param name="P">Layers.</param>
/// <param name="Optimizer">Optimiser.</param>
/// <param name="Gamma">Optimised cost angles.</param>
/// <param name="Beta">Optimised mixer angles.</param>
/// <param name="Evaluations">Objective evaluations.</param>
/// <param name="History">Objective value per optimiser step.</param>
public sealed record QaoaJobResult(string Bitstring, double Cost, double Cut, double Expectation, double ExpectedCut, double MaxCut,
    double? ApproximationRatio, int NNodes, int P, string Optimizer, IReadOnlyList<double> Gamma, IReadOnlyList<double> Beta,
    int Evaluations, IReadOnlyList<double> History);

/// <summary>Runs QAOA MaxCut jobs (<c>POST /v1/qaoa</c>).</summary>
/// <param name="json">The service's JSON settings.</param>
public sealed class QaoaJobHandler(IOptions<JsonOptions> json) : IJobHandler
{
    /// <summary>The kind name.</summary>
    public const string KindName = "qaoa";

    /// <inheritdoc />
    public string Kind => KindName;

    /// <inheritdoc />
    public Task<JobOutcome> RunAsync(JobExecution job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var options = json.Value.SerializerOptions;
        var request = JsonSerializer.Deserialize<QaoaJobRequest>(job.Record.RequestJson, options)
            ?? throw new JobFailedException("the stored request is empty");
        var graph = request.ToGraph();
        int budget = request.MaxIter ?? 0, seen = 0;
        var progress = new CallbackProgress<OptimizationStep>(step =>
        {
            seen++;
            double fraction = budget > 0 ? Math.Min(1, seen / (double)budget) : 1 - 1 / (1 + seen / 100.0);
            job.ReportProgress(fraction, string.Create(CultureInfo.InvariantCulture, $"evaluation {seen}: ⟨H_C⟩ = {step.Value:G6}"));
        });
        var result = QaoaSolver.SolveMaxCut(graph, new QaoaOptions
        {
            Layers = request.P,
            Optimizer = request.CreateOptimizer(),
            Shots = request.Shots,
            Seed = request.Seed,
        }, cancellationToken, progress);
        double maxCut = -result.OptimalCost, expectedCut = -result.Expectation;
        var output = new QaoaJobResult(result.BestBitstring, result.BestCost, MaxCut.CutValue(graph, result.BestBitstring), result.Expectation,
            expectedCut, maxCut, maxCut > 0 ? expectedCut / maxCut : null, graph.NumNodes, request.P, request.Optimizer,
            result.Angles.Gammas, result.Angles.Betas, result.TotalEvaluations, result.Optimization.History);
        return Task.FromResult(new JobOutcome(JsonSerializer.Serialize(output, options)));
    }
}
