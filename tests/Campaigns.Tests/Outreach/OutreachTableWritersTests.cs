using System.Text.RegularExpressions;

namespace Campaigns.Tests.Outreach;

/// <summary>
/// Each outreach table has one repository that inserts, updates or deletes it; everything else asks that repository or
/// its grain (docs/ARCHITECTURE.md). Reads the SQL text of the sources, so a second writer fails here before review.
/// </summary>
public sealed partial class OutreachTableWritersTests
{
    private static readonly IReadOnlyDictionary<string, string> Owners = new Dictionary<string, string>
    {
        ["outreach_participants"] = "OutreachParticipantRepository.cs",
        ["outreach_sends"] = "OutreachSendRepository.cs",
        ["outreach_templates"] = "OutreachPlanRepository.cs",
        ["outreach_steps"] = "OutreachPlanRepository.cs",
        ["outreach_plan_versions"] = "OutreachPlanRepository.cs",
        ["sending_accounts"] = "SendingAccountRepository.cs",
        ["telegram_chats"] = "TelegramChatRepository.cs",
        ["telegram_chat_members"] = "TelegramChatRepository.cs",
    };

    [Fact]
    public void Every_outreach_table_has_exactly_its_one_writer()
    {
        var writers = new Dictionary<string, SortedSet<string>>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryRoot(), "src"), "*.cs", SearchOption.AllDirectories))
        {
            if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (Match write in Write().Matches(File.ReadAllText(file)))
            {
                var table = write.Groups["table"].Value;
                if (!writers.TryGetValue(table, out var files))
                {
                    writers[table] = files = [];
                }

                files.Add(Path.GetFileName(file));
            }
        }

        foreach (var (table, files) in writers)
        {
            Assert.True(Owners.TryGetValue(table, out var owner), $"{table} is written ({string.Join(", ", files)}) but has no owner listed here.");
            Assert.Equal([owner], files);
        }

        Assert.All(Owners.Keys, table => Assert.True(writers.ContainsKey(table), $"Nothing writes {table}: is the owner list out of date?"));
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Campaigns.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Campaigns.sln above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"\b(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+(?<table>outreach_\w+|sending_accounts|telegram_chat\w*)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Write();
}
