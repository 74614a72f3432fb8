namespace Hanzo.Qml.Optimization;

/// <summary>One COBYLA minimisation: the simplex, the models, the radius ρ and the penalty μ (see <see cref="Cobyla"/>).</summary>
internal sealed class CobylaRun
{
    // Powell's constants: a vertex nearer than α·ρ to the opposite face, or an edge longer than β·ρ, makes the simplex
    // unacceptable; a geometry step has length γ·ρ; vertices farther than δ·ρ from the best point are dropped first.
    private const double Alpha = 0.25;
    private const double Beta = 2.1;
    private const double Gamma = 0.5;
    private const double Delta = 1.1;

    private readonly CobylaOptions _options;
    private readonly Objective _objective;
    private readonly IReadOnlyList<Func<double[], double>> _constraints;
    private readonly IProgress<OptimizationStep>? _progress;
    private readonly int _n, _m;
    private readonly double[][] _x;       // n + 1 vertices
    private readonly double[] _f;          // objective at each vertex
    private readonly double[][] _c;        // constraint values at each vertex
    private readonly double[] _res;        // max(0, maxᵢ −cᵢ) at each vertex
    private readonly int[] _others;        // the vertices other than the pivot, in model order
    private readonly double[,] _d;         // columns: vertex − pivot
    private readonly double[,] _dinv;      // D⁻¹; row k is the gradient of the barycentric coordinate of vertex _others[k]
    private readonly double[] _g;          // gradient of the linear model of f
    private readonly double[][] _a;        // gradients of the linear models of the constraints
    private readonly double[] _sigma;      // distance of each vertex from the face opposite it
    private readonly double[] _eta;        // distance of each vertex from the pivot
    private readonly List<double> _history = [];
    private int _pivot;
    private double _rho, _mu;
    private int _iterations;
    private double _bestReported = double.PositiveInfinity;

    public CobylaRun(CobylaOptions options, Objective objective, IReadOnlyList<Func<double[], double>> constraints, double[] x0,
        IProgress<OptimizationStep>? progress)
    {
        _options = options;
        _objective = objective;
        _constraints = constraints;
        _progress = progress;
        _n = x0.Length;
        _m = constraints.Count;
        _x = new double[_n + 1][];
        _f = new double[_n + 1];
        _c = new double[_n + 1][];
        _res = new double[_n + 1];
        _others = new int[_n];
        _d = new double[_n, _n];
        _dinv = new double[_n, _n];
        _g = new double[_n];
        _a = new double[_m][];
        for (int i = 0; i < _m; i++) _a[i] = new double[_n];
        _sigma = new double[_n];
        _eta = new double[_n];
        _x[0] = x0;
    }

    private enum Mode { Normal, Reduce }

    public OptimizationResult Execute()
    {
        _rho = _options.InitialTrustRadius;
        _mu = 0;
        Store(0, _x[0]);
        for (int j = 0; j < _n; j++)
        {
            var v = (double[])_x[0].Clone();
            v[j] += _rho;
            Store(j + 1, v);
        }
        _pivot = SelectPivot(0);
        var mode = Mode.Normal;
        bool lastWasGeometry = false;
        ConvergenceReason reason;
        while (true)
        {
            _pivot = SelectPivot(_pivot);
            if (!BuildModel())
            {
                // Rounding has made the simplex numerically flat: rebuild it around the best vertex.
                if (!HasBudget(_n)) { reason = ConvergenceReason.MaxEvaluations; break; }
                RestartSimplex();
                continue;
            }
            bool acceptable = true;
            for (int k = 0; k < _n; k++)
                if (_sigma[k] < Alpha * _rho || _eta[k] > Beta * _rho) acceptable = false;

            if (mode == Mode.Reduce)
            {
                mode = Mode.Normal;
                if (!acceptable)
                {
                    if (!HasBudget(1)) { reason = ConvergenceReason.MaxEvaluations; break; }
                    GeometryStep();
                    lastWasGeometry = true;
                    continue;
                }
                if (_rho <= _options.FinalTrustRadius) { reason = ConvergenceReason.ToleranceReached; break; }
                ReduceRadius();
                lastWasGeometry = false;
                continue;
            }
            if (!acceptable && !lastWasGeometry)
            {
                if (!HasBudget(1)) { reason = ConvergenceReason.MaxEvaluations; break; }
                GeometryStep();
                lastWasGeometry = true;
                continue;
            }
            lastWasGeometry = false;

            var b = _c[_pivot];
            var step = CobylaSubproblem.Solve(_g, _a, b, _rho);
            if (DenseAlgebra.Norm(step) < 0.5 * _rho)
            {
                mode = Mode.Reduce;
                continue;
            }
            double resPredicted = 0;
            for (int i = 0; i < _m; i++) resPredicted = Math.Max(resPredicted, -(b[i] + DenseAlgebra.Dot(_a[i], step)));
            double fChange = DenseAlgebra.Dot(_g, step);
            double resReduction = _res[_pivot] - resPredicted;
            // The penalty must make the predicted merit reduction positive with a margin, or the merit function would
            // reject steps that reduce the constraint violation at the price of f.
            double barMu = resReduction > 0 ? Math.Max(0, fChange / resReduction) : 0;
            if (_mu < 1.5 * barMu)
            {
                _mu = 2 * barMu;
                if (SelectPivot(_pivot) != _pivot) continue;
            }
            double predicted = -fChange + _mu * resReduction;
            if (!HasBudget(1)) { reason = ConvergenceReason.MaxEvaluations; break; }
            var xNew = new double[_n];
            for (int i = 0; i < _n; i++) xNew[i] = _x[_pivot][i] + step[i];
            var (fNew, cNew, resNew) = Evaluate(xNew);
            double actual = (_f[_pivot] + _mu * _res[_pivot]) - (fNew + _mu * resNew);
            if (_mu == 0 && fNew == _f[_pivot])
            {
                predicted = resReduction;
                actual = _res[_pivot] - resNew;
            }
            ReplaceVertex(step, xNew, fNew, cNew, resNew, actual > 0);
            Report();
            if (!(actual > 0 && actual >= 0.1 * predicted)) mode = Mode.Reduce;
        }
        _pivot = SelectPivot(_pivot);
        return new OptimizationResult("cobyla", (double[])_x[_pivot].Clone(), _f[_pivot], _iterations, _objective.Evaluations, reason, _history)
        {
            MaxConstraintViolation = _res[_pivot],
        };
    }

    private bool HasBudget(int evaluations) => _objective.Evaluations + evaluations <= _options.MaxEvaluations;

    private (double F, double[] C, double Res) Evaluate(double[] x)
    {
        double f = _objective.Evaluate(x);
        var c = new double[_m];
        double res = 0;
        for (int i = 0; i < _m; i++)
        {
            c[i] = _constraints[i]((double[])x.Clone());
            if (!double.IsFinite(c[i]))
                throw new InvalidOperationException($"Constraint {i} returned {c[i]} at x = {Objective.Format(x)}; constraints must return finite numbers.");
            res = Math.Max(res, -c[i]);
        }
        return (f, c, res);
    }

    private void Store(int j, double[] x)
    {
        var (f, c, res) = Evaluate(x);
        _x[j] = x;
        _f[j] = f;
        _c[j] = c;
        _res[j] = res;
    }

    /// <summary>The vertex of least merit f + μ·violation; ties keep <paramref name="current"/>, then prefer less violation.</summary>
    private int SelectPivot(int current)
    {
        int best = current;
        double phiBest = _f[best] + _mu * _res[best];
        for (int j = 0; j <= _n; j++)
        {
            double phi = _f[j] + _mu * _res[j];
            if (phi < phiBest || (phi == phiBest && _res[j] < _res[best]))
            {
                best = j;
                phiBest = phi;
            }
        }
        return best;
    }

    /// <summary>Displacements, their inverse, the linear models and the shape measures σ, η. False when D is singular.</summary>
    private bool BuildModel()
    {
        int k = 0;
        for (int j = 0; j <= _n; j++)
            if (j != _pivot) _others[k++] = j;
        var p = _x[_pivot];
        for (k = 0; k < _n; k++)
            for (int i = 0; i < _n; i++) _d[i, k] = _x[_others[k]][i] - p[i];
        if (!DenseAlgebra.TryInvert(_d, _dinv)) return false;
        for (int i = 0; i < _n; i++)
        {
            double gi = 0;
            for (k = 0; k < _n; k++) gi += _dinv[k, i] * (_f[_others[k]] - _f[_pivot]);
            _g[i] = gi;
        }
        for (int ci = 0; ci < _m; ci++)
            for (int i = 0; i < _n; i++)
            {
                double ai = 0;
                for (k = 0; k < _n; k++) ai += _dinv[k, i] * (_c[_others[k]][ci] - _c[_pivot][ci]);
                _a[ci][i] = ai;
            }
        for (k = 0; k < _n; k++)
        {
            double rowNorm = 0, colNorm = 0;
            for (int i = 0; i < _n; i++)
            {
                rowNorm += _dinv[k, i] * _dinv[k, i];
                colNorm += _d[i, k] * _d[i, k];
            }
            _sigma[k] = 1 / Math.Sqrt(rowNorm);
            _eta[k] = Math.Sqrt(colNorm);
        }
        return true;
    }

    /// <summary>
    /// Replaces the worst-shaped vertex by a point γ·ρ from the pivot along the normal of the face opposite it, on the
    /// side where the linear models predict the lower merit.
    /// </summary>
    private void GeometryStep()
    {
        int k = 0;
        double etaMax = 0;
        for (int j = 0; j < _n; j++)
            if (_eta[j] > etaMax) { etaMax = _eta[j]; k = j; }
        if (etaMax <= Beta * _rho)
        {
            k = 0;
            for (int j = 1; j < _n; j++)
                if (_sigma[j] < _sigma[k]) k = j;
        }
        var step = new double[_n];
        double scale = Gamma * _rho * _sigma[k]; // σ_k = 1/‖row k of D⁻¹‖
        for (int i = 0; i < _n; i++) step[i] = scale * _dinv[k, i];
        double plus = PredictedMerit(step, 1), minus = PredictedMerit(step, -1);
        if (minus < plus)
            for (int i = 0; i < _n; i++) step[i] = -step[i];
        var xNew = new double[_n];
        for (int i = 0; i < _n; i++) xNew[i] = _x[_pivot][i] + step[i];
        int j0 = _others[k];
        Store(j0, xNew);
        Report();
    }

    private double PredictedMerit(double[] step, double sign)
    {
        double res = 0;
        for (int i = 0; i < _m; i++) res = Math.Max(res, -(_c[_pivot][i] + sign * DenseAlgebra.Dot(_a[i], step)));
        return sign * DenseAlgebra.Dot(_g, step) + _mu * res;
    }

    /// <summary>
    /// Puts the trial point into the simplex. Replacing vertex j scales the simplex volume by |λⱼ|, the barycentric
    /// coordinate of the trial point for that vertex, so a vertex with a small |λⱼ| is kept; among the others, vertices
    /// far (beyond δ·ρ) from the best point are preferred, weighted by the square of their distance. An improving
    /// point always enters (possibly replacing the old pivot); a worse one only when it improves the shape.
    /// </summary>
    private void ReplaceVertex(double[] step, double[] xNew, double fNew, double[] cNew, double resNew, bool improved)
    {
        var lambda = new double[_n + 1];
        double sum = 0;
        for (int k = 0; k < _n; k++)
        {
            double l = 0;
            for (int i = 0; i < _n; i++) l += _dinv[k, i] * step[i];
            lambda[_others[k]] = l;
            sum += l;
        }
        lambda[_pivot] = 1 - sum;
        var reference = improved ? xNew : _x[_pivot];
        int best = -1;
        double bestScore = improved ? 0 : 1;
        double far = Delta * _rho;
        for (int j = 0; j <= _n; j++)
        {
            if (j == _pivot && !improved) continue;
            double dist = 0;
            for (int i = 0; i < _n; i++) dist += (_x[j][i] - reference[i]) * (_x[j][i] - reference[i]);
            dist = Math.Sqrt(dist);
            double weight = dist > far ? (dist / far) * (dist / far) : 1;
            double score = Math.Abs(lambda[j]) * weight;
            if (score > bestScore)
            {
                bestScore = score;
                best = j;
            }
        }
        if (best < 0) return;
        _x[best] = xNew;
        _f[best] = fNew;
        _c[best] = cNew;
        _res[best] = resNew;
    }

    private void ReduceRadius()
    {
        _rho *= 0.5;
        if (_rho <= 1.5 * _options.FinalTrustRadius) _rho = _options.FinalTrustRadius;
        if (_mu <= 0) return;
        // Powell's rule: shrink μ when the spread of f over the simplex is small against the spread of the
        // constraints that matter, so the penalty does not dominate the later, finer iterations needlessly.
        double denom = 0;
        for (int i = 0; i < _m; i++)
        {
            double cmin = double.PositiveInfinity, cmax = double.NegativeInfinity;
            for (int j = 0; j <= _n; j++)
            {
                cmin = Math.Min(cmin, _c[j][i]);
                cmax = Math.Max(cmax, _c[j][i]);
            }
            if (cmin < 0.5 * cmax)
            {
                double t = Math.Max(cmax, 0) - cmin;
                denom = denom <= 0 ? t : Math.Min(denom, t);
            }
        }
        double fmin = _f.Min(), fmax = _f.Max();
        if (denom == 0) _mu = 0;
        else if (fmax - fmin < _mu * denom) _mu = (fmax - fmin) / denom;
    }

    private void RestartSimplex()
    {
        var p = _x[_pivot];
        int k = 0;
        for (int j = 0; j <= _n; j++)
        {
            if (j == _pivot) continue;
            var v = (double[])p.Clone();
            v[k++] += _rho;
            Store(j, v);
        }
        Report();
    }

    private void Report()
    {
        _iterations++;
        int p = SelectPivot(_pivot);
        _history.Add(_f[p]);
        _bestReported = Math.Min(_bestReported, _f[p]);
        _progress?.Report(new OptimizationStep(_iterations, _objective.Evaluations, _f[p], _bestReported));
    }
}
