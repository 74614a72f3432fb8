namespace Hanzo.Qml.Optimization.Qaoa;

/// <summary>
/// Starting angles for the outer optimisation. Random starts usually land in poor local minima of the QAOA landscape;
/// schedules that resemble a discretised adiabatic path do not.
/// </summary>
public static class QaoaInitialization
{
    /// <summary>
    /// A linear ramp (a Trotterised annealing path, as in the "TQA" start of Sack &amp; Serbyn 2021): with
    /// tₖ = (k + ½)/p, γₖ = Δγ·tₖ and βₖ = −Δβ·(1 − tₖ). The cost angle grows while the mixer angle fades; β is
    /// negative because the start state |+⟩ⁿ is the ground state of −ΣX, so the annealing path mixes with e^{+i|β|ΣX}
    /// in this convention (and minimises ⟨H_C⟩).
    /// </summary>
    /// <param name="layers">p ≥ 1.</param>
    /// <param name="deltaGamma">Δγ &gt; 0, the largest cost angle (scale it inversely with the size of the cost coefficients).</param>
    /// <param name="deltaBeta">Δβ &gt; 0, the largest mixer angle.</param>
    public static QaoaAngles LinearRamp(int layers, double deltaGamma = 0.75, double deltaBeta = 0.75)
    {
        if (layers < 1) throw new ArgumentOutOfRangeException(nameof(layers), layers, "QAOA needs at least one layer.");
        if (!(deltaGamma > 0) || !double.IsFinite(deltaGamma)) throw new ArgumentOutOfRangeException(nameof(deltaGamma), deltaGamma, "Δγ must be positive and finite.");
        if (!(deltaBeta > 0) || !double.IsFinite(deltaBeta)) throw new ArgumentOutOfRangeException(nameof(deltaBeta), deltaBeta, "Δβ must be positive and finite.");
        var g = new double[layers];
        var b = new double[layers];
        for (int k = 0; k < layers; k++)
        {
            double t = (k + 0.5) / layers;
            g[k] = deltaGamma * t;
            b[k] = -deltaBeta * (1 - t);
        }
        return new QaoaAngles(g, b);
    }

    /// <summary>
    /// INTERP (Zhou, Wang, Choi, Pichler &amp; Lukin, PRX 10, 021067, 2020): from optimised angles of depth p, starting
    /// angles of depth p + 1 by linear interpolation of the schedule, γ'ᵢ = (i/p)·γᵢ₋₁ + ((p − i)/p)·γᵢ for
    /// i = 0..p (0-based, with γ₋₁ = γₚ = 0), and the same for β. Optimised QAOA schedules vary smoothly with the layer,
    /// so this start lies near the optimum of the deeper circuit.
    /// </summary>
    public static QaoaAngles Interpolate(QaoaAngles previous)
    {
        ArgumentNullException.ThrowIfNull(previous);
        int p = previous.Layers;
        return new QaoaAngles(Interp(previous.Gammas, p), Interp(previous.Betas, p));
    }

    private static double[] Interp(IReadOnlyList<double> x, int p)
    {
        var y = new double[p + 1];
        for (int i = 0; i <= p; i++)
        {
            double before = i >= 1 ? x[i - 1] : 0;
            double here = i < p ? x[i] : 0;
            y[i] = (double)i / p * before + (double)(p - i) / p * here;
        }
        return y;
    }
}
