namespace Hanzo.Qml.Circuits.OpenQasm;

/// <summary>
/// A parsed angle expression. Gate bodies are stored unevaluated because their parameters are only known when the gate
/// is applied; top-level angles are evaluated at once with no parameters.
/// </summary>
internal abstract class QasmExpression(QasmToken start)
{
    /// <summary>The first token of the expression, for locating errors.</summary>
    public QasmToken Start { get; } = start;

    /// <summary>Levels of the tree (1 for a number or parameter); evaluation recurses this deep.</summary>
    public virtual int Depth => 1;

    /// <summary>Value given the enclosing gate's parameter values (empty at top level).</summary>
    public abstract double Evaluate(ReadOnlySpan<double> parameters);

    /// <summary>Evaluates and rejects NaN and infinities, which no gate angle can be.</summary>
    /// <param name="parameters">The enclosing gate's parameter values (empty at top level).</param>
    /// <param name="context">Appended to the problem, e.g. which application of a user gate produced the value.</param>
    public double EvaluateFinite(ReadOnlySpan<double> parameters, string context = "")
    {
        double v = Evaluate(parameters);
        if (!double.IsFinite(v))
            throw new QasmParseException(Start.Line, Start.Column, $"the angle evaluates to {(double.IsNaN(v) ? "NaN" : v > 0 ? "+infinity" : "-infinity")}{context}",
                "angles must be finite (check for division by zero, ln of a non-positive number or sqrt of a negative one)");
        return v;
    }

    public sealed class Number(QasmToken start, double value) : QasmExpression(start)
    {
        public override double Evaluate(ReadOnlySpan<double> parameters) => value;
    }

    public sealed class Parameter(QasmToken start, int index) : QasmExpression(start)
    {
        public override double Evaluate(ReadOnlySpan<double> parameters) => parameters[index];
    }

    public sealed class Negate(QasmToken start, QasmExpression operand) : QasmExpression(start)
    {
        public override int Depth { get; } = operand.Depth + 1;

        public override double Evaluate(ReadOnlySpan<double> parameters) => -operand.Evaluate(parameters);
    }

    public sealed class Binary(QasmToken start, char op, QasmExpression left, QasmExpression right) : QasmExpression(start)
    {
        public override int Depth { get; } = Math.Max(left.Depth, right.Depth) + 1;

        public override double Evaluate(ReadOnlySpan<double> parameters)
        {
            double a = left.Evaluate(parameters), b = right.Evaluate(parameters);
            return op switch
            {
                '+' => a + b,
                '-' => a - b,
                '*' => a * b,
                '/' => a / b,
                _ => Math.Pow(a, b),
            };
        }
    }

    public sealed class Call(QasmToken start, string function, QasmExpression argument) : QasmExpression(start)
    {
        /// <summary>The unary functions OpenQASM 2.0 defines.</summary>
        public static readonly string[] Functions = ["sin", "cos", "tan", "exp", "ln", "sqrt"];

        public override int Depth { get; } = argument.Depth + 1;

        public override double Evaluate(ReadOnlySpan<double> parameters)
        {
            double x = argument.Evaluate(parameters);
            return function switch
            {
                "sin" => Math.Sin(x),
                "cos" => Math.Cos(x),
                "tan" => Math.Tan(x),
                "exp" => Math.Exp(x),
                "ln" => Math.Log(x),
                _ => Math.Sqrt(x),
            };
        }
    }
}
