using System.Globalization;
using Hanzo.Qml.Simulation;

namespace Hanzo.Qml.Cli.Output;

/// <summary>
/// The readable report of <c>hanzo-qml run</c>: qubits, expectation values, probabilities or samples, amplitudes.
/// Lists of at most <see cref="ShowAllLimit"/> entries are printed whole; longer ones show the
/// <see cref="TruncatedCount"/> largest with a note (use <c>--json</c> for everything).
/// </summary>
internal static class RunTextWriter
{
    /// <summary>Longest list printed in full.</summary>
    public const int ShowAllLimit = 64;

    /// <summary>Entries shown of a longer list.</summary>
    public const int TruncatedCount = 32;

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static void Write(TextWriter o, RunResult r)
    {
        var request = r.Request;
        int n = r.NumQubits;
        var program = r.Program;
        o.WriteLine($"program     {request.File}");
        o.WriteLine($"qubits      {n.ToString(Inv)}");
        o.WriteLine($"operations  {program.Circuit.Count.ToString(Inv)}");
        if (program.Measurements.Count > 0)
            o.WriteLine($"measured    {program.MeasuredQubits.Count.ToString(Inv)} of {n.ToString(Inv)} qubits (read as measuring every qubit at the end)");

        if (request.Expvals.Count > 0)
        {
            o.WriteLine();
            o.WriteLine("expectation values");
            var t = new TextTable("observable", "value");
            for (int i = 0; i < request.Expvals.Count; i++) t.Add(request.Expvals[i], Fixed(r.Expvals[i]));
            t.Write(o);
        }

        double[]? probabilities = request.Probs || request.State ? Measurements.Probabilities(r.State) : null;
        if (request.Probs)
        {
            o.WriteLine();
            var shown = Select(probabilities!, out string note);
            o.WriteLine($"probabilities ({Count(probabilities!.LongLength)} basis states{note})");
            var t = new TextTable("basis", "probability");
            foreach (long i in shown) t.Add(BasisFormat.Bitstring(i, n), Fixed(probabilities[i]));
            t.Write(o);
        }

        if (r.Samples is { } samples)
        {
            o.WriteLine();
            int shots = request.Shots ?? 0;
            var indices = new long[samples.Count];
            var counts = new double[samples.Count];
            int k = 0;
            foreach (var (index, count) in samples) { indices[k] = index; counts[k] = count; k++; }
            var shown = Select(counts, out string note);
            o.WriteLine($"samples ({Count(shots)} shots, seed {request.Seed.ToString(Inv)}, {Count(samples.Count)} distinct outcomes{note})");
            var t = new TextTable("basis", "count", "frequency");
            foreach (long j in shown)
                t.Add(BasisFormat.Bitstring(indices[j], n), ((int)counts[j]).ToString(Inv), Fixed(counts[j] / shots));
            t.Write(o);
        }

        if (request.State)
        {
            o.WriteLine();
            var shown = Select(probabilities!, out string note);
            o.WriteLine($"state amplitudes ({Count(probabilities!.LongLength)} basis states{note})");
            var t = new TextTable("basis", "re", "im");
            foreach (long i in shown)
            {
                var a = r.State[i];
                t.Add(BasisFormat.Bitstring(i, n), Signed(a.Real), Signed(a.Imaginary));
            }
            t.Write(o);
        }
    }

    /// <summary>All indices in order when the list is short, else the largest <see cref="TruncatedCount"/>, largest first.</summary>
    private static long[] Select(double[] values, out string note)
    {
        if (values.LongLength <= ShowAllLimit)
        {
            note = "";
            var all = new long[values.Length];
            for (int i = 0; i < all.Length; i++) all[i] = i;
            return all;
        }
        note = $"; showing the {TruncatedCount.ToString(Inv)} largest, --json prints all";
        return TopK.Largest(values, TruncatedCount);
    }

    private static string Count(long value) => value.ToString("N0", Inv);

    private static string Fixed(double value)
    {
        double rounded = Math.Round(value, 6);
        return (rounded == 0 ? 0.0 : rounded).ToString("F6", Inv); // no "-0.000000"
    }

    private static string Signed(double value)
    {
        string s = Fixed(value);
        return s.StartsWith('-') ? s : "+" + s;
    }
}
