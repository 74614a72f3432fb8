using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Hanzo.Qml.Server.Tests;

/// <summary>A field of a request body: how a valid value looks and which values sit at or past its limits.</summary>
/// <param name="Name">JSON name.</param>
/// <param name="Valid">Valid raw JSON values.</param>
/// <param name="Edge">Field-specific hostile raw JSON values (the generic ones of <see cref="HostileJson.Value"/> are added).</param>
internal sealed record Field(string Name, Gen<string> Valid, Gen<string> Edge);

/// <summary>
/// Turns valid body templates into hostile requests: a valid body, one field corrupted, a random mix, unknown or
/// duplicate fields, deep nesting inside a field, truncated documents, junk that is not a JSON object, bytes that are
/// not UTF-8, and the wrong content type.
/// </summary>
internal static class HostileBodies
{
    /// <summary>Whole bodies that are not a JSON object of the route's shape, or not JSON at all.</summary>
    public static Gen<string> Junk { get; } = Gen.Frequency(
        (12, Gen.Elements(
            "", " ", "\n", "null", "[]", "{}", "0", "-1", "1e999", "NaN", "\"str\"", "true", "{", "}", "[", "]", "{\"a\":}", "{,}", "{\"a\" 1}",
            "{'a':1}", "{a:1}", "{\"a\":1,}", "// comment\n{}", "/* c */{}", "{}{}", "{} x", "\uFEFF{}", "\u0000", "{\"\\u0000\":1}",
            "{\"a\":\"\\x41\"}", "{\"a\":\"unterminated}", "{\"a\":\"\t\"}", "[{}]", "[null]", "{\"a\":1 \"b\":2}", "{\"a\"::1}", "{:1}",
            "{\"a\":01}", "{\"a\":-}", "{\"a\":1e}", "{\"a\":[1,]}", "{\"a\":[,1]}", "\"\\ud800\"", "{\"\\ud800\":1}")),
        (2, HostileJson.DeepNesting()),
        (1, Gen.Elements(new string(' ', 1 << 20) + "{}", new string('[', 100_000), new string('{', 100_000), "{\"a\":" + new string('[', 100_000))),
        (2, TokenSoup()));

    /// <summary>Random JSON punctuation, keywords and literals glued together.</summary>
    public static Gen<string> TokenSoup() =>
        Gen.ArrayOf(Gen.Elements("{", "}", "[", "]", ":", ",", "\"", "\"a\"", "1", "-", "e", "null", "tru", "NaN", " ", "\\", "\\u", "/*", "//", "'", "\n"))
            .Select(t => string.Concat(t));

    /// <summary>Content types that are not JSON, or look like JSON but are malformed or claim another charset.</summary>
    public static readonly string?[] WrongContentTypes =
    [
        null, "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/jsonx",
        "json", "a b c", "application/", "/json", "application/json; charset=utf-16", "application/json; charset=nonsense", "APPLICATION/JSON",
        "application/problem+json", "application/vnd.api+json", "application/json;;;", "*/*", "text/json", "application/json, text/plain",
    ];

    /// <summary>Requests for one route: <paramref name="templates"/> are alternative valid shapes (for exclusive fields).</summary>
    public static Gen<HostileRequest> Route(string path, params Field[][] templates)
    {
        var body = Gen.OneOf(templates.Select(Body)).SelectMany(b => Wrap(path, b.Body, b.Label));
        return body;
    }

    private static Gen<(string Body, string Label)> Body(Field[] fields)
    {
        var valid = Gen.CollectToArray(fields.Select(f => f.Valid.Select(v => (f.Name, Value: v))));
        // Field-specific edges (limits, unknown names, overflowing values) find more than generic junk: weigh them higher.
        var hostileOf = fields.Select(f => Gen.Frequency((4, f.Edge), (1, HostileJson.Value))).ToArray();
        return Gen.Frequency(
            (14, valid.Select(v => (Object(v), "valid"))),
            (26, from v in valid
                 from i in Gen.Choose(0, fields.Length - 1)
                 from how in Gen.Elements("edge", "edge", "edge", "drop")
                 from bad in hostileOf[i]
                 select how == "drop"
                     ? (Object(v.Where((_, k) => k != i)), $"without {fields[i].Name}")
                     : (Object(v.Select((f, k) => k == i ? (f.Name, bad) : f)), $"{fields[i].Name} corrupted")),
            (14, from v in valid
                 from picks in Gen.ArrayOf(Gen.Choose(0, 3), fields.Length)
                 from bads in Gen.CollectToArray(hostileOf)
                 select (Object(v.Select((f, k) => (f, k)).Where(p => picks[p.k] != 0).Select(p => picks[p.k] == 1 ? (p.f.Name, bads[p.k]) : p.f)), "mixed")),
            (7, from v in valid
                from name in Gen.Elements(UnknownNames(fields))
                from value in HostileJson.Value
                select (Object([.. v, (name, value)]), $"unknown field {name}")),
            (4, from v in valid
                from i in Gen.Choose(0, fields.Length - 1)
                from bad in hostileOf[i]
                select (Object([.. v, (fields[i].Name, bad)]), $"duplicate {fields[i].Name}")),
            (4, from v in valid
                from i in Gen.Choose(0, fields.Length - 1)
                from deep in HostileJson.DeepNesting()
                select (Object(v.Select((f, k) => k == i ? (f.Name, deep) : f)), $"{fields[i].Name} deeply nested")),
            (4, from v in valid
                from cut in Gen.Choose(1, 99)
                let text = Object(v)
                select (text[..Math.Max(1, text.Length * cut / 100)], "truncated")),
            (8, Junk.Select(j => (j, "junk"))));
    }

    private static Gen<HostileRequest> Wrap(string path, string body, string label) => Gen.Frequency(
        (88, Gen.Constant(HostileRequest.Post(path, body, label))),
        (6, Gen.Elements(WrongContentTypes).Select(ct => HostileRequest.Post(path, body, $"{label}, content type {ct ?? "none"}", ct))),
        (6, NotUtf8(body).Select(bytes => new HostileRequest("POST", path, bytes, HostileRequest.Json, $"{label}, not UTF-8"))));

    /// <summary>The body with invalid UTF-8 spliced in, a UTF-16 encoding of it, or random bytes.</summary>
    private static Gen<byte[]> NotUtf8(string body) => Gen.OneOf(
        from at in Gen.Choose(0, body.Length)
        from junk in Gen.Elements(new byte[] { 0xFF }, [0xC3], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xC0, 0xAF], [0x80, 0x80])
        select (byte[])[.. Encoding.UTF8.GetBytes(body[..at]), .. junk, .. Encoding.UTF8.GetBytes(body[at..])],
        Gen.Constant(Encoding.Unicode.GetBytes(body)),
        Gen.Constant((byte[])[0xFF, 0xFE, .. Encoding.Unicode.GetBytes(body)]),
        Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b)));

    private static string[] UnknownNames(Field[] fields) =>
    [
        "unknown", "", " ", "__proto__", "constructor", "$type", "\u0000", "日本",
        .. fields.Select(f => f.Name.ToUpperInvariant()),
        .. fields.Select(f => ToCamel(f.Name)),
        .. fields.Select(f => f.Name.TrimEnd('s')),
        .. fields.Select(f => f.Name + "s"),
    ];

    private static string ToCamel(string snake)
    {
        var parts = snake.Split('_');
        return parts[0] + string.Concat(parts.Skip(1).Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]));
    }

    /// <summary>A JSON object of raw members, in order (duplicates kept: the parser must cope).</summary>
    public static string Object(IEnumerable<(string Name, string Value)> members) =>
        "{" + string.Join(',', members.Select(m => HostileJson.Str(m.Name) + ":" + m.Value)) + "}";

    /// <summary>A field with a fixed valid value.</summary>
    public static Field F(string name, string valid, Gen<string> edge) => new(name, Gen.Constant(valid), edge);

    /// <summary>A field with generated valid values.</summary>
    public static Field F(string name, Gen<string> valid, Gen<string> edge) => new(name, valid, edge);
}
