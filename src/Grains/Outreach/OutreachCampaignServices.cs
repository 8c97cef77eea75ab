using Campaigns.Crm;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Campaigns.Outreach;

/// <summary>What an outreach campaign grain works with, in one constructor argument (registered in GrainServices).</summary>
public sealed class OutreachCampaignServices(
    OutreachPlanRepository plans,
    OutreachAudienceRepository audience,
    OutreachParticipantRepository participants,
    OutreachPlans planCache,
    CompanyRepository companies,
    PipelineRepository pipelines,
    IConfiguration configuration,
    IOptions<OutreachOptions> options)
{
    public OutreachPlanRepository Plans { get; } = plans;
    public OutreachAudienceRepository Audience { get; } = audience;
    public OutreachParticipantRepository Participants { get; } = participants;
    public OutreachPlans PlanCache { get; } = planCache;
    public CompanyRepository Companies { get; } = companies;
    public PipelineRepository Pipelines { get; } = pipelines;
    public IConfiguration Configuration { get; } = configuration;
    public OutreachOptions Options => options.Value;
}
