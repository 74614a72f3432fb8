using Hanzo.Qml.Circuits;

namespace Hanzo.Qml.Gradients;

/// <summary>Distributes ∂⟨H⟩/∂angle of one gate parameter onto the weights and features the angle is computed from.</summary>
internal static class ChainRule
{
    /// <summary>True when the parameter needs differentiating for the requested targets.</summary>
    public static bool Needed(in ParameterExpression p, GradientTargets targets) =>
        (p.DependsOnWeights && (targets & GradientTargets.Weights) != 0) || (p.DependsOnFeatures && (targets & GradientTargets.Features) != 0);

    /// <summary>Adds <paramref name="dAngle"/> · ∂angle/∂(weights, features) to the gradients.</summary>
    public static void Accumulate(in ParameterExpression p, double dAngle, ReadOnlySpan<double> features, double[] dWeights, double[] dFeatures, GradientTargets targets)
    {
        if (p.DependsOnWeights && (targets & GradientTargets.Weights) != 0)
        {
            dWeights[p.Index] += dAngle * p.Scale;
        }
        else if (p.DependsOnFeatures && (targets & GradientTargets.Features) != 0)
        {
            var idx = p.Indices;
            for (int k = 0; k < idx.Length; k++)
            {
                // Repeated indices (x_i·x_i) are handled by FeatureDerivative; count each distinct index once.
                bool seen = false;
                for (int m = 0; m < k; m++) seen |= idx[m] == idx[k];
                if (!seen) dFeatures[idx[k]] += dAngle * p.FeatureDerivative(idx[k], features);
            }
        }
    }
}
