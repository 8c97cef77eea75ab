using Campaigns.Api.Campaigns;
using Campaigns.Api.Influencer;
using Campaigns.Api.Infrastructure;
using Campaigns.Infrastructure;
using Campaigns.Tests.Hosting;
using Campaigns.Tests.Influencer;
using Campaigns.Tests.Infrastructure;
using Campaigns.Tests.Tenancy;

namespace Campaigns.Tests.Campaigns;

public sealed class CampaignFieldsTests
{
    [Fact]
    public void Unknown_platform_is_named_in_the_error_and_left_out()
    {
        var errors = new FieldErrors();

        var platforms = CampaignFields.Platforms(["instagram", "myspace", "tiktok"], errors);

        Assert.Equal(["instagram", "tiktok"], platforms);
        var messages = Assert.Single(errors.ToDictionary());
        Assert.Equal("platforms", messages.Key);
        var message = Assert.Single(messages.Value);
        Assert.Contains("'myspace'", message);
        Assert.Contains("instagram", message); // lists what is allowed
    }

    [Fact]
    public void Unknown_goal_is_named_in_the_error()
    {
        var errors = new FieldErrors();

        CampaignFields.Goals(["reach", "world_domination", "fame"], errors);

        var messages = errors.ToDictionary()["goals"];
        Assert.Equal(2, messages.Length);
        Assert.Contains("'world_domination'", messages[0]);
        Assert.Contains("'fame'", messages[1]);
        Assert.False(errors.ToDictionary().ContainsKey("platforms"));
    }

    [Fact]
    public void Null_item_is_refused_not_thrown()
    {
        var errors = new FieldErrors();
        Assert.Equal(["reach"], CampaignFields.Goals(["reach", null], errors));
        Assert.True(errors.Any);
    }

    [Fact]
    public void Duplicates_are_removed_after_normalising_case_and_spaces_keeping_first_order()
    {
        var errors = new FieldErrors();

        var goals = CampaignFields.Goals(["Reach", "sales", " reach ", "SALES", "leads"], errors);
        var platforms = CampaignFields.Platforms(["YouTube", "youtube", "x"], errors);

        Assert.False(errors.Any);
        Assert.Equal(["reach", "sales", "leads"], goals);
        Assert.Equal(["youtube", "x"], platforms);
    }

    [Fact]
    public void Missing_lists_are_empty()
    {
        var errors = new FieldErrors();
        Assert.Empty(CampaignFields.Goals(null, errors));
        Assert.Empty(CampaignFields.Platforms(null, errors));
        Assert.False(errors.Any);
    }

    [Fact]
    public void Currency_defaults_to_usd()
    {
        var errors = new FieldErrors();
        Assert.Equal("USD", CampaignFields.Currency(null, errors));
        Assert.False(errors.Any);
    }

    [Fact]
    public void Currency_is_normalised_to_upper_case()
    {
        var errors = new FieldErrors();
        Assert.Equal("EUR", CampaignFields.Currency(" eur ", errors));
        Assert.False(errors.Any);
    }

    [Fact]
    public void Unknown_currency_is_named()
    {
        var errors = new FieldErrors();
        CampaignFields.Currency("XYZ", errors);
        Assert.Contains("'XYZ'", Assert.Single(errors.ToDictionary()["currency"]));
    }

    [Theory]
    [InlineData(null, "name")]
    [InlineData("   ", "name")]
    public void Blank_name_is_required(string? name, string field)
    {
        var errors = new FieldErrors();
        Assert.Null(CampaignFields.Name(name, errors));
        Assert.True(errors.ToDictionary().ContainsKey(field));
    }

    [Fact]
    public void Name_is_trimmed_and_limited()
    {
        var errors = new FieldErrors();
        Assert.Equal("Spring", CampaignFields.Name("  Spring  ", errors));
        Assert.False(errors.Any);

        CampaignFields.Name(new string('a', CampaignFields.NameMaxLength + 1), errors);
        Assert.True(errors.ToDictionary().ContainsKey("name"));
    }

    [Theory]
    [InlineData(null, true, true)]
    [InlineData(null, false, false)]
    [InlineData(-1L, false, true)]
    [InlineData(0L, true, false)]
    [InlineData(CampaignFields.BudgetMax, true, false)]
    [InlineData(CampaignFields.BudgetMax + 1, true, true)]
    public void Budget_bounds(long? budget, bool required, bool refused)
    {
        var errors = new FieldErrors();
        CampaignFields.Budget(budget, errors, required);
        Assert.Equal(refused, errors.ToDictionary().ContainsKey("budget"));
    }

    [Fact]
    public void End_before_start_is_refused_on_end_date()
    {
        var errors = new FieldErrors();
        CampaignFields.Dates(new DateOnly(2025, 5, 2), new DateOnly(2025, 5, 1), errors);
        Assert.Equal(["end_date"], errors.ToDictionary().Keys);

        var ok = new FieldErrors();
        CampaignFields.Dates(new DateOnly(2025, 5, 1), new DateOnly(2025, 5, 1), ok);
        CampaignFields.Dates(null, new DateOnly(2025, 5, 1), ok);
        Assert.False(ok.Any);
    }
}
