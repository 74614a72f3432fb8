using System.Numerics.Tensors;

namespace Hanzo.Qml.Classical.NeuralNetworks;

/// <summary>
/// Adam (Kingma and Ba 2015) moment estimates for one flat parameter vector, with bias correction.
/// </summary>
/// <remarks>
/// Deliberately internal and local to the MLP: the shared <c>Optimization/</c> namespace will own the general Adam;
/// keeping this one private avoids two public Adams with subtly different conventions. Same defaults as the paper and
/// scikit-learn (β₁ = 0.9, β₂ = 0.999, ε = 1e-8).
/// </remarks>
internal sealed class AdamState(int size, double learningRate, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8)
{
    private readonly double[] _m = new double[size];
    private readonly double[] _v = new double[size];
    private readonly double[] _scratch = new double[size];
    private int _t;

    /// <summary>Moves <paramref name="parameters"/> one step against <paramref name="gradient"/>.</summary>
    public void Step(Span<double> parameters, ReadOnlySpan<double> gradient)
    {
        _t++;
        // m ← β₁m + (1−β₁)g ; v ← β₂v + (1−β₂)g²
        TensorPrimitives.Multiply(_m, beta1, _m);
        TensorPrimitives.MultiplyAdd(gradient, 1 - beta1, _m, _m);
        TensorPrimitives.Multiply(gradient, gradient, _scratch);
        TensorPrimitives.Multiply(_v, beta2, _v);
        TensorPrimitives.MultiplyAdd(_scratch, 1 - beta2, _v, _v);
        // The bias corrections fold into one step size, as in the paper's efficient form.
        double stepSize = learningRate * Math.Sqrt(1 - Math.Pow(beta2, _t)) / (1 - Math.Pow(beta1, _t));
        for (int i = 0; i < parameters.Length; i++)
            parameters[i] -= stepSize * _m[i] / (Math.Sqrt(_v[i]) + epsilon);
    }
}
