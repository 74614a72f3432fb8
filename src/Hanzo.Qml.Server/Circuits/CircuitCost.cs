using Hanzo.Qml.Circuits;
using Hanzo.Qml.Gradients;
using Hanzo.Qml.Server.Configuration;

namespace Hanzo.Qml.Server.Circuits;

/// <summary>Prices of circuit work on a backend, in budget units.</summary>
internal static class CircuitCost
{
    /// <summary><paramref name="executions"/> × (price per execution + price per shot × <paramref name="shots"/>).</summary>
    /// <param name="backend">The backend and its prices.</param>
    /// <param name="executions">Circuit runs: batch rows, or the runs of a gradient method.</param>
    /// <param name="shots">Shots per run; 0 for exact expectation values.</param>
    internal static double Of(BackendSection backend, int executions, int shots) =>
        executions * (backend.PricePerExecution + backend.PricePerShot * (double)shots);

    /// <summary>
    /// Circuit runs a gradient needs on hardware: one for the value, plus two per differentiated gate parameter under
    /// the two-term shift rule and four under the four-term rule. The adjoint method is one forward and one backward
    /// pass of a simulator, priced as one run.
    /// </summary>
    /// <param name="circuit">The circuit.</param>
    /// <param name="parameterShift">True for the parameter-shift method.</param>
    /// <param name="targets">What is differentiated.</param>
    internal static int GradientExecutions(Circuit circuit, bool parameterShift, GradientTargets targets)
    {
        if (!parameterShift) return 1;
        long runs = 1;
        foreach (var op in circuit.Operations)
        {
            foreach (var p in op.Parameters)
            {
                bool needed = (p.DependsOnWeights && (targets & GradientTargets.Weights) != 0)
                    || (p.DependsOnFeatures && (targets & GradientTargets.Features) != 0);
                if (needed) runs += op.Info.Shift == ShiftRule.FourTerm ? 4 : 2;
            }
        }
        return (int)Math.Min(runs, int.MaxValue);
    }

    /// <summary>
    /// Refuses (413) a synchronous request whose simulation work, executions × gates × 2^n amplitude updates, exceeds
    /// <c>limits.max_work_per_request</c>: such a request would hold a server thread for minutes.
    /// </summary>
    /// <param name="executions">Circuit runs the request needs.</param>
    /// <param name="gates">Gates per run.</param>
    /// <param name="qubits">Qubits.</param>
    /// <param name="limit">The configured bound.</param>
    internal static void CheckWork(long executions, int gates, int qubits, long limit)
    {
        double work = executions * (double)Math.Max(1, gates) * Math.Pow(2, qubits);
        if (work > limit)
            throw CircuitRequestException.TooLarge(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"This request needs about {work:G3} amplitude updates ({executions} run(s) × {gates} gates × 2^{qubits}); a synchronous request may use at most {limit:G3} (limits.max_work_per_request). Send fewer rows, use the adjoint gradient, or a smaller circuit."));
    }
}
