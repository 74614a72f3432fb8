namespace Hanzo.Qml.Encodings;

/// <summary>The single-qubit rotation used by <see cref="AngleEncoding"/> and by the basic entangler layers.</summary>
public enum AngleRotation
{
    /// <summary>RX(θ) = exp(−iθX/2).</summary>
    X,
    /// <summary>RY(θ) = exp(−iθY/2).</summary>
    Y,
    /// <summary>RZ(θ) = exp(−iθZ/2).</summary>
    Z,
}
