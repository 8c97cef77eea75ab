
namespace Campaigns.Influencer;

/// <summary>
/// The days a campaign runs, both ends included, as whole UTC days; an open end is unbounded. Campaign dates carry no
/// time zone, so UTC is the one reading every host agrees on.
/// </summary>
public sealed record CampaignPeriod(DateOnly? Start, DateOnly? End)
{
    public static CampaignPeriod Unbounded { get; } = new(null, null);

    public bool IsBounded => Start is not null || End is not null;

    public bool StartsAfter(DateTimeOffset instant) => Start is { } start && DayOf(instant) < start;

    public bool EndedBefore(DateTimeOffset instant) => End is { } end && DayOf(instant) > end;

    private static DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.UtcDateTime);
}
