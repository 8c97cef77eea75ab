namespace Campaigns.CampaignCore;

/// <summary>What a campaign grain persists through the ADO.NET grain storage.</summary>
[GenerateSerializer, Alias("campaigns.CampaignState")]
public sealed class CampaignState
{
    [Id(0)] public Guid OrganizationId { get; set; }
    [Id(1)] public string Name { get; set; } = "";
    [Id(2)] public string? Description { get; set; }
    [Id(3)] public CampaignKind Kind { get; set; }
    [Id(4)] public CampaignStatus Status { get; set; }
    [Id(5)] public long Budget { get; set; }
    [Id(6)] public long CurrentBudget { get; set; }
    [Id(7)] public string Currency { get; set; } = "USD";
    [Id(8)] public List<string> Goals { get; set; } = [];
    [Id(9)] public List<string> Platforms { get; set; } = [];
    [Id(10)] public DateOnly? StartDate { get; set; }
    [Id(11)] public DateOnly? EndDate { get; set; }
    [Id(12)] public DateTimeOffset? ScheduledFor { get; set; }
    [Id(13)] public DateTimeOffset? StartedAt { get; set; }
    [Id(14)] public DateTimeOffset? CompletedAt { get; set; }
    [Id(15)] public DateTimeOffset CreatedAt { get; set; }
    [Id(16)] public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Bumped on every change; guards the projection against stale writes.</summary>
    [Id(17)] public long Version { get; set; }

    public CampaignView ToView(Guid id) => new(
        id, Name, Description, Kind, Status, Budget, CurrentBudget, Currency, Goals, Platforms,
        StartDate, EndDate, ScheduledFor, StartedAt, CompletedAt, CreatedAt, UpdatedAt);
}
