using System.Diagnostics;

namespace Hanzo.Qml.Server.Tests;

/// <summary>The README's curl walk-through, run verbatim (bash + curl) against a freshly started server process.</summary>
public sealed class ReadmeWalkthroughTests : IDisposable
{
    private readonly string _folder = ServerFactory.TempFolder();

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    private static string Walkthrough()
    {
        var readme = File.ReadAllText(Path.Combine(ServerProcess.RepositoryRoot(), "README.md"));
        int start = readme.IndexOf("<!-- walkthrough:start -->", StringComparison.Ordinal), end = readme.IndexOf("<!-- walkthrough:end -->", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "README.md has no walk-through markers");
        var block = readme[start..end];
        int open = block.IndexOf("```bash\n", StringComparison.Ordinal), close = block.LastIndexOf("```", StringComparison.Ordinal);
        Assert.True(open >= 0 && close > open, "the walk-through has no bash block");
        return block[(open + "```bash\n".Length)..close];
    }

    [Fact]
    public async Task The_readme_walkthrough_runs_against_a_fresh_server()
    {
        Assert.True(File.Exists("/usr/bin/curl") || File.Exists("/bin/curl"), "curl is required (.ci/run installs it)");
        using var server = await ServerProcess.StartAsync(new Dictionary<string, string> { ["HANZO_QML_DATABASE__PATH"] = Path.Combine(_folder, "walkthrough.db") });
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("-euo");
        info.ArgumentList.Add("pipefail");
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(Walkthrough());
        info.Environment["API"] = $"http://127.0.0.1:{server.Port}";
        info.Environment["METRICS"] = $"http://127.0.0.1:{server.MetricsPort}";
        using var bash = Process.Start(info)!;
        var stdout = bash.StandardOutput.ReadToEndAsync();
        var stderr = bash.StandardError.ReadToEndAsync();
        Assert.True(bash.WaitForExit(TimeSpan.FromMinutes(3)), "the walk-through did not finish in 3 minutes");
        string output = await stdout, errors = await stderr;
        Assert.True(bash.ExitCode == 0, $"the walk-through failed (exit {bash.ExitCode}):\n{output}\n{errors}\nserver:\n{server.Output}");
        File.WriteAllText(Path.Combine(Path.GetTempPath(), "hanzo-qml-walkthrough.out"), output);
        Assert.Contains("{\"status\":\"ok\"}", output, StringComparison.Ordinal);
        Assert.Contains("{\"value\":0.5110134586242875}", output, StringComparison.Ordinal);
        Assert.Contains("\"probs\":[0.49999", output, StringComparison.Ordinal);
        Assert.Contains("\"state\":\"trained\"", output, StringComparison.Ordinal);
        Assert.Contains("\"predictions\":[", output, StringComparison.Ordinal);
        Assert.Contains("\"approximation_ratio\":0.", output, StringComparison.Ordinal);
    }
}
