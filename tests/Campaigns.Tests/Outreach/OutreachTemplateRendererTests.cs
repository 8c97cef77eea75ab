using Campaigns.Outreach;
using Campaigns.Tests.Hosting;
using Campaigns.Tests.Influencer;
using Campaigns.Tests.Infrastructure;
using Campaigns.Tests.Tenancy;

namespace Campaigns.Tests.Outreach;

public sealed class OutreachTemplateRendererTests
{
    private static readonly ContactFacts Ann = new("Ann", "Lee", "ann@example.com", null, 4242, "Acme");

    [Fact]
    public void Renders_every_known_placeholder()
    {
        var text = OutreachTemplateRenderer.Render(
            "Hi {{contact.first_name}} {{contact.last_name}} from {{company.name}}! {{ai.personalize}}", Ann, "Loved your talk.");
        Assert.Equal("Hi Ann Lee from Acme! Loved your talk.", text);
    }

    [Fact]
    public void Whitespace_inside_the_braces_and_case_are_tolerated()
    {
        Assert.Equal("Hi Ann", OutreachTemplateRenderer.Render("Hi {{  contact.first_name\t}}", Ann, ""));
        Assert.Equal("Hi Ann", OutreachTemplateRenderer.Render("Hi {{Contact.First_Name}}", Ann, ""));
    }

    [Theory]
    [InlineData("Hi {{contact.first_name}}, welcome", "Hi, welcome")]
    [InlineData("Hi {{contact.first_name}} there", "Hi there")]
    [InlineData("Hi {{contact.first_name}}!", "Hi!")]
    [InlineData("{{contact.first_name}} hello", "hello")]
    [InlineData("Dear {{contact.first_name}} {{contact.last_name}}\nBye", "Dear\nBye")]
    [InlineData("{{contact.first_name}} {{contact.last_name}}", "")]
    [InlineData("Hi {{ai.personalize}}", "Hi")]
    public void A_missing_value_renders_empty_without_doubled_spaces(string template, string expected)
    {
        Assert.Equal(expected, OutreachTemplateRenderer.Render(template, ContactFacts.Unknown, ""));
    }

    [Fact]
    public void A_missing_last_name_leaves_one_space()
    {
        Assert.Equal("Dear Ann, hi", OutreachTemplateRenderer.Render("Dear {{contact.first_name}} {{contact.last_name}}, hi", Ann with { LastName = null }, ""));
        Assert.Equal("Dear Lee, hi", OutreachTemplateRenderer.Render("Dear {{contact.first_name}} {{contact.last_name}}, hi", Ann with { FirstName = " " }, ""));
    }

    [Fact]
    public void Literal_double_spaces_in_the_template_are_kept()
    {
        Assert.Equal("A  B Ann", OutreachTemplateRenderer.Render("A  B {{contact.first_name}}", Ann, ""));
    }

    [Fact]
    public void Substituted_values_are_never_read_as_placeholders()
    {
        var sneaky = Ann with { FirstName = "{{company.name}}", CompanyName = "{{contact.first_name}}" };
        Assert.Equal("{{company.name}} at {{contact.first_name}}", OutreachTemplateRenderer.Render("{{contact.first_name}} at {{company.name}}", sneaky, ""));
    }

    [Fact]
    public void Text_that_is_not_a_placeholder_stays_literal()
    {
        Assert.Equal("price {100} and {{ open", OutreachTemplateRenderer.Render("price {100} and {{ open", Ann, "x"));
    }

    [Fact]
    public void Validate_lists_unknown_placeholders_once()
    {
        var unknown = OutreachTemplateRenderer.Validate("{{contact.first_name}} {{contact.nickname}} {{ contact.nickname }} {{deal.amount}} {{}}");
        Assert.Equal(["contact.nickname", "deal.amount", ""], unknown);
        Assert.Empty(OutreachTemplateRenderer.Validate("Hi {{ Contact.First_Name }} of {{company.name}} {{ai.personalize}} {{contact.last_name}}"));
    }

    [Fact]
    public void Placeholders_lists_the_known_ones_used_in_canonical_spelling()
    {
        Assert.Equal(
            ["company.name", "contact.first_name"],
            OutreachTemplateRenderer.Placeholders("{{ Company.Name }} {{contact.first_name}} {{company.name}} {{x.y}}"));
    }

    [Fact]
    public void An_unknown_placeholder_that_slipped_through_is_left_as_written()
    {
        Assert.Equal("Hi {{ deal.amount }}", OutreachTemplateRenderer.Render("Hi {{ deal.amount }}", Ann, ""));
    }

    [Fact]
    public void Telegram_limit_is_4096()
    {
        Assert.Equal(4096, OutreachTemplateRenderer.MaxLength);
    }
}
