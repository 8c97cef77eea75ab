using Campaigns.Api.Hosting;
using Campaigns.StoredState;
using Campaigns.Tests.Hosting;
using Campaigns.Tests.Influencer;
using Campaigns.Tests.Infrastructure;
using Campaigns.Tests.Tenancy;

namespace Campaigns.Tests.StoredState;

/// <summary>What an API client is told about a grain whose stored state cannot be read: the resource and its id, never the cause.</summary>
public sealed class UnreadableResourceTests
{
    private static readonly Guid Id = Guid.Parse("0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b");
    private static readonly Guid Contact = Guid.Parse("0190ffff-0000-7000-8000-000000000001");

    [Theory]
    [InlineData("campaign", "campaign", "Campaign unavailable", "Campaign ")]
    [InlineData("allocation", "allocation", "Allocation unavailable", "Allocation ")]
    [InlineData("abtest", "ab_test", "A/B test unavailable", "A/B test ")]
    public void A_guid_keyed_grain_is_named_by_its_resource_and_id(string stateName, string resource, string title, string detailStart)
    {
        var mapped = UnreadableResource.For(stateName, Id.ToString());

        Assert.Equal(resource, mapped.Resource);
        Assert.Equal(Id.ToString(), mapped.Id);
        Assert.Equal(title, mapped.Title);
        Assert.StartsWith($"{detailStart}{Id} cannot be loaded: its stored state is unreadable. Operators:", mapped.Detail);
        Assert.Contains("unreadable-state", mapped.Detail);
        Assert.Null(mapped.CampaignId);
    }

    [Fact]
    public void A_participant_is_named_by_its_contact_and_campaign()
    {
        var mapped = UnreadableResource.For("participant", $"{Id}+{Contact:N}");

        Assert.Equal(("participant", Contact.ToString(), Id.ToString(), "Participant unavailable"), (mapped.Resource, mapped.Id, mapped.CampaignId, mapped.Title));
        Assert.StartsWith($"Participant {Contact} of campaign {Id} cannot be loaded", mapped.Detail);
    }

    [Fact]
    public void An_unknown_state_still_names_what_is_unavailable()
    {
        var mapped = UnreadableResource.For("something", "42");

        Assert.Equal(("something", "42", "Resource unavailable"), (mapped.Resource, mapped.Id, mapped.Title));
        Assert.Contains("something 42", mapped.Detail);
    }

    [Fact]
    public void The_problem_never_carries_the_storage_error()
    {
        var failure = new UnreadableStateException("campaign", $"campaign/{Id:N}", Id.ToString(), "JsonReaderException: Unexpected character 'ÿ' at line 1");

        var mapped = UnreadableResource.For(failure.StateName, failure.GrainKey);

        Assert.DoesNotContain("Json", mapped.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(failure.Reason, mapped.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void The_exception_is_found_where_a_calling_grain_or_the_runtime_wrapped_it()
    {
        var failure = new UnreadableStateException("allocation", "allocation/x", Id.ToString(), "reason");

        Assert.Same(failure, RequestErrors.UnreadableStateIn(failure));
        Assert.Same(failure, RequestErrors.UnreadableStateIn(new OrleansException("outer", failure)));
        Assert.Same(failure, RequestErrors.UnreadableStateIn(new AggregateException(new InvalidOperationException(), failure)));
        Assert.Null(RequestErrors.UnreadableStateIn(new InvalidOperationException("other")));
    }
}
