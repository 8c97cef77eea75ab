namespace Campaigns.AbTesting;

/// <summary>What happened to a subject who saw a variant.</summary>
[GenerateSerializer, Alias("campaigns.AbEventType")]
public enum AbEventType : short
{
    Impression = 0,
    Click = 1,
    Conversion = 2,
}
