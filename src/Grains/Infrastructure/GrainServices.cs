using Campaigns.AbTesting;
using Campaigns.Audit;
using Campaigns.Campaigns;
using Campaigns.Crm;
using Campaigns.Influencer;
using Campaigns.Outreach;
using Campaigns.Templates;
using Campaigns.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

namespace Campaigns.Infrastructure;

/// <summary>Registers what grains depend on: the PostgreSQL data source, repositories and the clock.</summary>
public static class GrainServices
{
    public static IServiceCollection AddCampaignsGrainServices(this IServiceCollection services, string connectionString)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        services.TryAddSingleton<CampaignProjectionRepository>();
        services.TryAddSingleton<SpendRepository>();
        services.TryAddSingleton<TemplateRepository>();
        services.TryAddSingleton<TenancyRepository>();
        services.TryAddSingleton<AuditRepository>();
        services.TryAddSingleton<CreatorRepository>();
        services.TryAddSingleton<PostRepository>();
        services.TryAddSingleton<AllocationRepository>();
        services.TryAddSingleton(Influencer.ApifyRetryBackoff.Default);
        services.TryAddSingleton<ApifyJobRepository>();
        services.TryAddSingleton<ApifyLimitRepository>();
        services.TryAddSingleton<AbTestRepository>();
        services.TryAddSingleton<AbEventRepository>();
        services.TryAddSingleton<ContactRepository>();
        services.TryAddSingleton<CompanyRepository>();
        services.TryAddSingleton<PipelineRepository>();
        services.TryAddSingleton<LeadRepository>();
        services.TryAddSingleton<SendingAccountRepository>();
        services.TryAddSingleton<TelegramChatRepository>();
        services.TryAddSingleton<Outreach.TelegramUpdateIntake>();
        services.TryAddSingleton<OutreachPlanRepository>();
        services.TryAddSingleton<OutreachAudienceRepository>();
        services.TryAddSingleton<OutreachParticipantRepository>();
        services.TryAddSingleton<OutreachSendRepository>();
        services.TryAddSingleton<Outreach.OutreachPlans>();
        services.TryAddSingleton<Outreach.OutreachCampaignServices>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Outreach.IIncomingMessageSink, Outreach.OutreachReplies>());
        return services;
    }
}
