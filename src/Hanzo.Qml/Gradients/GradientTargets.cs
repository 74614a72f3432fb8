namespace Hanzo.Qml.Gradients;

/// <summary>Which gradients to compute.</summary>
[Flags]
public enum GradientTargets
{
    /// <summary>Only the value.</summary>
    None = 0,
    /// <summary>Gradient with respect to the trainable weights.</summary>
    Weights = 1,
    /// <summary>Gradient with respect to the input features (needed by hybrid models that train a network before the encoding).</summary>
    Features = 2,
    /// <summary>Both gradients.</summary>
    Both = Weights | Features,
}
