using System.Net;
using System.Text;
using Xunit.Abstractions;

namespace Hanzo.Qml.Server.Tests;

/// <summary>
/// limits.max_request_bytes on every POST route: a body one byte over is refused with a 413 problem, one at the limit
/// is read. TestServer has no body-size feature, so there the declared Content-Length is what is checked; against the
/// server started as a real Kestrel process, an oversized declared length is refused from the header and a chunked body
/// is cut off while it is read, never buffered whole.
/// </summary>
public sealed class HostileBodyLimitTests(ITestOutputHelper output)
{
    private const int Limit = 65536;

    public static readonly TheoryData<string> PostRoutes =
    [
        "/v1/kernels", "/v1/kernels/k_none/evaluate", "/v1/kernels/k_none/matrix", "/v1/circuits", "/v1/circuits/c_none/execute",
        "/v1/circuits/c_none/gradient", "/v1/models", "/v1/models/m_none/train", "/v1/models/m_none/predict", "/v1/benchmark", "/v1/qaoa",
        "/v1/hpo/quantum", "/v1/jobs/j_none/cancel",
    ];

    /// <summary>A JSON kernel definition padded with spaces to exactly <paramref name="bytes"/> bytes.</summary>
    private static byte[] KernelBody(int bytes)
    {
        const string json = "{\"encoding\":\"angle\",\"n_qubits\":2}";
        return Encoding.UTF8.GetBytes(json + new string(' ', bytes - json.Length));
    }

    private static ByteArrayContent Json(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return content;
    }

    private static async Task AssertTooLarge(HttpResponseMessage response, string route)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.RequestEntityTooLarge, $"{route}: {(int)response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Json();
        Assert.Equal(413, problem.GetProperty("status").GetInt32());
        Assert.Contains("max_request_bytes", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(PostRoutes))]
    public async Task A_body_one_byte_over_the_configured_limit_is_413_on_every_post_route(string route)
    {
        using var factory = new ServerFactory().With("Limits:MaxRequestBytes", Limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var client = factory.Api();
        await AssertTooLarge(await client.PostAsync(route, Json(KernelBody(Limit + 1))), route);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/v1/health")).StatusCode);
    }

    [Fact]
    public async Task A_body_at_the_configured_limit_is_read()
    {
        using var factory = new ServerFactory().With("Limits:MaxRequestBytes", Limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var client = factory.Api();
        var response = await client.PostAsync("/v1/kernels", Json(KernelBody(Limit)));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task The_default_limit_is_16_MiB()
    {
        using var factory = new ServerFactory();
        using var client = factory.Api();
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/v1/kernels", Json(KernelBody(16 << 20)))).StatusCode);
        await AssertTooLarge(await client.PostAsync("/v1/kernels", Json(KernelBody((16 << 20) + 1))), "/v1/kernels");
    }

    private static Dictionary<string, string> Environment(string folder) => new()
    {
        ["HANZO_QML_DATABASE__PATH"] = Path.Combine(folder, "limit.db"),
        ["HANZO_QML_LIMITS__MAX_REQUEST_BYTES"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["HANZO_QML_LOGGING__LEVEL"] = "warning",
    };

    [Fact]
    public async Task Kestrel_refuses_oversized_bodies_with_or_without_a_length_before_reading_them_whole()
    {
        var folder = ServerFactory.TempFolder();
        try
        {
            using var server = await ServerProcess.StartAsync(Environment(folder));
            foreach (var route in new[] { "/v1/kernels", "/v1/models", "/v1/qaoa", "/v1/circuits" })
            {
                // A declared length over the limit is refused from the header; a chunked body is cut off while it is read.
                foreach (var (label, chunked, declared) in new[] { ("Content-Length 64 MiB", false, 64L << 20), ("chunked 64 MiB", true, 0L) })
                {
                    var (status, response, sent) = await RawPost(server.Port, route, 64L << 20, chunked, declared);
                    output.WriteLine($"{route}, {label}: {status} after the client sent {sent} bytes");
                    Assert.True(status == 413, $"{route}, {label}: status {status}\n{response}");
                    Assert.Contains("application/problem+json", response, StringComparison.Ordinal);
                    Assert.Contains("max_request_bytes", response, StringComparison.Ordinal);
                    // Socket buffers take a few MiB at most; reading the body whole would take all 64.
                    Assert.True(sent < 16L << 20, $"{route}, {label}: the client could send {sent} bytes before the 413");
                }
                Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync("/v1/health")).StatusCode);
            }
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>
    /// Posts a JSON array of zeros of <paramref name="length"/> bytes over a raw socket, reading the response while
    /// writing (an HttpClient gives up with a broken pipe when the server answers early and closes). Returns the status,
    /// the raw response and how many body bytes the client managed to send.
    /// </summary>
    private static async Task<(int Status, string Response, long Sent)> RawPost(int port, string route, long length, bool chunked, long declared)
    {
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, port);
        var stream = tcp.GetStream();
        var header = $"POST {route} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\nConnection: close\r\n"
            + (chunked ? "Transfer-Encoding: chunked\r\n" : $"Content-Length: {declared}\r\n") + "\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(header));
        var reading = ReadToEnd(stream);
        var block = Encoding.ASCII.GetBytes("[" + string.Concat(Enumerable.Repeat("0,", 8191)) + "0]");
        long sent = 0;
        try
        {
            while (sent < length && !reading.IsCompleted)
            {
                if (chunked) await stream.WriteAsync(Encoding.ASCII.GetBytes($"{block.Length:X}\r\n"));
                await stream.WriteAsync(block);
                if (chunked) await stream.WriteAsync("\r\n"u8.ToArray());
                sent += block.Length;
            }
        }
        catch (IOException)
        {
            // The server answered and closed the connection: expected once it has refused the body.
        }
        var response = await reading.WaitAsync(TimeSpan.FromSeconds(30));
        var statusLine = response.Split("\r\n", 2)[0];
        int status = statusLine.Split(' ') is [_, var code, ..] && int.TryParse(code, out int c) ? c : 0;
        return (status, response, sent);
    }

    private static async Task<string> ReadToEnd(Stream stream)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        try
        {
            int n;
            while ((n = await stream.ReadAsync(chunk)) > 0) buffer.Write(chunk, 0, n);
        }
        catch (IOException)
        {
            // A reset after the response arrived: keep what was read.
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
