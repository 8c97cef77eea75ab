using System.Text.RegularExpressions;

namespace Campaigns.Tests.Crm;

/// <summary>
/// One writer per table family (docs/ARCHITECTURE.md): every CRM, tenancy, audit and template table is inserted into,
/// updated and deleted from by exactly one repository; other code asks that repository. Reads the SQL text of the
/// sources, so a second writer fails here before it ships.
/// </summary>
public sealed partial class TableWriterTests
{
    public static TheoryData<string, string> Writers => new()
    {
        { "crm_contacts", "ContactRepository" },
        { "crm_companies", "CompanyRepository" },
        { "crm_pipelines", "PipelineRepository" },
        { "crm_stages", "PipelineRepository" },
        { "crm_leads", "LeadRepository" },
        { "campaign_templates", "TemplateRepository" },
        { "audit_log", "AuditRepository" },
        { "organizations", "TenancyRepository" },
        { "users", "TenancyRepository" },
        { "api_keys", "TenancyRepository" },
    };

    [Theory]
    [MemberData(nameof(Writers))]
    public void A_table_has_one_writing_repository(string table, string repository)
    {
        var writers = Sources()
            .Where(file => Writes().Matches(File.ReadAllText(file)).Any(m => m.Groups["table"].Value == table))
            // A repository may span partial files (ContactRepository.InTransaction.cs): the class is the writer.
            .Select(file => Path.GetFileName(file).Split('.')[0])
            .Distinct()
            .ToList();

        Assert.Equal([repository], writers);
    }

    private static IEnumerable<string> Sources() =>
        Directory.EnumerateFiles(Path.Combine(RepositoryRoot(), "src"), "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                && !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"));

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Campaigns.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Campaigns.sln not found above the test binaries.");
    }

    [GeneratedRegex(@"\b(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+(?<table>[a-z_]+)\b")]
    private static partial Regex Writes();
}
