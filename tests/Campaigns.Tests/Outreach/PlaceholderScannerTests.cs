using System.Diagnostics;
using System.Text.RegularExpressions;
using Campaigns.Outreach;
using Campaigns.Tests.Hosting;
using Campaigns.Tests.Influencer;
using Campaigns.Tests.Infrastructure;
using Campaigns.Tests.Tenancy;

namespace Campaigns.Tests.Outreach;

/// <summary>The template scanner finds exactly what the placeholder expression found, in linear time.</summary>
public sealed class PlaceholderScannerTests
{
    /// <summary>The expression the scanner replaces, kept as the oracle (with a timeout, for the shapes it chokes on).</summary>
    private static readonly Regex Oracle = new(@"\{\{\s*(?<name>[^{}]*?)\s*\}\}", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(10));

    [Theory]
    [InlineData("Hi {{contact.first_name}}!", new[] { "contact.first_name" })]
    [InlineData("{{  company.name \t}} and {{ai.personalize}}", new[] { "company.name", "ai.personalize" })]
    [InlineData("{{{contact.first_name}}}", new[] { "contact.first_name" })]
    [InlineData("{{ a { b }} {{c}}", new[] { "c" })]
    [InlineData("{{}} {{ }} {{", new[] { "", "" })]
    [InlineData("no placeholders } { here", new string[0])]
    public void Finds_the_placeholders_of_a_template(string template, string[] names) =>
        Assert.Equal(names, PlaceholderScanner.Matches(template).Select(m => m.Name));

    [Fact]
    public void Agrees_with_the_expression_on_random_templates()
    {
        var random = new Random(20261204);
        const string alphabet = "{{}} \t\n\u00a0ab.";
        for (var i = 0; i < 20_000; i++)
        {
            var template = new string(Enumerable.Range(0, random.Next(0, 24)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            var expected = Oracle.Matches(template).Select(m => (m.Index, m.Length, m.Groups["name"].Value)).ToList();
            var actual = PlaceholderScanner.Matches(template).Select(m => (m.Index, m.Length, m.Name)).ToList();
            Assert.True(expected.SequenceEqual(actual), $"template {System.Text.Json.JsonSerializer.Serialize(template)}");
        }
    }

    [Fact]
    public void Many_spaces_after_an_opening_take_linear_time()
    {
        // The expression took seconds on such a template (cubic backtracking); a send renders the template every time.
        var hostile = "Hi {{" + new string(' ', OutreachTemplateRenderer.MaxLength * 25) + "x";
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < 10; i++)
        {
            Assert.Empty(PlaceholderScanner.Matches(hostile));
            Assert.Equal(hostile, OutreachTemplateRenderer.Render(hostile, ContactFacts.Unknown, ""));
        }

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(2), $"10 scans of {hostile.Length:N0} characters took {stopwatch.Elapsed.TotalMilliseconds:F0} ms");
        Assert.Throws<RegexMatchTimeoutException>(() => new Regex(Oracle.ToString(), RegexOptions.None, TimeSpan.FromSeconds(1)).Matches(hostile).Count);
    }
}
