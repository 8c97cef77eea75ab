using Campaigns.Influencer;
using Campaigns.Tests.Campaigns;
using Campaigns.Tests.Hosting;
using Campaigns.Tests.Infrastructure;
using Campaigns.Tests.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Campaigns.Tests.Influencer;

/// <summary>The retry backoff of Apify jobs, and the job contracts crossing grain boundaries intact.</summary>
public sealed class ApifyJobRulesTests
{
    private static readonly Serializer Serializer =
        new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(6, 32)]
    [InlineData(7, 60)]
    [InlineData(1_000, 60)]
    public void Backoff_doubles_from_a_minute_up_to_an_hour(int failedAttempts, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), ApifyRetryBackoff.Default.After(failedAttempts));

    [Fact]
    public void Backoff_needs_a_failed_attempt() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ApifyRetryBackoff.Default.After(0));

    [Fact]
    public void A_job_and_the_limits_survive_the_trip_with_their_nulls()
    {
        var job = new ApifyJob(
            Guid.CreateVersion7(), Guid.CreateVersion7(), ApifyJobType.PostsScrape, SocialPlatform.Tiktok, "masha_tt", """{"limit": 20}""",
            60, ApifyJobStatus.Held, "Daily Apify call limit reached", 2, 3, "Apify answered 500", null, 1, 0.0125m,
            Guid.CreateVersion7(), null, Guid.CreateVersion7(), DateTimeOffset.UnixEpoch, null, null, DateTimeOffset.UnixEpoch);
        var limits = new ApifyLimits(null, 49.99m, 3, 1.25m, new DateOnly(2026, 11, 23), "2026-11", null, 0);

        Assert.Equal(job, Serializer.Deserialize<ApifyJob>(Serializer.SerializeToArray(job)));
        Assert.Equal(limits, Serializer.Deserialize<ApifyLimits>(Serializer.SerializeToArray(limits)));
    }
}
