namespace Hanzo.Qml.Classical.Statistics;

/// <summary>Student's t distribution with ν degrees of freedom (ν &gt; 0, not necessarily an integer).</summary>
public static class StudentT
{
    /// <summary>P(T ≤ t).</summary>
    /// <exception cref="ArgumentOutOfRangeException">When ν is not positive.</exception>
    public static double Cdf(double t, double degreesOfFreedom)
    {
        CheckDf(degreesOfFreedom);
        if (double.IsNaN(t)) return double.NaN;
        if (double.IsPositiveInfinity(t)) return 1.0;
        if (double.IsNegativeInfinity(t)) return 0.0;
        double tail = 0.5 * TailBeta(t, degreesOfFreedom);
        return t > 0 ? 1.0 - tail : tail;
    }

    /// <summary>
    /// Two-sided p-value P(|T| ≥ |t|) = I_{ν/(ν+t²)}(ν/2, ½), computed directly (not as 1 − CDF) so that small p-values
    /// keep their relative accuracy.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">When ν is not positive.</exception>
    public static double TwoSidedPValue(double t, double degreesOfFreedom)
    {
        CheckDf(degreesOfFreedom);
        if (double.IsNaN(t)) return double.NaN;
        if (double.IsInfinity(t)) return 0.0;
        return Math.Min(1.0, TailBeta(t, degreesOfFreedom));
    }

    /// <summary>The quantile t_p: P(T ≤ t_p) = p (bisection on the CDF to full double precision).</summary>
    /// <exception cref="ArgumentOutOfRangeException">When p is not in (0, 1) or ν is not positive.</exception>
    public static double InverseCdf(double p, double degreesOfFreedom)
    {
        CheckDf(degreesOfFreedom);
        if (!(p > 0 && p < 1)) throw new ArgumentOutOfRangeException(nameof(p), p, "p must be strictly between 0 and 1.");
        if (p == 0.5) return 0.0;
        double lo = -1.0, hi = 1.0;
        while (Cdf(lo, degreesOfFreedom) > p) lo *= 2;
        while (Cdf(hi, degreesOfFreedom) < p) hi *= 2;
        for (int i = 0; i < 200 && hi - lo > 1e-15 * Math.Max(1.0, Math.Abs(lo)); i++)
        {
            double mid = 0.5 * (lo + hi);
            if (Cdf(mid, degreesOfFreedom) < p) lo = mid; else hi = mid;
        }
        return 0.5 * (lo + hi);
    }

    private static double TailBeta(double t, double nu)
    {
        // For |t| ≫ √ν, ν/(ν + t²) underflows gracefully; for small |t| use the complementary form to avoid 1 − (≈1).
        double t2 = t * t;
        if (t2 < nu) return 1.0 - SpecialFunctions.RegularizedIncompleteBeta(0.5, nu / 2, t2 / (nu + t2));
        return SpecialFunctions.RegularizedIncompleteBeta(nu / 2, 0.5, nu / (nu + t2));
    }

    private static void CheckDf(double nu)
    {
        if (!(nu > 0) || double.IsNaN(nu)) throw new ArgumentOutOfRangeException(nameof(nu), nu, "The degrees of freedom must be positive.");
    }
}

/// <summary>The standard normal distribution.</summary>
public static class StandardNormal
{
    /// <summary>Φ(z) = P(Z ≤ z).</summary>
    public static double Cdf(double z) => 0.5 * SpecialFunctions.Erfc(-z / Math.Sqrt(2));

    /// <summary>Two-sided p-value P(|Z| ≥ |z|) = erfc(|z|/√2).</summary>
    public static double TwoSidedPValue(double z) => double.IsNaN(z) ? double.NaN : SpecialFunctions.Erfc(Math.Abs(z) / Math.Sqrt(2));
}
