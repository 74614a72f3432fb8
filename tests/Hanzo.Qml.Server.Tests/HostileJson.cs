using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Hanzo.Qml.Server.Tests;

/// <summary>
/// Generators of hostile JSON fragments, as raw text so that they can also be invalid JSON (NaN, Infinity, single
/// quotes, truncated documents): wrong types, numbers at and past the integer range, huge arrays, deep nesting, long
/// and odd strings.
/// </summary>
internal static class HostileJson
{
    /// <summary>Scalars and small structures of every JSON type, plus a few that are not JSON at all.</summary>
    public static readonly string[] Scalars =
    [
        "null", "true", "false", "0", "-0", "-1", "1", "2", "0.5", "-0.5", "-2147483648", "2147483647", "2147483648", "-2147483649",
        "4294967296", "9223372036854775807", "9223372036854775808", "-9223372036854775809", "99999999999999999999999999999",
        "1e30", "-1e30", "1e308", "-1e308", "1e309", "1e999", "-1e999", "4.9e-324", "1e-400", "1E+2", "1.0", "3.000000000000000000001",
        // Not JSON: System.Text.Json must refuse them as malformed.
        "NaN", "-NaN", "Infinity", "-Infinity", "+1", ".5", "1.", "01", "0x10", "1_000", "--1", "undefined", "'single'", "None", "True",
        // Numbers and special values written as strings.
        "\"3\"", "\"-1\"", "\"1e30\"", "\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "\"true\"", "\"null\"", "\"\"", "\" \"", "\"\\t\\n\"",
        "\"\\u0000\"", "\"\\ud800\"", "\"\\udc00\"", "\"\\ud83d\"", "\"\\u202e\\u202d\"", "\"日本語\"", "\"Ω≈ç√∫\"", "\"a\\\\b\"", "\"../../etc/passwd\"",
        "\"' OR '1'='1\"", "\"<script>alert(1)</script>\"", "\"%s%s%n\"", "\"{0}\"",
        "{}", "[]", "[null]", "[[]]", "[{}]", "{\"a\":1}", "{\"\":null}", "[1,2,3]", "[\"x\"]", "[1,\"2\",null]", "[true]", "[[1],[2,3]]",
        "[NaN]", "[1e999]", "[\"NaN\"]", "[[null]]",
    ];

    /// <summary>Any hostile value: a scalar, a long string, a deep nesting or a huge array.</summary>
    public static Gen<string> Value { get; } = Gen.Frequency(
        (20, Gen.Elements(Scalars)),
        (2, LongString()),
        (2, DeepNesting()),
        (2, HugeArray()),
        (1, Gen.Elements("[" + string.Join(',', Enumerable.Repeat("\"Z0\"", 300)) + "]", "{\"a\":[1,{\"b\":[2,{\"c\":null}]}]}")));

    /// <summary>A string of 1 Ki to 1 Mi characters (ASCII, or non-ASCII that is 3 bytes each in UTF-8).</summary>
    public static Gen<string> LongString() =>
        from length in Gen.Elements(1_000, 70_000, 1 << 20)
        from c in Gen.Elements('a', 'Z', '日', '-', ' ')
        select "\"" + new string(c, length) + "\"";

    /// <summary>Arrays or objects nested 65 (one past System.Text.Json's default bound) to 5000 deep.</summary>
    public static Gen<string> DeepNesting() =>
        from depth in Gen.Elements(63, 64, 65, 100, 1_000, 5_000)
        from kind in Gen.Elements("array", "object", "mixed")
        select Nest(depth, kind);

    /// <summary>100 k numbers, 50 k rows of three, or one 100 k-wide row.</summary>
    public static Gen<string> HugeArray() => Gen.Elements(
        NumberArray(100_000),
        "[" + string.Join(',', Enumerable.Repeat("[0.1,0.2,0.3]", 50_000)) + "]",
        "[" + NumberArray(100_000) + "]",
        "[" + string.Join(',', Enumerable.Repeat("null", 100_000)) + "]");

    public static string NumberArray(int count, string value = "0.25") => "[" + string.Join(',', Enumerable.Repeat(value, count)) + "]";

    public static string Nest(int depth, string kind)
    {
        var sb = new StringBuilder(depth * 8);
        for (int i = 0; i < depth; i++) sb.Append(kind == "object" || (kind == "mixed" && i % 2 == 1) ? "{\"a\":" : "[");
        sb.Append('1');
        for (int i = depth - 1; i >= 0; i--) sb.Append(kind == "object" || (kind == "mixed" && i % 2 == 1) ? '}' : ']');
        return sb.ToString();
    }

    /// <summary>Raw JSON for an integer field: values at, just past and far past <paramref name="min"/>..<paramref name="max"/>.</summary>
    public static Gen<string> IntEdges(long min, long max) => Gen.Elements(
        Raw(min), Raw(max), Raw(min - 1), Raw(max + 1), Raw(max * 10L), Raw(-max), "0", "-1", "2147483647", "-2147483648",
        "2147483648", $"\"{max}\"", $"{max}.5", $"{max}.0", "1e30", "NaN");

    /// <summary>Raw JSON for a names field: unknown names, other fields' names, case and whitespace variants, near misses.</summary>
    public static Gen<string> NameEdges(params string[] known)
    {
        var variants = new List<string> { "\"\"", "\"   \"", "\"unknown\"", "\"qft\"", "\"none\"", "\"null\"", "\"0\"", "\"\\u0000\"", "\"∑\"" };
        foreach (var k in known)
        {
            variants.Add(Str(k.ToUpperInvariant()));
            variants.Add(Str(" " + k + "\t"));
            variants.Add(Str(k + "x"));
            variants.Add(Str(k.Replace('_', '-')));
            variants.Add(Str(k + "\u0000"));
        }
        return Gen.Elements(variants.ToArray());
    }

    /// <summary>A JSON string literal of <paramref name="s"/>.</summary>
    public static string Str(string s) => System.Text.Json.JsonSerializer.Serialize(s);

    public static string Raw(long v) => v.ToString(CultureInfo.InvariantCulture);

    public static string Raw(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A JSON array of <paramref name="count"/> finite numbers in [−3, 3].</summary>
    public static Gen<string> Numbers(int count) =>
        Gen.ArrayOf(Gen.Choose(-300, 300), count).Select(a => "[" + string.Join(',', a.Select(v => Raw(v / 100.0))) + "]");

    /// <summary>A JSON array of <paramref name="rows"/> rows of <paramref name="width"/> finite numbers.</summary>
    public static Gen<string> Rows(int rows, int width) =>
        Gen.ArrayOf(Numbers(width), rows).Select(r => "[" + string.Join(',', r) + "]");

    /// <summary>Rows whose shape is wrong in one way: a short or long row, a null row, a string, a non-finite entry.</summary>
    public static Gen<string> BadRows(int width) =>
        from rows in Gen.Choose(1, 5)
        from bad in Gen.Choose(0, rows - 1)
        from kind in Gen.Elements("short", "long", "null", "string", "nan", "flat", "empty", "nested", "wide", "huge", "huge", "tiny")
        select "[" + string.Join(',', Enumerable.Range(0, rows).Select(r => r != bad ? NumberArray(width, "0.3") : kind switch
        {
            "short" => NumberArray(Math.Max(0, width - 1), "0.3"),
            "long" => NumberArray(width + 1, "0.3"),
            "null" => "null",
            "string" => "\"0.3\"",
            "nan" => "[" + string.Join(',', Enumerable.Repeat("\"NaN\"", width)) + "]",
            "flat" => "0.3",
            "empty" => "[]",
            "nested" => "[" + NumberArray(width, "0.3") + "]",
            // Finite, valid JSON, but large enough to overflow whatever multiplies or scales them.
            "huge" => "[" + string.Join(',', Enumerable.Range(0, width).Select(i => i % 2 == 0 ? "1e308" : "-1e300")) + "]",
            "tiny" => NumberArray(width, "4.9e-324"),
            _ => NumberArray(100_000, "0.3"),
        })) + "]";
}
