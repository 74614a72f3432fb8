using System.Numerics.Tensors;
using Hanzo.Qml.Data;

namespace Hanzo.Qml.Models;

/// <summary>
/// The classical half of a hybrid model: dense layers with tanh that compress d features to one angle per qubit,
/// angle = π·tanh(z) so every angle stays in (−π, π). Parameters live in a slice of the model's flat parameter vector
/// (per layer: weights row-major, then biases) so one optimiser steps the quantum and classical parts together.
/// </summary>
internal sealed class HybridNetwork
{
    private readonly int[] _sizes;

    public HybridNetwork(int inputs, IReadOnlyList<int> hidden, int outputs)
    {
        _sizes = [inputs, .. hidden, outputs];
        for (int l = 0; l + 1 < _sizes.Length; l++) NumParameters += _sizes[l + 1] * (_sizes[l] + 1);
    }

    public int NumParameters { get; }

    public int Inputs => _sizes[0];

    public IReadOnlyList<int> Sizes => _sizes;

    /// <summary>Glorot-uniform weights, zero biases.</summary>
    public void Initialize(Span<double> p, SeededRandom rng)
    {
        int o = 0;
        for (int l = 0; l + 1 < _sizes.Length; l++)
        {
            int fanIn = _sizes[l], fanOut = _sizes[l + 1];
            double limit = Math.Sqrt(6.0 / (fanIn + fanOut));
            for (int i = 0; i < fanIn * fanOut; i++) p[o++] = rng.NextDouble(-limit, limit);
            for (int i = 0; i < fanOut; i++) p[o++] = 0;
        }
    }

    /// <summary>Activations per layer (index 0 = input); the last entry holds tanh(z) of the output layer.</summary>
    public double[][] Forward(ReadOnlySpan<double> p, double[] x)
    {
        var acts = new double[_sizes.Length][];
        acts[0] = x;
        int o = 0;
        for (int l = 0; l + 1 < _sizes.Length; l++)
        {
            int fanIn = _sizes[l], fanOut = _sizes[l + 1];
            var a = new double[fanOut];
            for (int r = 0; r < fanOut; r++)
                a[r] = Math.Tanh(TensorPrimitives.Dot(p.Slice(o + r * fanIn, fanIn), acts[l]) + p[o + fanIn * fanOut + r]);
            acts[l + 1] = a;
            o += fanOut * (fanIn + 1);
        }
        return acts;
    }

    /// <summary>The angles fed to the encoding: π·tanh(z).</summary>
    public static double[] Angles(double[][] acts)
    {
        var t = acts[^1];
        var angles = new double[t.Length];
        TensorPrimitives.Multiply(t, Math.PI, angles);
        return angles;
    }

    /// <summary>Adds ∂L/∂p to <paramref name="grad"/> (times <paramref name="weight"/>) given ∂L/∂angles.</summary>
    public void Backward(ReadOnlySpan<double> p, double[][] acts, ReadOnlySpan<double> dAngles, Span<double> grad, double weight)
    {
        int layers = _sizes.Length - 1;
        var offsets = new int[layers];
        for (int l = 1; l < layers; l++) offsets[l] = offsets[l - 1] + _sizes[l] * (_sizes[l - 1] + 1);
        // δ at the output pre-activation: d(π·tanh z)/dz = π(1 − tanh²z).
        var delta = new double[_sizes[^1]];
        for (int r = 0; r < delta.Length; r++) delta[r] = dAngles[r] * Math.PI * (1 - acts[^1][r] * acts[^1][r]);
        for (int l = layers - 1; l >= 0; l--)
        {
            int fanIn = _sizes[l], fanOut = _sizes[l + 1], o = offsets[l];
            var input = acts[l];
            for (int r = 0; r < fanOut; r++)
            {
                double d = delta[r] * weight;
                for (int c = 0; c < fanIn; c++) grad[o + r * fanIn + c] += d * input[c];
                grad[o + fanIn * fanOut + r] += d;
            }
            if (l == 0) break;
            var next = new double[fanIn];
            for (int c = 0; c < fanIn; c++)
            {
                double s = 0;
                for (int r = 0; r < fanOut; r++) s += p[o + r * fanIn + c] * delta[r];
                next[c] = s * (1 - input[c] * input[c]);
            }
            delta = next;
        }
    }
}
