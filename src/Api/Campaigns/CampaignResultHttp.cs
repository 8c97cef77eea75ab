using Campaigns.Campaigns;
using Campaigns.Infrastructure;

namespace Campaigns.Api.Campaigns;

/// <summary>
/// The campaign grain's result records as the one <see cref="CommandResult{T}"/> and <see cref="Page{T}"/>, so campaign
/// endpoints answer through the one mapper, <see cref="Api.Infrastructure.CommandResultHttp"/> (docs/ARCHITECTURE.md,
/// "Results and errors"). They go when the grain answers <see cref="CommandResult{T}"/> itself.
/// </summary>
public static class CampaignResultHttp
{
    public static CommandResult<CampaignView> ToCommandResult(this CampaignResult result) =>
        new(result.Outcome, result.Campaign, result.Message, result.Errors);

    /// <summary>A recorded spend with where the campaign's budget stands after it.</summary>
    public static CommandResult<SpendResponse> ToCommandResult(this SpendResult result) =>
        result is { Outcome: CommandOutcome.Ok, Entry: { } entry, Campaign: { } campaign }
            ? CommandResult<SpendResponse>.Ok(SpendResponse.From(entry, campaign))
            : new(result.Outcome, default, result.Message, result.Errors);

    /// <summary>A page of the spend ledger; the only failure is a campaign the caller cannot see.</summary>
    public static CommandResult<Page<SpendEntry>> ToCommandResult(this SpendPage page) =>
        page is { Outcome: CommandOutcome.Ok, Items: { } items }
            ? CommandResult<Page<SpendEntry>>.Ok(new Page<SpendEntry>(items, page.Next))
            : new(page.Outcome, Message: "Campaign not found.");

    public static Page<CampaignView> ToPage(this CampaignPage page) => new(page.Items, page.NextCursor);
}
