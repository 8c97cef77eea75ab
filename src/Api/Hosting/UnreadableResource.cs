using Campaigns.StoredState;

namespace Campaigns.Api.Hosting;

/// <summary>
/// The resource behind a grain whose stored state cannot be read, as an API client knows it: its kind, its id and the
/// problem text. Says which resource and what an operator has to do; never the storage's own error (that is logged).
/// </summary>
/// <param name="Resource">The resource kind as the API names it (<c>campaign</c>, <c>allocation</c>, <c>ab_test</c>, <c>participant</c>).</param>
/// <param name="Id">The resource's id as its URL carries it.</param>
/// <param name="CampaignId">For a participant: the campaign it belongs to.</param>
public sealed record UnreadableResource(string Resource, string Id, string Title, string Detail, string? CampaignId = null)
{
    public const string OperatorHint =
        "Operators: run the unreadable-state command on a server to list such records and why, then repair or restore the stored row " +
        "(README, \"When a grain cannot load its state\").";

    /// <param name="stateName">The grain's <c>[PersistentState]</c> name.</param>
    /// <param name="grainKey">The grain's key as <see cref="StoredState.UnreadableStateException.GrainKey"/> gives it.</param>
    public static UnreadableResource For(string stateName, string grainKey) => stateName switch
    {
        StateNames.Campaign => Named("campaign", "Campaign", grainKey),
        StateNames.Allocation => Named("allocation", "Allocation", grainKey),
        StateNames.AbTest => Named("ab_test", "A/B test", grainKey),
        StateNames.Participant => Participant(grainKey),
        _ => new UnreadableResource(stateName, grainKey, "Resource unavailable",
            $"The stored {stateName} {grainKey} cannot be loaded: its stored state is unreadable. {OperatorHint}"),
    };

    private static UnreadableResource Named(string resource, string noun, string id) =>
        new(resource, id, $"{noun} unavailable", $"{noun} {id} cannot be loaded: its stored state is unreadable. {OperatorHint}");

    /// <summary>A participant's grain is keyed by its campaign, extended by the contact id.</summary>
    private static UnreadableResource Participant(string grainKey)
    {
        var parts = grainKey.Split('+', 2);
        if (parts.Length != 2 || !Guid.TryParse(parts[0], out var campaign) || !Guid.TryParse(parts[1], out var contact))
        {
            return Named("participant", "Participant", grainKey);
        }

        return new UnreadableResource("participant", contact.ToString(), "Participant unavailable",
            $"Participant {contact} of campaign {campaign} cannot be loaded: its stored state is unreadable. {OperatorHint}",
            campaign.ToString());
    }
}
