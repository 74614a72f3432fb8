using Hanzo.Qml.Server.Endpoints;

namespace Hanzo.Qml.Server.Models;

/// <summary>Body of <c>POST /v1/models/{id}/train</c>: the training data, and optionally fewer or more epochs than the model's.</summary>
// A misspelt setting must be an error, not silently ignored.
[System.Text.Json.Serialization.JsonUnmappedMemberHandling(System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow)]
public sealed record TrainRequest
{
    /// <summary>Built-in dataset name.</summary>
    public string? Dataset { get; init; }

    /// <summary>Inline data instead of a name.</summary>
    public InlineData? Data { get; init; }

    /// <summary>CSV text instead of a name.</summary>
    public string? Csv { get; init; }

    /// <summary>Epochs for this run (vqc/vqr), overriding the model's setting.</summary>
    public int? Epochs { get; init; }

    /// <summary>
    /// Resume from the checkpoint of an interrupted or cancelled earlier run with the same data and epochs (default
    /// true); false starts from scratch.
    /// </summary>
    public bool? Resume { get; init; }

    /// <summary>The source part, for loading.</summary>
    public DatasetRequest Source => new() { Dataset = Dataset, Data = Data, Csv = Csv };
}

/// <summary>What prediction needs besides the model document.</summary>
/// <param name="ClassNames">Class labels in index order (classifiers); empty for the regressor.</param>
/// <param name="NFeatures">Features a sample must have.</param>
/// <param name="MetricName">Training metric: accuracy or r2.</param>
public sealed record ModelMetadata(IReadOnlyList<string> ClassNames, int NFeatures, string MetricName);
