using System.Text.Json.Nodes;
using Campaigns.Campaigns;
using Campaigns.Influencer;
using Campaigns.Tests.Campaigns;
using Campaigns.Tests.Hosting;
using Campaigns.Tests.Infrastructure;
using Campaigns.Tests.Tenancy;

namespace Campaigns.Tests.Influencer;

public sealed class AllocationMonitoringTests
{
    private static readonly DateTimeOffset Now = new(2027, 5, 10, 12, 0, 0, TimeSpan.Zero);

    private static CampaignSnapshot Campaign(CampaignStatus status = CampaignStatus.Active, string start = "2027-05-01", string end = "2027-05-31") =>
        new(status, DateOnly.Parse(start), DateOnly.Parse(end), TrackingConfig.Empty);

    [Theory]
    [InlineData(AllocationStatus.Accepted, MonitoringStep.Scrape)]
    [InlineData(AllocationStatus.Active, MonitoringStep.Scrape)]
    [InlineData(AllocationStatus.Pending, MonitoringStep.Wait)]
    [InlineData(AllocationStatus.Declined, MonitoringStep.Stop)]
    [InlineData(AllocationStatus.Completed, MonitoringStep.Stop)]
    [InlineData(AllocationStatus.Cancelled, MonitoringStep.Stop)]
    public void Only_accepted_or_active_allocations_of_a_running_campaign_scrape(AllocationStatus status, MonitoringStep expected) =>
        Assert.Equal(expected, AllocationMonitoring.Next(status, Campaign(), Now));

    [Theory]
    [InlineData(CampaignStatus.Active, MonitoringStep.Scrape)]
    [InlineData(CampaignStatus.Paused, MonitoringStep.Wait)]
    [InlineData(CampaignStatus.Draft, MonitoringStep.Wait)]
    [InlineData(CampaignStatus.Completed, MonitoringStep.Stop)]
    [InlineData(CampaignStatus.Cancelled, MonitoringStep.Stop)]
    public void A_paused_campaign_waits_and_an_ended_one_stops(CampaignStatus status, MonitoringStep expected) =>
        Assert.Equal(expected, AllocationMonitoring.Next(AllocationStatus.Accepted, Campaign(status), Now));

    [Theory]
    [InlineData("2027-05-10", "2027-05-10", MonitoringStep.Scrape)] // both ends are inclusive days
    [InlineData("2027-05-11", "2027-05-31", MonitoringStep.Wait)]   // not started yet
    [InlineData("2027-04-01", "2027-05-09", MonitoringStep.Stop)]   // ended yesterday
    public void Today_must_be_within_the_campaign_days(string start, string end, MonitoringStep expected) =>
        Assert.Equal(expected, AllocationMonitoring.Next(AllocationStatus.Active, Campaign(start: start, end: end), Now));

    [Fact]
    public void Posts_input_reads_from_the_last_collection_else_from_the_campaign_start()
    {
        var first = JsonNode.Parse(AllocationMonitoring.PostsInput(null, new DateOnly(2027, 5, 1), 50))!;
        Assert.Equal("2027-05-01", first["since"]!.GetValue<string>());
        Assert.Equal(50, first["limit"]!.GetValue<int>());

        var later = JsonNode.Parse(AllocationMonitoring.PostsInput(Now, new DateOnly(2027, 5, 1), 20))!;
        Assert.Equal("2027-05-10T12:00:00.0000000Z", later["since"]!.GetValue<string>());
        Assert.Equal(20, later["limit"]!.GetValue<int>());

        Assert.Null(JsonNode.Parse(AllocationMonitoring.PostsInput(null, null, 20))!["since"]);
    }
}
