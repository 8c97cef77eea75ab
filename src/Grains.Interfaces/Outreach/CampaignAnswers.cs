using Campaigns.Infrastructure;

namespace Campaigns.Outreach;

/// <summary>
/// The campaign grain's outreach answers (<see cref="OutreachResult{T}"/>, <see cref="ParticipantsAnswer{T}"/>,
/// <see cref="ParticipantPage"/>) as the shared <see cref="CommandResult{T}"/> and <see cref="Page{T}"/>, so callers map
/// every outreach answer through the one HTTP mapper (docs/ARCHITECTURE.md, "Results and errors"). They go once the
/// outreach campaign grain answers the shared types itself.
/// </summary>
public static class CampaignAnswers
{
    public static CommandResult<T> ToCommandResult<T>(this OutreachResult<T> result) =>
        new(result.Outcome, result.Value, result.Message, result.Errors);

    public static CommandResult<T> ToCommandResult<T>(this ParticipantsAnswer<T> result) =>
        new(result.Outcome, result.Value, result.Message);

    public static Page<ParticipantView> ToPage(this ParticipantPage page) => new(page.Items, page.NextCursor);
}
