using System.Globalization;

namespace Hanzo.Qml.Bench;

/// <summary>Command-line settings of the <c>service</c> section.</summary>
internal sealed record ServiceLoadOptions(double Seconds, int Connections, string Encoding, int Qubits, int[] Sweep, double SweepSeconds, double WarmupSeconds, string ServerLogLevel, bool ApiKey = false)
{
    private static readonly string[] LogLevels = ["Trace", "Debug", "Information", "Warning", "Error", "Critical", "None"];

    public static ServiceLoadOptions Parse(string[] args)
    {
        var o = new ServiceLoadOptions(10, 16, "iqp", 4, [1, 4, 16, 64], 5, 2, "Warning");
        for (int i = 1; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            o = args[i] switch
            {
                "--seconds" => o with { Seconds = Positive(args[i], Value(), 600) },
                "--connections" => o with { Connections = (int)Positive(args[i], Value(), 1024, integer: true) },
                "--encoding" => o with { Encoding = Value() },
                "--qubits" => o with { Qubits = (int)Positive(args[i], Value(), 30, integer: true) },
                "--sweep-seconds" => o with { SweepSeconds = Positive(args[i], Value(), 600) },
                "--warmup-seconds" => o with { WarmupSeconds = Positive(args[i], Value(), 60) },
                "--sweep" => o with { Sweep = SweepOf(Value()) },
                "--server-log-level" => o with { ServerLogLevel = LevelOf(Value()) },
                "--api-key" => o with { ApiKey = true },
                "--quick" => o,
                _ => throw new ArgumentException(
                    $"Unknown option {args[i]} for section service; allowed: --seconds S, --connections N, --encoding NAME, --qubits N, "
                    + "--sweep 1,4,16,64|none, --sweep-seconds S, --warmup-seconds S, --server-log-level " + string.Join('|', LogLevels) + ", --api-key."),
            };
        }
        return o;
    }

    private static double Positive(string option, string text, double max, bool integer = false)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !(v > 0) || v > max || (integer && v != Math.Floor(v)))
            throw new ArgumentException($"{option} is \"{text}\"; allowed: {(integer ? "an integer" : "a number")} above 0 and at most {max}.");
        return v;
    }

    private static int[] SweepOf(string text) => text == "none" ? [] :
        text.Split(',').Select(s => (int)Positive("--sweep", s.Trim(), 1024, integer: true)).ToArray();

    private static string LevelOf(string text) =>
        LogLevels.FirstOrDefault(l => l.Equals(text, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"--server-log-level is \"{text}\"; allowed: {string.Join(", ", LogLevels)}.");
}
