namespace Campaigns.AbTesting;

/// <summary>The rate an A/B test is decided on: outcomes per impression.</summary>
[GenerateSerializer, Alias("campaigns.AbMetric")]
public enum AbMetric
{
    /// <summary>Conversions per impression.</summary>
    ConversionRate = 0,

    /// <summary>Clicks per impression.</summary>
    ClickThroughRate = 1,
}
