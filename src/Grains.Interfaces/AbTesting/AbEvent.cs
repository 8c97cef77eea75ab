namespace Campaigns.AbTesting;

/// <summary>One exposure or outcome; <see cref="EventId"/> makes it count once however often it is sent.</summary>
/// <param name="Value">Revenue of a conversion (any unit the caller uses consistently); ignored for other types.</param>
[GenerateSerializer, Immutable, Alias("campaigns.AbEvent")]
public readonly record struct AbEvent(
    [property: Id(0)] Guid EventId,
    [property: Id(1)] Guid VariantId,
    [property: Id(2)] AbEventType Type,
    [property: Id(3)] decimal Value);
