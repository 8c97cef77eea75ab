using System.Diagnostics;
using Campaigns.Tests.Infrastructure;

namespace Campaigns.Tests.Hosting;

/// <summary>
/// <c>/openapi/v1.json</c> passes Redocly's lint with the repository's <c>redocly.yaml</c>, through
/// <c>scripts/openapi-lint.sh</c> (which installs the pinned CLI once per machine, outside the repository).
/// </summary>
public sealed class OpenApiLintTests(ApiHostFixture api) : IClassFixture<ApiHostFixture>
{
    /// <summary>A first run installs the CLI from the npm registry (about 15 s); later runs start at once.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task The_document_passes_redocly_lint()
    {
        var file = Path.Combine(Path.GetTempPath(), $"campaigns-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, await OpenApiDocument.Fetch(api), TestContext.Current.CancellationToken);
        var script = Path.Combine(RepositoryRoot(), "scripts", "openapi-lint.sh");

        var (exitCode, output) = await Run(script, file, "--format=codeframe");

        if (exitCode != 0)
        {
            // Redocly shows the first 100 problems; the summary counts all of them by rule. The document stays for a rerun.
            var (_, summary) = await Run(script, file, "--format=summary", "--max-problems=10000");
            Assert.Fail($"redocly lint failed (exit {exitCode}) on {file}:\n{output}\n{summary}");
        }

        File.Delete(file);
    }

    private static async Task<(int ExitCode, string Output)> Run(string script, string file, params string[] options)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(file);
        foreach (var option in options)
        {
            start.ArgumentList.Add(option);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(Patience);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>The directory holding Campaigns.sln, above the test binaries.</summary>
    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Campaigns.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Campaigns.sln not found above " + AppContext.BaseDirectory);
    }
}
