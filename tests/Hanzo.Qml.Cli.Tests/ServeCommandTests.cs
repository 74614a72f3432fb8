using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Xunit.Abstractions;

namespace Hanzo.Qml.Cli.Tests;

/// <summary><c>hanzo-qml serve</c>: configuration errors in-process, and a real start, scrape and SIGTERM as a child process.</summary>
public sealed class ServeCommandTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("hanzo-qml-serve-tests-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text.ReplaceLineEndings("\n"));
        return path;
    }

    [Fact]
    public void A_bad_config_file_exits_2_with_every_problem_in_one_block()
    {
        var path = Write("bad.yaml", "server:\n  prot: 8080\nmetrics:\n  port: 70000\nlogging:\n  format: xml\n");
        var r = CliHarness.Run("serve", "--config", path);
        Assert.Equal(ExitCodes.Usage, r.ExitCode);
        Assert.Equal("", r.Stdout);
        var lines = r.Stderr.TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        Assert.Equal([
            "hanzo-qml: error: invalid configuration, 3 problems:",
            $"  - server ({path} line 2): unknown key \"prot\"; allowed keys: host, port, workers",
            $"  - metrics.port ({path} line 4): 70000 is not a port; allowed: 1-65535",
            $"  - logging.format ({path} line 6): \"xml\" is not a format; allowed: json, text",
        ], lines);
    }

    [Fact]
    public void A_missing_config_file_exits_2()
    {
        var missing = Path.Combine(_dir, "missing.yaml");
        var r = CliHarness.Run("serve", "--config", missing);
        Assert.Equal(ExitCodes.Usage, r.ExitCode);
        Assert.Contains($"config file (--config): {missing} does not exist", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Flags_are_validated_like_the_file()
    {
        var path = Write("ok.yaml", "metrics:\n  port: 9999\n");
        var r = CliHarness.Run("serve", "--config", path, "--port", "9999", "--host", "example.com");
        Assert.Equal(ExitCodes.Usage, r.ExitCode);
        Assert.Contains("server.host (--host): \"example.com\" is not an address to bind", r.Stderr, StringComparison.Ordinal);
        Assert.Contains($"metrics.port ({path} line 2): equals server.port (9999)", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Serve_is_listed_in_help()
    {
        var r = CliHarness.Run("--help");
        Assert.Contains("serve", r.Stdout, StringComparison.Ordinal);
        var help = CliHarness.Run("serve", "--help");
        foreach (var flag in new[] { "--config", "--port", "--metrics-port", "--host" }) Assert.Contains(flag, help.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_real_server_starts_answers_health_and_metrics_and_stops_on_sigterm()
    {
        int api = FreePort(), metrics = FreePort();
        var config = Write("serve.yaml", $"""
            server:
              host: 0.0.0.0
            database:
              path: {Path.Combine(_dir, "serve.db")}
            logging:
              level: information
              format: json
            """);
        using var server = Start(["serve", "--config", config, "--port", $"{api}", "--metrics-port", $"{metrics}"], new Dictionary<string, string>());
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };

        await server.WaitForHealth(http, $"http://127.0.0.1:{api}/v1/health");
        var scrape = await http.GetAsync($"http://127.0.0.1:{metrics}/metrics");
        Assert.Equal(HttpStatusCode.OK, scrape.StatusCode);
        Assert.Contains("hanzo_qml_api_request_duration_seconds", await scrape.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        int code = server.Terminate();
        var lines = server.StdoutLines;
        foreach (var line in lines) output.WriteLine(line);
        if (!OperatingSystem.IsWindows()) Assert.Equal(0, code); // SIGTERM is a graceful stop
        Assert.NotEmpty(lines);
        // JSON structured logs: every line one object with a UTC timestamp.
        var entries = lines.Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
        Assert.All(entries, e => Assert.EndsWith("Z", e.GetProperty("Timestamp").GetString(), StringComparison.Ordinal));
        var messages = entries.Select(e => e.GetProperty("Message").GetString()!).ToList();
        Assert.Contains(messages, m => m.StartsWith("authentication is OFF: listening on 127.0.0.1 only; configure auth.jwt or auth.api_keys to serve other hosts", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains($"serving the API on http://127.0.0.1:{api}", StringComparison.Ordinal) && m.Contains("SQLite file", StringComparison.Ordinal));
        Assert.Contains(messages, m => m == "Application is shutting down...");
        // What Kestrel actually bound: both ports on loopback, nothing on the configured 0.0.0.0.
        Assert.Equal([$"Now listening on: http://127.0.0.1:{api}", $"Now listening on: http://127.0.0.1:{metrics}"],
            messages.Where(m => m.StartsWith("Now listening on:", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task With_auth_configured_the_host_is_kept_and_no_secret_is_logged()
    {
        int api = FreePort(), metrics = FreePort();
        const string ApiKey = "api-key-value-that-must-never-be-logged";
        const string JwtKey = "jwt-signing-key-that-must-never-be-logged-0123456789";
        var config = Write("auth.yaml", $"""
            server:
              host: 127.0.0.1
            database:
              path: {Path.Combine(_dir, "auth.db")}
            auth:
              jwt:
                key_env: TEST_SERVE_JWT_KEY
                issuer: https://issuer.example
                audience: hanzo-qml
              api_keys:
                - key_env: TEST_SERVE_API_KEY
                  organisation: acme
            logging:
              level: trace
              format: text
            """);
        var env = new Dictionary<string, string> { ["TEST_SERVE_JWT_KEY"] = JwtKey, ["TEST_SERVE_API_KEY"] = ApiKey };
        using var server = Start(["serve", "--config", config, "--port", $"{api}", "--metrics-port", $"{metrics}"], env);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        await server.WaitForHealth(http, $"http://127.0.0.1:{api}/v1/health");
        server.Terminate();
        var all = string.Join('\n', server.StdoutLines) + server.Stderr;
        output.WriteLine(all);
        Assert.Contains("authentication: on", all, StringComparison.Ordinal);
        Assert.DoesNotContain("authentication is OFF", all, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiKey, all, StringComparison.Ordinal);
        Assert.DoesNotContain(JwtKey, all, StringComparison.Ordinal);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private ServerProcess Start(string[] args, Dictionary<string, string> env)
    {
        var exe = ProcessTests.FindExecutable() ?? throw new InvalidOperationException($"no hanzo-qml executable next to {AppContext.BaseDirectory}");
        var psi = new ProcessStartInfo(exe.FileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _dir,
        };
        foreach (var a in exe.Prefix) psi.ArgumentList.Add(a);
        foreach (var a in args) psi.ArgumentList.Add(a);
        // A developer's own settings must not leak into the child.
        foreach (var name in psi.Environment.Keys.Where(k => k.StartsWith("HANZO_QML_", StringComparison.OrdinalIgnoreCase)).ToList()) psi.Environment.Remove(name);
        foreach (var (k, v) in env) psi.Environment[k] = v;
        return new ServerProcess(Process.Start(psi)!);
    }

    private sealed class ServerProcess : IDisposable
    {
        private readonly Process _process;
        private readonly ConcurrentQueue<string> _stdout = new();
        private readonly System.Text.StringBuilder _stderr = new();

        public ServerProcess(Process process)
        {
            _process = process;
            _process.OutputDataReceived += (_, e) => { if (e.Data is { Length: > 0 } line) _stdout.Enqueue(line); };
            _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_stderr) _stderr.AppendLine(e.Data); };
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
        }

        public IReadOnlyList<string> StdoutLines => [.. _stdout];

        public string Stderr
        {
            get { lock (_stderr) return _stderr.ToString(); }
        }

        public async Task WaitForHealth(HttpClient http, string url)
        {
            var deadline = DateTime.UtcNow.AddSeconds(90);
            while (DateTime.UtcNow < deadline)
            {
                Assert.False(_process.HasExited, $"hanzo-qml serve exited with {(_process.HasExited ? _process.ExitCode : 0)}: {Stderr}\n{string.Join('\n', StdoutLines)}");
                try
                {
                    var response = await http.GetAsync(url);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        Assert.Equal("{\"status\":\"ok\"}", await response.Content.ReadAsStringAsync());
                        return;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }
                catch (TaskCanceledException)
                {
                    // Starting up slowly.
                }
                await Task.Delay(200);
            }
            Assert.Fail($"{url} did not answer 200 within 90 s; stderr: {Stderr}");
        }

        /// <summary>SIGTERM (a kill on Windows), then waits for the exit; returns the exit code.</summary>
        public int Terminate()
        {
            if (!_process.HasExited)
            {
                if (OperatingSystem.IsWindows()) _process.Kill(entireProcessTree: true);
                else using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) kill.WaitForExit();
            }
            if (!_process.WaitForExit(TimeSpan.FromSeconds(30)))
            {
                _process.Kill(entireProcessTree: true);
                Assert.Fail("hanzo-qml serve did not stop within 30 s of SIGTERM");
            }
            _process.WaitForExit(); // drains the redirected output
            return _process.ExitCode;
        }

        public void Dispose()
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            _process.Dispose();
        }
    }
}
