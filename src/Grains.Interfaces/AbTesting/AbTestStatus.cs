namespace Campaigns.AbTesting;

/// <summary>A test runs until its winner is applied (the seed's running → completed).</summary>
[GenerateSerializer, Alias("campaigns.AbTestStatus")]
public enum AbTestStatus
{
    Running = 0,
    Completed = 1,
}
