namespace Campaigns.Infrastructure;

/// <summary>
/// One page of a keyset-paged list: the items and the cursor to pass for the next page (null on the last page).
/// Every list a grain answers has this shape; the API writes it as <c>{ items, next_cursor }</c>.
/// </summary>
[GenerateSerializer, Immutable, Alias("campaigns.Page`1")]
public sealed record Page<T>(
    [property: Id(0)] IReadOnlyList<T> Items,
    [property: Id(1)] Guid? NextCursor)
{
    public static Page<T> Empty { get; } = new([], null);
}
