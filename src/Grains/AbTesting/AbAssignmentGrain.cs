using Orleans.Concurrency;

namespace Campaigns.AbTesting;

/// <summary>
/// Assignment without a call to the test grain per subject: each silo keeps local activations holding the variant
/// table, refreshed every few seconds so a completed test starts serving its winner soon after.
/// </summary>
[StatelessWorker, Reentrant]
public sealed class AbAssignmentGrain(TimeProvider clock) : Grain, IAbAssignmentGrain
{
    public static readonly TimeSpan RefreshAfter = TimeSpan.FromSeconds(5);

    private AbAssignmentTable? table;
    private double[] weights = [];
    private DateTimeOffset fetchedAt;

    public async Task<AbAssignment> Assign(Guid organizationId, string subjectId)
    {
        var testId = this.GetPrimaryKey();
        if (table is null || clock.GetUtcNow() - fetchedAt > RefreshAfter)
        {
            // A missing test is not cached: it may be created a moment later.
            var fresh = await GrainFactory.GetGrain<IAbTestGrain>(testId).AssignmentTable();
            weights = fresh?.Variants.Select(v => v.Weight).ToArray() ?? [];
            table = fresh;
            fetchedAt = clock.GetUtcNow();
        }

        if (table is not { } current || current.OrganizationId != organizationId)
        {
            return new AbAssignment(null);
        }

        if (current is { Status: AbTestStatus.Completed, WinnerVariantId: { } winner })
        {
            // Once the winner is applied, everyone sees it.
            return new AbAssignment(current.Variants.First(v => v.Id == winner), AbTestStatus.Completed);
        }

        return new AbAssignment(current.Variants[VariantAssigner.Pick(testId, subjectId, weights)]);
    }
}
