namespace Hanzo.Qml.Circuits;

/// <summary>What a gate angle is computed from.</summary>
public enum ParameterKind
{
    /// <summary>A fixed number.</summary>
    Constant,
    /// <summary>A trainable weight θ[i].</summary>
    Weight,
    /// <summary>An input feature x[i].</summary>
    Feature,
    /// <summary>A product of input features Π x[i] (IQP's x_i·x_j).</summary>
    FeatureProduct,
    /// <summary>A product Π (π − x[i]) (the ZZ feature map's (π − x_i)(π − x_j)).</summary>
    PiMinusFeatureProduct,
}
