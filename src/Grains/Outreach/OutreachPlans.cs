using System.Collections.Concurrent;
using System.Diagnostics;
using Campaigns.Audit;
using Campaigns.Campaigns;
using Campaigns.Crm;
using Campaigns.Influencer;
using Campaigns.Infrastructure;
using Campaigns.StoredState;
using Campaigns.Templates;
using Campaigns.Tenancy;
using Microsoft.Extensions.Options;

namespace Campaigns.Outreach;

/// <summary>
/// A per-silo cache of campaigns' plans, so thousands of participants waking in a second read the steps and templates
/// once rather than once each. Entries live <see cref="OutreachOptions.PlanCacheTtl"/> of real (not domain) time: the
/// plan only changes while its campaign is paused or not started, and a resume is slower than that.
/// </summary>
public sealed class OutreachPlans(OutreachPlanRepository plans, IOptions<OutreachOptions> options)
{
    private readonly ConcurrentDictionary<Guid, (long LoadedAt, Task<OutreachPlan> Plan)> cache = new();

    public Task<OutreachPlan> Get(Guid campaignId)
    {
        var now = Stopwatch.GetTimestamp();
        if (cache.TryGetValue(campaignId, out var entry)
            && Stopwatch.GetElapsedTime(entry.LoadedAt, now) < options.Value.PlanCacheTtl
            && !entry.Plan.IsFaulted)
        {
            return entry.Plan;
        }

        var loading = plans.Load(campaignId);
        cache[campaignId] = (now, loading);
        if (cache.Count > 1000)
        {
            foreach (var stale in cache.Where(e => Stopwatch.GetElapsedTime(e.Value.LoadedAt, now) >= options.Value.PlanCacheTtl).ToList())
            {
                cache.TryRemove(stale.Key, out _);
            }
        }

        return loading;
    }

    /// <summary>Forgets a campaign's plan (its campaign started or resumed), so the next read is fresh.</summary>
    public void Forget(Guid campaignId) => cache.TryRemove(campaignId, out _);
}
