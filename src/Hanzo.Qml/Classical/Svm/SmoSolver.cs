namespace Hanzo.Qml.Classical.Svm;

/// <summary>
/// The Q matrix of an SMO problem as the solver sees it: columns in the solver's current variable order (shrinking
/// permutes the variables), stored in single precision as LIBSVM's <c>Qfloat</c> — keeping that rounding is what makes
/// the iterations, and so the support-vector sets, those of LIBSVM/scikit-learn.
/// </summary>
internal interface IQMatrix
{
    /// <summary>Fills <paramref name="column"/>[t] = Q[i, t] for t &lt; <paramref name="length"/>.</summary>
    void Column(int i, int length, float[] column);

    /// <summary>The diagonal Q[i, i] in double precision, in the current order.</summary>
    double[] Diagonal { get; }

    /// <summary>Exchanges variables i and j.</summary>
    void Swap(int i, int j);
}

/// <summary>
/// Sequential minimal optimisation for  min ½αᵀQα + pᵀα  subject to yᵀα = Δ, 0 ≤ αᵢ ≤ Cᵢ, yᵢ = ±1: the solver of
/// LIBSVM (Chang and Lin) with the second-order working-set selection of Fan, Chen and Lin (JMLR 6, 2005, "WSS3")
/// and shrinking. The update, selection, shrinking and ρ rules (ties included) are LIBSVM's, so a problem gives the
/// same iterates as scikit-learn's <c>SVC</c>/<c>SVR</c>.
/// </summary>
internal sealed class SmoSolver
{
    private const double Tau = 1e-12;
    private const sbyte LowerBound = 0, UpperBound = 1, Free = 2;

    private int _activeSize;
    private sbyte[] _y = [];
    private double[] _g = [];
    private sbyte[] _status = [];
    private double[] _alpha = [];
    private IQMatrix _q = null!;
    private double[] _qd = [];
    private double _eps;
    private double[] _c = [];
    private double[] _p = [];
    private int[] _activeSet = [];
    private double[] _gBar = [];
    private int _l;
    private bool _unshrink;
    private float[] _qi = [], _qj = [], _qTemp = [];

    /// <summary>What the solver returns.</summary>
    public readonly record struct Result(double Rho, double Objective, int Iterations, bool Converged);

    /// <summary>
    /// Solves the problem; <paramref name="alpha"/> holds the initial feasible point on entry and the solution (in the
    /// original variable order) on exit.
    /// </summary>
    public Result Solve(int l, IQMatrix q, double[] p, sbyte[] y, double[] alpha, double[] c, double eps, bool shrinking, int? maxIterations, CancellationToken cancellationToken)
    {
        _l = l;
        _q = q;
        _qd = q.Diagonal;
        _p = (double[])p.Clone();
        _y = (sbyte[])y.Clone();
        _alpha = (double[])alpha.Clone();
        _c = (double[])c.Clone();
        _eps = eps;
        _unshrink = false;
        _qi = new float[l];
        _qj = new float[l];
        _qTemp = new float[l];
        _status = new sbyte[l];
        for (int i = 0; i < l; i++) UpdateStatus(i);
        _activeSet = new int[l];
        for (int i = 0; i < l; i++) _activeSet[i] = i;
        _activeSize = l;

        _g = new double[l];
        _gBar = new double[l];
        for (int i = 0; i < l; i++) _g[i] = _p[i];
        for (int i = 0; i < l; i++)
        {
            if (IsLower(i)) continue;
            _q.Column(i, l, _qTemp);
            double ai = _alpha[i];
            for (int j = 0; j < l; j++) _g[j] += ai * _qTemp[j];
            if (IsUpper(i))
                for (int j = 0; j < l; j++) _gBar[j] += _c[i] * _qTemp[j];
        }

        int iter = 0;
        int counter = Math.Min(l, 1000) + 1;
        bool converged = true;
        while (true)
        {
            if (maxIterations is int max && iter >= max)
            {
                converged = false;
                break;
            }
            if ((iter & 1023) == 0) cancellationToken.ThrowIfCancellationRequested();
            if (--counter == 0)
            {
                counter = Math.Min(l, 1000);
                if (shrinking) DoShrinking();
            }
            if (SelectWorkingSet(out int i, out int j))
            {
                // Optimal on the active set: rebuild the whole gradient and check again on all variables.
                ReconstructGradient();
                _activeSize = l;
                if (SelectWorkingSet(out i, out j)) break;
                counter = 1;   // shrink at the next iteration
            }
            iter++;
            Step(i, j);
        }

        double rho = CalculateRho();
        double v = 0;
        for (int i = 0; i < l; i++) v += _alpha[i] * (_g[i] + _p[i]);
        for (int i = 0; i < l; i++) alpha[_activeSet[i]] = _alpha[i];
        return new Result(rho, v / 2, iter, converged);
    }

    private void Step(int i, int j)
    {
        int active = _activeSize;
        _q.Column(i, active, _qi);
        _q.Column(j, active, _qj);
        var qi = _qi;
        var qj = _qj;
        double ci = _c[i], cj = _c[j];
        double oldAi = _alpha[i], oldAj = _alpha[j];
        ref double ai = ref _alpha[i];
        ref double aj = ref _alpha[j];
        if (_y[i] != _y[j])
        {
            double quad = _qd[i] + _qd[j] + 2 * qi[j];
            if (quad <= 0) quad = Tau;
            double delta = (-_g[i] - _g[j]) / quad;
            double diff = ai - aj;
            ai += delta;
            aj += delta;
            if (diff > 0)
            {
                if (aj < 0) { aj = 0; ai = diff; }
            }
            else if (ai < 0) { ai = 0; aj = -diff; }
            if (diff > ci - cj)
            {
                if (ai > ci) { ai = ci; aj = ci - diff; }
            }
            else if (aj > cj) { aj = cj; ai = cj + diff; }
        }
        else
        {
            double quad = _qd[i] + _qd[j] - 2 * qi[j];
            if (quad <= 0) quad = Tau;
            double delta = (_g[i] - _g[j]) / quad;
            double sum = ai + aj;
            ai -= delta;
            aj += delta;
            if (sum > ci)
            {
                if (ai > ci) { ai = ci; aj = sum - ci; }
            }
            else if (aj < 0) { aj = 0; ai = sum; }
            if (sum > cj)
            {
                if (aj > cj) { aj = cj; ai = sum - cj; }
            }
            else if (ai < 0) { ai = 0; aj = sum; }
        }

        double dAi = ai - oldAi, dAj = aj - oldAj;
        for (int k = 0; k < active; k++) _g[k] += qi[k] * dAi + qj[k] * dAj;

        bool ui = IsUpper(i), uj = IsUpper(j);
        UpdateStatus(i);
        UpdateStatus(j);
        if (ui != IsUpper(i))
        {
            _q.Column(i, _l, _qTemp);
            if (ui) for (int k = 0; k < _l; k++) _gBar[k] -= ci * _qTemp[k];
            else for (int k = 0; k < _l; k++) _gBar[k] += ci * _qTemp[k];
        }
        if (uj != IsUpper(j))
        {
            _q.Column(j, _l, _qTemp);
            if (uj) for (int k = 0; k < _l; k++) _gBar[k] -= cj * _qTemp[k];
            else for (int k = 0; k < _l; k++) _gBar[k] += cj * _qTemp[k];
        }
    }

    /// <summary>WSS3: i maximises −yᵢ∇ᵢf over I_up; j minimises the second-order decrease over I_low. True when optimal.</summary>
    private bool SelectWorkingSet(out int outI, out int outJ)
    {
        double gmax = double.NegativeInfinity, gmax2 = double.NegativeInfinity;
        int gmaxIdx = -1, gminIdx = -1;
        double objDiffMin = double.PositiveInfinity;
        for (int t = 0; t < _activeSize; t++)
        {
            if (_y[t] == +1)
            {
                if (!IsUpper(t) && -_g[t] >= gmax) { gmax = -_g[t]; gmaxIdx = t; }
            }
            else if (!IsLower(t) && _g[t] >= gmax) { gmax = _g[t]; gmaxIdx = t; }
        }
        int i = gmaxIdx;
        if (i != -1) _q.Column(i, _activeSize, _qi);
        var qi = _qi;
        for (int j = 0; j < _activeSize; j++)
        {
            if (_y[j] == +1)
            {
                if (IsLower(j)) continue;
                double gradDiff = gmax + _g[j];
                if (_g[j] >= gmax2) gmax2 = _g[j];
                if (gradDiff > 0)
                {
                    double quad = _qd[i] + _qd[j] - 2.0 * _y[i] * qi[j];
                    double objDiff = quad > 0 ? -(gradDiff * gradDiff) / quad : -(gradDiff * gradDiff) / Tau;
                    if (objDiff <= objDiffMin) { gminIdx = j; objDiffMin = objDiff; }
                }
            }
            else
            {
                if (IsUpper(j)) continue;
                double gradDiff = gmax - _g[j];
                if (-_g[j] >= gmax2) gmax2 = -_g[j];
                if (gradDiff > 0)
                {
                    double quad = _qd[i] + _qd[j] + 2.0 * _y[i] * qi[j];
                    double objDiff = quad > 0 ? -(gradDiff * gradDiff) / quad : -(gradDiff * gradDiff) / Tau;
                    if (objDiff <= objDiffMin) { gminIdx = j; objDiffMin = objDiff; }
                }
            }
        }
        outI = gmaxIdx;
        outJ = gminIdx;
        return gmax + gmax2 < _eps || gminIdx == -1;
    }

    private bool BeShrunk(int i, double gmax1, double gmax2)
    {
        if (IsUpper(i)) return _y[i] == +1 ? -_g[i] > gmax1 : -_g[i] > gmax2;
        if (IsLower(i)) return _y[i] == +1 ? _g[i] > gmax2 : _g[i] > gmax1;
        return false;
    }

    private void DoShrinking()
    {
        double gmax1 = double.NegativeInfinity, gmax2 = double.NegativeInfinity;
        for (int i = 0; i < _activeSize; i++)
        {
            if (_y[i] == +1)
            {
                if (!IsUpper(i) && -_g[i] >= gmax1) gmax1 = -_g[i];
                if (!IsLower(i) && _g[i] >= gmax2) gmax2 = _g[i];
            }
            else
            {
                if (!IsUpper(i) && -_g[i] >= gmax2) gmax2 = -_g[i];
                if (!IsLower(i) && _g[i] >= gmax1) gmax1 = _g[i];
            }
        }
        if (!_unshrink && gmax1 + gmax2 <= _eps * 10)
        {
            _unshrink = true;
            ReconstructGradient();
            _activeSize = _l;
        }
        for (int i = 0; i < _activeSize; i++)
        {
            if (!BeShrunk(i, gmax1, gmax2)) continue;
            _activeSize--;
            while (_activeSize > i)
            {
                if (!BeShrunk(_activeSize, gmax1, gmax2))
                {
                    SwapIndex(i, _activeSize);
                    break;
                }
                _activeSize--;
            }
        }
    }

    private void ReconstructGradient()
    {
        if (_activeSize == _l) return;
        int nrFree = 0;
        for (int j = _activeSize; j < _l; j++) _g[j] = _gBar[j] + _p[j];
        for (int j = 0; j < _activeSize; j++) if (IsFree(j)) nrFree++;
        if ((long)nrFree * _l > 2L * _activeSize * (_l - _activeSize))
        {
            for (int i = _activeSize; i < _l; i++)
            {
                _q.Column(i, _activeSize, _qTemp);
                for (int j = 0; j < _activeSize; j++)
                    if (IsFree(j)) _g[i] += _alpha[j] * _qTemp[j];
            }
        }
        else
        {
            for (int i = 0; i < _activeSize; i++)
            {
                if (!IsFree(i)) continue;
                _q.Column(i, _l, _qTemp);
                double ai = _alpha[i];
                for (int j = _activeSize; j < _l; j++) _g[j] += ai * _qTemp[j];
            }
        }
    }

    private double CalculateRho()
    {
        int nrFree = 0;
        double ub = double.PositiveInfinity, lb = double.NegativeInfinity, sumFree = 0;
        for (int i = 0; i < _activeSize; i++)
        {
            double yG = _y[i] * _g[i];
            if (IsUpper(i))
            {
                if (_y[i] == -1) ub = Math.Min(ub, yG);
                else lb = Math.Max(lb, yG);
            }
            else if (IsLower(i))
            {
                if (_y[i] == +1) ub = Math.Min(ub, yG);
                else lb = Math.Max(lb, yG);
            }
            else
            {
                nrFree++;
                sumFree += yG;
            }
        }
        return nrFree > 0 ? sumFree / nrFree : (ub + lb) / 2;
    }

    private void SwapIndex(int i, int j)
    {
        _q.Swap(i, j);
        (_y[i], _y[j]) = (_y[j], _y[i]);
        (_g[i], _g[j]) = (_g[j], _g[i]);
        (_status[i], _status[j]) = (_status[j], _status[i]);
        (_alpha[i], _alpha[j]) = (_alpha[j], _alpha[i]);
        (_p[i], _p[j]) = (_p[j], _p[i]);
        (_activeSet[i], _activeSet[j]) = (_activeSet[j], _activeSet[i]);
        (_gBar[i], _gBar[j]) = (_gBar[j], _gBar[i]);
        (_c[i], _c[j]) = (_c[j], _c[i]);
    }

    private void UpdateStatus(int i) =>
        _status[i] = _alpha[i] >= _c[i] ? UpperBound : _alpha[i] <= 0 ? LowerBound : Free;

    private bool IsUpper(int i) => _status[i] == UpperBound;

    private bool IsLower(int i) => _status[i] == LowerBound;

    private bool IsFree(int i) => _status[i] == Free;
}

/// <summary>
/// Q of a C-SVC sub-problem on a precomputed kernel: Qᵢⱼ = yᵢyⱼK[idxᵢ, idxⱼ] rounded to single precision, gathered
/// through the solver's permutation (no kernel cache is needed when K is already in memory).
/// </summary>
internal sealed class SvcQMatrix : IQMatrix
{
    private readonly double[,] _k;
    private readonly int[] _index;    // solver position → training row of the kernel matrix
    private readonly sbyte[] _y;

    public SvcQMatrix(double[,] kernel, int[] index, sbyte[] y)
    {
        _k = kernel;
        _index = (int[])index.Clone();
        _y = (sbyte[])y.Clone();
        Diagonal = new double[index.Length];
        for (int i = 0; i < index.Length; i++) Diagonal[i] = kernel[index[i], index[i]];
    }

    public double[] Diagonal { get; }

    public void Column(int i, int length, float[] column)
    {
        int ri = _index[i];
        double yi = _y[i];
        for (int t = 0; t < length; t++) column[t] = (float)(yi * _y[t] * _k[ri, _index[t]]);
    }

    public void Swap(int i, int j)
    {
        (_index[i], _index[j]) = (_index[j], _index[i]);
        (_y[i], _y[j]) = (_y[j], _y[i]);
        (Diagonal[i], Diagonal[j]) = (Diagonal[j], Diagonal[i]);
    }
}

/// <summary>
/// Q of ε-SVR: 2l variables (α⁺ then α⁻) over l samples, Q = [K −K; −K K] in single precision, as LIBSVM's SVR_Q
/// (the kernel value is rounded first, then signed).
/// </summary>
internal sealed class SvrQMatrix : IQMatrix
{
    private readonly double[,] _k;
    private readonly sbyte[] _sign;
    private readonly int[] _index;

    public SvrQMatrix(double[,] kernel)
    {
        _k = kernel;
        int l = kernel.GetLength(0);
        _sign = new sbyte[2 * l];
        _index = new int[2 * l];
        Diagonal = new double[2 * l];
        for (int k = 0; k < l; k++)
        {
            _sign[k] = 1;
            _sign[k + l] = -1;
            _index[k] = k;
            _index[k + l] = k;
            Diagonal[k] = kernel[k, k];
            Diagonal[k + l] = kernel[k, k];
        }
    }

    public double[] Diagonal { get; }

    public void Column(int i, int length, float[] column)
    {
        int ri = _index[i];
        float si = _sign[i];
        for (int t = 0; t < length; t++) column[t] = si * _sign[t] * (float)_k[ri, _index[t]];
    }

    public void Swap(int i, int j)
    {
        (_sign[i], _sign[j]) = (_sign[j], _sign[i]);
        (_index[i], _index[j]) = (_index[j], _index[i]);
        (Diagonal[i], Diagonal[j]) = (Diagonal[j], Diagonal[i]);
    }
}
