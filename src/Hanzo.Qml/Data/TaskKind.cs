namespace Hanzo.Qml.Data;

/// <summary>What a dataset's response column is.</summary>
public enum TaskKind
{
    /// <summary>Discrete classes; the label column holds class names, mapped to indices 0..K−1.</summary>
    Classification,

    /// <summary>A real-valued target.</summary>
    Regression,
}
