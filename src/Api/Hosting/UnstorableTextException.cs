using System.Text.Json;
using Campaigns.Api.Campaigns;
using Campaigns.Api.Crm;
using Campaigns.Api.Influencer;
using Campaigns.Api.Infrastructure;
using Campaigns.Infrastructure;

namespace Campaigns.Api.Hosting;

/// <summary>A request body holds text <see cref="StorableText"/> refuses; <see cref="InnerPath"/> is where, below the member being read.</summary>
public sealed class UnstorableTextException(string innerPath) : JsonException(StorableText.Refusal)
{
    /// <summary>The path below the member System.Text.Json was reading (<c>attributes.city</c>), empty for the member itself.</summary>
    public string InnerPath { get; } = innerPath;
}
