using System.Text;

namespace Hanzo.Qml.Server.Tests;

/// <summary>
/// One generated request. <see cref="Path"/> may hold placeholders such as <c>{kernel}</c> that the fixture replaces
/// with ids it created, so generators stay independent of the server they run against.
/// </summary>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Path and query, possibly with placeholders.</param>
/// <param name="Body">Raw body bytes; null for none.</param>
/// <param name="ContentType">Content-Type header value; null for none.</param>
/// <param name="Label">What the generator meant to send (for the failure report).</param>
public sealed record HostileRequest(string Method, string Path, byte[]? Body, string? ContentType, string Label)
{
    public const string Json = "application/json";

    public static HostileRequest Post(string path, string body, string label, string? contentType = Json) =>
        new("POST", path, Encoding.UTF8.GetBytes(body), contentType, label);

    public static HostileRequest Get(string path, string label) => new("GET", path, null, null, label);

    /// <summary>The body as text (invalid UTF-8 shown as U+FFFD), cut to <paramref name="max"/> characters.</summary>
    public string BodyPreview(int max = 600)
    {
        if (Body is null) return "(no body)";
        var text = Encoding.UTF8.GetString(Body, 0, Math.Min(Body.Length, max * 4));
        return text.Length <= max ? text : $"{text[..max]}… ({Body.Length} bytes in all)";
    }

    // FsCheck prints the counterexample with ToString: keep it short enough to read and complete enough to replay.
    public override string ToString() =>
        $"{Method} {(Path.Length > 300 ? Path[..300] + $"… ({Path.Length} chars)" : Path)} [{ContentType ?? "no content type"}] <{Label}> {BodyPreview()}";
}
