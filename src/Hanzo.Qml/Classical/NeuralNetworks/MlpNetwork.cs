using System.Numerics.Tensors;
using Hanzo.Qml.Data;

namespace Hanzo.Qml.Classical.NeuralNetworks;

/// <summary>
/// The dense network behind <see cref="MlpClassifier"/> and <see cref="MlpRegressor"/>: hidden layers with tanh or ReLU,
/// a linear output layer, and either a softmax cross-entropy or a squared-error head, trained by mini-batch Adam.
/// </summary>
/// <remarks>
/// All parameters live in one flat vector (per layer: the weight matrix row-major [out, in], then the biases), so Adam
/// and early-stopping snapshots are single array operations. Inner products and row updates use TensorPrimitives.
/// </remarks>
internal sealed class MlpNetwork
{
    private readonly int[] _sizes;
    private readonly int[] _weightOffset;
    private readonly int[] _biasOffset;
    private readonly MlpActivation _activation;
    private readonly bool _softmax;

    public MlpNetwork(int inputs, IReadOnlyList<int> hidden, int outputs, MlpActivation activation, bool softmax, SeededRandom rng)
    {
        _sizes = [inputs, .. hidden, outputs];
        _activation = activation;
        _softmax = softmax;
        int layers = _sizes.Length - 1;
        _weightOffset = new int[layers];
        _biasOffset = new int[layers];
        int offset = 0;
        for (int l = 0; l < layers; l++)
        {
            _weightOffset[l] = offset;
            offset += _sizes[l] * _sizes[l + 1];
            _biasOffset[l] = offset;
            offset += _sizes[l + 1];
        }
        Parameters = new double[offset];
        // Glorot-uniform initialisation, biases included (scikit-learn's scheme), from the seeded stream.
        for (int l = 0; l < layers; l++)
        {
            double bound = Math.Sqrt(6.0 / (_sizes[l] + _sizes[l + 1]));
            int end = _biasOffset[l] + _sizes[l + 1];
            for (int p = _weightOffset[l]; p < end; p++) Parameters[p] = (2 * rng.NextDouble() - 1) * bound;
        }
    }

    public double[] Parameters { get; }

    public int Outputs => _sizes[^1];

    public int Inputs => _sizes[0];

    /// <summary>Output-layer values of every row: probabilities (softmax head) or predictions (squared-error head).</summary>
    public double[][] Predict(IReadOnlyList<double[]> x)
    {
        var result = new double[x.Count][];
        const int chunk = 256;
        for (int start = 0; start < x.Count; start += chunk)
        {
            int b = Math.Min(chunk, x.Count - start);
            var acts = Forward(x, Enumerable.Range(start, b).ToArray());
            var o = acts[^1];
            for (int i = 0; i < b; i++) result[start + i] = o.AsSpan(i * Outputs, Outputs).ToArray();
        }
        return result;
    }

    /// <summary>
    /// Loss of a batch (mean cross-entropy, or half the mean squared error) and its gradient with respect to every
    /// parameter, the L2 term α/2·‖W‖²/B included (scikit-learn's scaling).
    /// </summary>
    public double LossAndGradient(IReadOnlyList<double[]> x, int[] rows, Func<int, int> classOf, Func<int, double[]> targetOf,
        double alpha, double[] gradient)
    {
        int batch = rows.Length;
        var acts = Forward(x, rows, keepAll: true);
        int layers = _sizes.Length - 1;
        int outputs = Outputs;
        var output = acts[^1];
        var delta = new double[batch * outputs];
        double loss = 0.0;
        for (int b = 0; b < batch; b++)
        {
            var o = output.AsSpan(b * outputs, outputs);
            var d = delta.AsSpan(b * outputs, outputs);
            if (_softmax)
            {
                int c = classOf(rows[b]);
                loss -= Math.Log(Math.Max(o[c], 1e-300));
                o.CopyTo(d);
                d[c] -= 1.0;
            }
            else
            {
                var t = targetOf(rows[b]);
                for (int k = 0; k < outputs; k++)
                {
                    double e = o[k] - t[k];
                    loss += 0.5 * e * e;
                    d[k] = e;
                }
            }
        }
        loss /= batch;
        TensorPrimitives.Multiply(delta, 1.0 / batch, delta);
        Array.Clear(gradient);

        for (int l = layers - 1; l >= 0; l--)
        {
            int nIn = _sizes[l], nOut = _sizes[l + 1];
            var input = acts[l];
            var w = Parameters.AsSpan(_weightOffset[l], nIn * nOut);
            var gw = gradient.AsSpan(_weightOffset[l], nIn * nOut);
            var gb = gradient.AsSpan(_biasOffset[l], nOut);
            double[]? deltaIn = l > 0 ? new double[batch * nIn] : null;
            for (int b = 0; b < batch; b++)
            {
                var inRow = input.AsSpan(b * nIn, nIn);
                var dRow = delta.AsSpan(b * nOut, nOut);
                for (int o = 0; o < nOut; o++)
                {
                    double g = dRow[o];
                    if (g == 0.0) continue;
                    gb[o] += g;
                    var gwRow = gw.Slice(o * nIn, nIn);
                    TensorPrimitives.MultiplyAdd(inRow, g, gwRow, gwRow);
                    if (deltaIn is not null)
                    {
                        var di = deltaIn.AsSpan(b * nIn, nIn);
                        TensorPrimitives.MultiplyAdd(w.Slice(o * nIn, nIn), g, di, di);
                    }
                }
            }
            // L2 on weights only, as α/B·W in the gradient.
            if (alpha > 0)
            {
                TensorPrimitives.MultiplyAdd(w, alpha / batch, gw, gw);
                loss += 0.5 * alpha / batch * TensorPrimitives.Dot<double>(w, w);
            }
            if (deltaIn is not null)
            {
                var a = acts[l]; // the hidden activation that fed this layer
                if (_activation == MlpActivation.Tanh)
                    for (int t = 0; t < deltaIn.Length; t++) deltaIn[t] *= 1 - a[t] * a[t];
                else
                    for (int t = 0; t < deltaIn.Length; t++) if (a[t] <= 0) deltaIn[t] = 0;
                delta = deltaIn;
            }
        }
        return loss;
    }

    private double[][] Forward(IReadOnlyList<double[]> x, int[] rows, bool keepAll = false)
    {
        int batch = rows.Length;
        int layers = _sizes.Length - 1;
        var acts = new double[layers + 1][];
        acts[0] = new double[batch * _sizes[0]];
        for (int b = 0; b < batch; b++) x[rows[b]].CopyTo(acts[0].AsSpan(b * _sizes[0], _sizes[0]));
        for (int l = 0; l < layers; l++)
        {
            int nIn = _sizes[l], nOut = _sizes[l + 1];
            var w = Parameters.AsSpan(_weightOffset[l], nIn * nOut);
            var bias = Parameters.AsSpan(_biasOffset[l], nOut);
            var z = new double[batch * nOut];
            for (int b = 0; b < batch; b++)
            {
                var inRow = acts[l].AsSpan(b * nIn, nIn);
                var zRow = z.AsSpan(b * nOut, nOut);
                for (int o = 0; o < nOut; o++) zRow[o] = TensorPrimitives.Dot(inRow, w.Slice(o * nIn, nIn)) + bias[o];
            }
            bool last = l == layers - 1;
            if (!last)
            {
                if (_activation == MlpActivation.Tanh) TensorPrimitives.Tanh(z, z);
                else TensorPrimitives.Max(z, 0.0, z);
            }
            else if (_softmax)
            {
                for (int b = 0; b < batch; b++) Softmax(z.AsSpan(b * nOut, nOut));
            }
            acts[l + 1] = z;
            if (!keepAll && l > 0) acts[l] = null!;
        }
        return acts;
    }

    private static void Softmax(Span<double> z)
    {
        double max = TensorPrimitives.Max<double>(z);
        double sum = 0.0;
        for (int k = 0; k < z.Length; k++) { z[k] = Math.Exp(z[k] - max); sum += z[k]; }
        for (int k = 0; k < z.Length; k++) z[k] /= sum;
    }

    /// <summary>
    /// Mini-batch Adam training with seeded shuffling; stops after <see cref="MlpOptions.Patience"/> epochs without an
    /// improvement of <see cref="MlpOptions.Tolerance"/> in the training loss, or in the validation loss with early
    /// stopping (the best validation parameters are then restored). Returns the per-epoch training loss.
    /// </summary>
    public static List<double> Train(MlpNetwork net, IReadOnlyList<double[]> x, int[] trainRows, int[]? validationRows,
        Func<int, int> classOf, Func<int, double[]> targetOf, MlpOptions options, SeededRandom rng)
    {
        var adam = new AdamState(net.Parameters.Length, options.LearningRate);
        var gradient = new double[net.Parameters.Length];
        var history = new List<double>();
        double best = double.PositiveInfinity;
        double[]? bestParameters = null;
        int stale = 0;
        int batchSize = Math.Clamp(options.BatchSize, 1, trainRows.Length);
        var order = (int[])trainRows.Clone();
        var validationGradient = validationRows is null ? null : new double[net.Parameters.Length];
        for (int epoch = 0; epoch < options.MaxEpochs; epoch++)
        {
            rng.Shuffle(order.AsSpan());
            double epochLoss = 0.0;
            for (int start = 0; start < order.Length; start += batchSize)
            {
                int b = Math.Min(batchSize, order.Length - start);
                var rows = order[start..(start + b)];
                epochLoss += net.LossAndGradient(x, rows, classOf, targetOf, options.L2, gradient) * b;
                adam.Step(net.Parameters, gradient);
            }
            epochLoss /= order.Length;
            if (!double.IsFinite(epochLoss))
                throw new InvalidOperationException($"MLP training diverged at epoch {epoch + 1} (loss {epochLoss}); lower the learning rate or standardise the features.");
            history.Add(epochLoss);
            double monitored = validationRows is null ? epochLoss
                : net.LossAndGradient(x, validationRows, classOf, targetOf, 0.0, validationGradient!);
            if (monitored < best - options.Tolerance)
            {
                best = monitored;
                stale = 0;
                if (validationRows is not null) bestParameters = (double[])net.Parameters.Clone();
            }
            else if (++stale >= options.Patience)
            {
                break;
            }
        }
        if (bestParameters is not null) bestParameters.CopyTo(net.Parameters, 0);
        return history;
    }
}
