using System.Collections.Concurrent;
using Hanzo.Qml.Models;
using Hanzo.Qml.Server.Storage;

namespace Hanzo.Qml.Server.Models;

/// <summary>
/// Trained models reloaded from their stored documents, kept for prediction: one entry per model id, replaced when the
/// model was retrained (its <see cref="ModelRecord.UpdatedAt"/> moved), at most <see cref="Capacity"/> models.
/// </summary>
public sealed class TrainedModelCache
{
    /// <summary>Most models kept; past it the cache starts afresh (prediction reloads what it needs).</summary>
    public const int Capacity = 256;

    private readonly ConcurrentDictionary<string, (DateTime Version, object Model)> _models = new(StringComparer.Ordinal);

    /// <summary>
    /// The loaded model of <paramref name="record"/>: a <see cref="VariationalClassifier"/>, <see cref="VariationalRegressor"/>
    /// or <see cref="QSVM"/>.
    /// </summary>
    /// <param name="record">A trained model (its document is set).</param>
    /// <exception cref="InvalidOperationException">When the model has no document.</exception>
    public object Get(ModelRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (_models.TryGetValue(record.Id, out var entry) && entry.Version == record.UpdatedAt) return entry.Model;
        var document = CompressedText.Decompress(record.Document ?? throw new InvalidOperationException($"Model {record.Id} is not trained."));
        object model = record.ModelType switch
        {
            "vqc" => VariationalClassifier.FromJson(document),
            "vqr" => VariationalRegressor.FromJson(document),
            _ => QSVM.FromJson(document),
        };
        if (_models.Count >= Capacity) _models.Clear();
        _models[record.Id] = (record.UpdatedAt, model);
        return model;
    }
}
