using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Hanzo.Qml.Server.Tests;

/// <summary>The built service started as a separate operating-system process (for crash and restart tests).</summary>
public sealed class ServerProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ServerProcess(Process process, int port, int metricsPort)
    {
        _process = process;
        Port = port;
        MetricsPort = metricsPort;
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
    }

    public int Port { get; }

    public int MetricsPort { get; }

    /// <summary>The repository root (the folder holding Hanzo.Qml.slnx).</summary>
    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Hanzo.Qml.slnx"))) dir = dir.Parent;
        Assert.True(dir is not null, $"repository root not found above {AppContext.BaseDirectory}");
        return dir!.FullName;
    }

    public HttpClient Client { get; }

    /// <summary>Everything the process wrote to stdout and stderr so far.</summary>
    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    /// <summary>The server's entry assembly, built next to this test assembly's configuration.</summary>
    public static string ServerAssembly()
    {
        var here = AppContext.BaseDirectory;
        string configuration = here.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var dir = new DirectoryInfo(here);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Hanzo.Qml.slnx"))) dir = dir.Parent;
        Assert.True(dir is not null, $"repository root not found above {here}");
        var dll = Path.Combine(dir!.FullName, "src", "Hanzo.Qml.Server", "bin", configuration, "net10.0", "Hanzo.Qml.Server.dll");
        Assert.True(File.Exists(dll), $"the built server is missing at {dll}; build the solution first");
        return dll;
    }

    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>Starts the server with <paramref name="environment"/> (HANZO_QML_* settings) and waits for /v1/health.</summary>
    public static async Task<ServerProcess> StartAsync(IReadOnlyDictionary<string, string> environment, double timeoutSeconds = 60)
    {
        int port = FreePort(), metrics = FreePort();
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        info.ArgumentList.Add(ServerAssembly());
        info.Environment["HANZO_QML_SERVER__PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["HANZO_QML_METRICS__PORT"] = metrics.ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (k, v) in environment) info.Environment[k] = v;
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start dotnet");
        var server = new ServerProcess(process, port, metrics);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var clock = Stopwatch.StartNew();
        while (true)
        {
            Assert.False(process.HasExited, $"the server exited with code {(process.HasExited ? process.ExitCode : 0)}:\n{server.Output}");
            try
            {
                if ((await server.Client.GetAsync("/v1/health")).StatusCode == HttpStatusCode.OK) return server;
            }
            catch (HttpRequestException) { }
            Assert.True(clock.Elapsed.TotalSeconds < timeoutSeconds, $"the server did not answer /v1/health within {timeoutSeconds} s:\n{server.Output}");
            await Task.Delay(100);
        }
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    /// <summary>SIGKILL: the process gets no chance to clean up, as in a crash or an OOM kill.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        Client.Dispose();
        if (!_process.HasExited) Kill();
        _process.Dispose();
    }
}
