using Campaigns.Outreach;
using Campaigns.Tests.Hosting;
using Campaigns.Tests.Influencer;
using Campaigns.Tests.Infrastructure;
using Campaigns.Tests.Tenancy;

namespace Campaigns.Tests.Outreach;

public sealed class StepConditionEvaluatorTests
{
    private static readonly Guid Sales = Guid.NewGuid();
    private static readonly Guid Lead = Guid.NewGuid();
    private static readonly Guid Qualified = Guid.NewGuid();
    private static readonly Guid Won = Guid.NewGuid();

    private static readonly ContactFacts Ann = new("Ann", "Lee", "ann@example.com", "+7 900 000-00-00", 4242, "Acme");

    private static ParticipantFacts Facts(ContactFacts? contact = null, bool replied = false, Guid? stage = null) =>
        new(replied, contact ?? Ann, stage is { } s ? new Dictionary<Guid, Guid> { [Sales] = s } : new Dictionary<Guid, Guid>());

    private static StepConditions Rules(params ContactRule[] rules) => StepConditions.None with { Contact = rules };

    [Fact]
    public void No_conditions_always_send()
    {
        Assert.True(StepConditionEvaluator.ShouldSend(StepConditions.None, Facts(replied: true)));
    }

    [Fact]
    public void Stop_if_replied_skips_a_participant_that_replied()
    {
        var c = StepConditions.None with { StopIfReplied = true };
        Assert.False(StepConditionEvaluator.ShouldSend(c, Facts(replied: true)));
        Assert.True(StepConditionEvaluator.ShouldSend(c, Facts(replied: false)));
    }

    [Theory]
    [InlineData("first_name", "equals", "ann", true)] // case-insensitive
    [InlineData("first_name", "equals", " ANN ", true)] // surrounding whitespace ignored
    [InlineData("first_name", "equals", "Anna", false)]
    [InlineData("last_name", "not_equals", "lee", false)]
    [InlineData("last_name", "not_equals", "Smith", true)]
    [InlineData("email", "contains", "@EXAMPLE.", true)]
    [InlineData("email", "contains", "gmail", false)]
    [InlineData("phone", "not_empty", null, true)]
    [InlineData("phone", "empty", null, false)]
    [InlineData("telegram_id", "equals", "4242", true)]
    [InlineData("telegram_id", "contains", "24", true)]
    [InlineData("company_name", "equals", "ACME", true)]
    [InlineData("company_name", "contains", "cm", true)]
    public void Contact_rules_compare_text_case_insensitively(string field, string op, string? value, bool expected)
    {
        Assert.Equal(expected, StepConditionEvaluator.ShouldSend(Rules(new ContactRule(field, op, value)), Facts()));
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData("   ", true)]
    [InlineData("x", false)]
    public void Empty_means_null_or_whitespace(string? email, bool empty)
    {
        var facts = Facts(Ann with { Email = email });
        Assert.Equal(empty, StepConditionEvaluator.ShouldSend(Rules(new ContactRule("email", "empty", null)), facts));
        Assert.Equal(!empty, StepConditionEvaluator.ShouldSend(Rules(new ContactRule("email", "not_empty", "ignored")), facts));
    }

    [Fact]
    public void A_missing_field_compares_as_empty_text()
    {
        var facts = Facts(ContactFacts.Unknown);
        Assert.False(StepConditionEvaluator.ShouldSend(Rules(new ContactRule("first_name", "equals", "Ann")), facts));
        Assert.True(StepConditionEvaluator.ShouldSend(Rules(new ContactRule("first_name", "not_equals", "Ann")), facts));
        Assert.False(StepConditionEvaluator.ShouldSend(Rules(new ContactRule("telegram_id", "contains", "1")), facts));
    }

    [Fact]
    public void Every_contact_rule_must_hold()
    {
        var both = Rules(new ContactRule("first_name", "equals", "Ann"), new ContactRule("email", "contains", "example"));
        var oneFails = Rules(new ContactRule("first_name", "equals", "Ann"), new ContactRule("email", "contains", "gmail"));
        Assert.True(StepConditionEvaluator.ShouldSend(both, Facts()));
        Assert.False(StepConditionEvaluator.ShouldSend(oneFails, Facts()));
    }

    [Theory]
    [InlineData("nickname", "equals")]
    [InlineData("first_name", "starts_with")]
    public void An_unknown_field_or_operator_does_not_send(string field, string op)
    {
        Assert.False(StepConditionEvaluator.ShouldSend(Rules(new ContactRule(field, op, "Ann")), Facts()));
    }

    [Fact]
    public void In_pipeline_stage_sends_only_at_one_of_the_stages()
    {
        var c = StepConditions.None with { InPipelineStage = new StageRule(Sales, [Lead, Qualified]) };
        Assert.True(StepConditionEvaluator.ShouldSend(c, Facts(stage: Lead)));
        Assert.True(StepConditionEvaluator.ShouldSend(c, Facts(stage: Qualified)));
        Assert.False(StepConditionEvaluator.ShouldSend(c, Facts(stage: Won)));
    }

    [Fact]
    public void In_pipeline_stage_does_not_send_to_a_contact_outside_the_pipeline()
    {
        var c = StepConditions.None with { InPipelineStage = new StageRule(Sales, [Lead]) };
        Assert.False(StepConditionEvaluator.ShouldSend(c, Facts(stage: null)));
        var otherPipeline = new ParticipantFacts(false, Ann, new Dictionary<Guid, Guid> { [Guid.NewGuid()] = Lead });
        Assert.False(StepConditionEvaluator.ShouldSend(c, otherPipeline));
    }

    [Fact]
    public void Not_in_pipeline_stage_skips_only_the_listed_stages()
    {
        var c = StepConditions.None with { NotInPipelineStage = new StageRule(Sales, [Won]) };
        Assert.False(StepConditionEvaluator.ShouldSend(c, Facts(stage: Won)));
        Assert.True(StepConditionEvaluator.ShouldSend(c, Facts(stage: Lead)));
    }

    [Fact]
    public void Not_in_pipeline_stage_sends_to_a_contact_outside_the_pipeline()
    {
        var c = StepConditions.None with { NotInPipelineStage = new StageRule(Sales, [Won]) };
        Assert.True(StepConditionEvaluator.ShouldSend(c, Facts(stage: null)));
    }

    [Fact]
    public void The_seed_example_all_groups_are_anded()
    {
        // Seed §3.5: only if the e-mail is not empty and the contact is in "Sales" at "Lead" or "Qualified".
        var c = new StepConditions(true, [new ContactRule("email", "not_empty", null)], new StageRule(Sales, [Lead, Qualified]), new StageRule(Sales, [Won]));
        Assert.True(StepConditionEvaluator.ShouldSend(c, Facts(stage: Qualified)));
        Assert.False(StepConditionEvaluator.ShouldSend(c, Facts(stage: Qualified, replied: true)));
        Assert.False(StepConditionEvaluator.ShouldSend(c, Facts(Ann with { Email = null }, stage: Qualified)));
        Assert.False(StepConditionEvaluator.ShouldSend(c, Facts(stage: Won)));
        Assert.False(StepConditionEvaluator.ShouldSend(c, Facts(stage: null)));
    }
}
