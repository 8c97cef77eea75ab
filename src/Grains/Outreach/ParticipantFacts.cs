
namespace Campaigns.Outreach;

/// <summary>What a step's conditions look at: whether the participant replied, its contact, and its lead stage per pipeline.</summary>
/// <param name="StageByPipeline">The contact's current stage in each pipeline it has a lead in (pipeline id → stage id).</param>
public sealed record ParticipantFacts(
    bool Replied,
    ContactFacts Contact,
    IReadOnlyDictionary<Guid, Guid> StageByPipeline);

/// <summary>The contact fields conditions and templates read (docs/domain/outreach.md#step-conditions).</summary>
[GenerateSerializer, Immutable, Alias("campaigns.ContactFacts")]
public sealed record ContactFacts(
    [property: Id(0)] string? FirstName,
    [property: Id(1)] string? LastName,
    [property: Id(2)] string? Email,
    [property: Id(3)] string? Phone,
    [property: Id(4)] long? TelegramId,
    [property: Id(5)] string? CompanyName)
{
    public static readonly ContactFacts Unknown = new(null, null, null, null, null, null);
}
