
namespace Campaigns.Influencer;

/// <summary>
/// One CSV row: a social profile matched by (platform, username). An existing profile takes the <see cref="Fields"/>
/// whose columns the file has; a new one is created for <see cref="CreatorId"/> or, without it, for a new creator.
/// </summary>
[GenerateSerializer, Immutable, Alias("campaigns.CreatorImportRow")]
public sealed record CreatorImportRow(
    [property: Id(0)] int Row,
    [property: Id(1)] Guid? CreatorId,
    [property: Id(2)] string? Name,
    [property: Id(3)] string? Email,
    [property: Id(4)] bool? IsActive,
    [property: Id(5)] SocialProfileDraft Values,
    [property: Id(6)] IReadOnlySet<ProfileField> Fields);

/// <summary>Why one row of an import was refused; <see cref="Row"/> counts the header as row 1, as a spreadsheet does.</summary>
[GenerateSerializer, Immutable, Alias("campaigns.ImportRowError")]
public sealed record ImportRowError(
    [property: Id(0)] int Row,
    [property: Id(1)] string Field,
    [property: Id(2)] string Message)
{
    /// <summary>
    /// Row errors as the field errors of an Invalid result: one entry per cell (<c>rows[3].platform</c>), in the order
    /// the rows were read, each message naming its row and column.
    /// </summary>
    public static Dictionary<string, string[]> ByCell(IEnumerable<ImportRowError> errors) =>
        errors.GroupBy(e => $"rows[{e.Row}].{e.Field}")
            .ToDictionary(g => g.Key, g => g.Select(e => $"Row {e.Row}, {e.Field}: {e.Message}").ToArray());
}

/// <summary>What an import wrote: rows read, profiles created and updated, creators created.</summary>
[GenerateSerializer, Immutable, Alias("campaigns.CreatorImportCounts")]
public sealed record CreatorImportCounts(
    [property: Id(0)] int Rows,
    [property: Id(1)] int Created,
    [property: Id(2)] int Updated,
    [property: Id(3)] int CreatorsCreated);
