using Campaigns.Audit;
using Campaigns.Campaigns;
using Campaigns.Crm;
using Campaigns.Infrastructure;
using Campaigns.StoredState;
using Campaigns.Templates;
using Campaigns.Tenancy;

namespace Campaigns.Outreach;

/// <summary>
/// Checks that the CRM records an outreach section or step names belong to the caller's organization; another
/// organization's ids are refused exactly like unknown ones, so nothing leaks across tenants.
/// </summary>
public static class OutreachReferences
{
    private const int IdsNamedInMessage = 5;

    public static async Task<IReadOnlyDictionary<string, string[]>?> Check(
        CompanyRepository companies, PipelineRepository pipelines, OutreachAudienceRepository contacts, Guid organizationId, OutreachBrief brief)
    {
        var errors = new Dictionary<string, string[]>();
        if (brief.Audience.CompanyId is { } companyId && await companies.Get(organizationId, companyId) is null)
        {
            errors["target_audience.filters.company_id"] = ["No such company in the organization."];
        }

        if (brief.Audience.PipelineId is { } filterPipeline && await pipelines.Get(organizationId, filterPipeline) is null)
        {
            errors["target_audience.filters.pipeline_id"] = ["No such pipeline in the organization."];
        }

        if (brief.PipelineId is { } pipelineId)
        {
            var pipeline = await pipelines.Get(organizationId, pipelineId);
            if (pipeline is null)
            {
                errors["pipeline_id"] = ["No such pipeline in the organization."];
            }
            else if (brief.LeadCreation?.DefaultStageId is { } stageId && pipeline.Stages.All(s => s.Id != stageId))
            {
                errors["lead_creation_settings.default_stage_id"] = [$"The stage is not one of pipeline '{pipeline.Name}'."];
            }
        }

        var missing = await contacts.Missing(organizationId, brief.Audience.ContactIds);
        if (missing.Count > 0)
        {
            errors["target_audience.contact_ids"] =
                [$"{missing.Count} id(s) are not contacts of the organization: {string.Join(", ", missing.Take(IdsNamedInMessage))}{(missing.Count > IdsNamedInMessage ? ", …" : "")}."];
        }

        return errors.Count > 0 ? errors : null;
    }

    /// <summary>A step's template must be the campaign's or an organization preset; its stage rules must name the organization's pipeline stages.</summary>
    public static async Task<IReadOnlyDictionary<string, string[]>?> CheckStep(
        OutreachPlanRepository plans, PipelineRepository pipelines, Guid organizationId, Guid campaignId, Guid? templateId, StepConditions? conditions)
    {
        var errors = new Dictionary<string, string[]>();
        if (templateId is { } id && await plans.Template(organizationId, campaignId, id, presetsToo: true) is null)
        {
            errors["template_id"] = ["No such template in this campaign or the organization's presets."];
        }

        foreach (var (name, rule) in new[] { ("inPipelineStage", conditions?.InPipelineStage), ("notInPipelineStage", conditions?.NotInPipelineStage) })
        {
            if (rule is null)
            {
                continue;
            }

            var field = $"conditions.{name}";
            if (await pipelines.Get(organizationId, rule.PipelineId) is not { } pipeline)
            {
                errors[$"{field}.pipelineId"] = ["No such pipeline in the organization."];
                continue;
            }

            for (var i = 0; i < rule.StageIds.Count; i++)
            {
                if (pipeline.Stages.All(s => s.Id != rule.StageIds[i]))
                {
                    errors[$"{field}.stageIds[{i}]"] = [$"Not a stage of pipeline '{pipeline.Name}'."];
                }
            }
        }

        return errors.Count > 0 ? errors : null;
    }
}
