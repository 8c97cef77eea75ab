using System.Diagnostics;

namespace Campaigns.Silo.Hosting;

/// <summary>Runs a command to completion and fails loudly with its output when it fails.</summary>
internal static class ProcessRunner
{
    public static async Task<(int ExitCode, string Output)> Run(string file, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {file}.");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, (await stdout + await stderr).Trim());
    }

    public static async Task<string> RunChecked(string file, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var list = arguments.ToList();
        var (exitCode, output) = await Run(file, list, cancellationToken);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"'{file} {string.Join(' ', list)}' failed with exit code {exitCode}: {output}");
        }

        return output;
    }
}
