using Campaigns.Api.Audit;
using Campaigns.Api.Campaigns;
using Campaigns.Api.Crm;
using Campaigns.Api.Influencer;
using Campaigns.Api.Outreach;
using Campaigns.Api.Templates;
using Campaigns.Api.Tenancy;
using Campaigns.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Campaigns.Api.Infrastructure;

/// <summary>The <c>?limit=&amp;cursor=</c> keyset pagination convention shared by every list.</summary>
public static class Paging
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public static int Limit(string? value, FieldErrors errors)
    {
        if (value is null)
        {
            return DefaultLimit;
        }

        if (!int.TryParse(value, out var limit) || limit < 1 || limit > MaxLimit)
        {
            errors.Add("limit", $"limit must be a whole number from 1 to {MaxLimit}.");
            return DefaultLimit;
        }

        return limit;
    }

    /// <summary>Cursors are the last item's id: opaque to callers, stable across inserts.</summary>
    public static Guid? Cursor(string? value, FieldErrors errors)
    {
        if (value is null)
        {
            return null;
        }

        if (!Guid.TryParseExact(value, "N", out var after))
        {
            errors.Add("cursor", "cursor must be a value returned as next_cursor by a previous page.");
            return null;
        }

        return after;
    }

    public static string? Format(Guid? cursor) => cursor?.ToString("N");

    /// <summary>For a list with no filters of its own: its page size and cursor, or the problem naming what was wrong.</summary>
    public static ValidationProblem? Parse(string? limit, string? cursor, out int pageSize, out Guid? after)
    {
        var errors = new FieldErrors();
        pageSize = Limit(limit, errors);
        after = Cursor(cursor, errors);
        return errors.Any ? Problems.Validation(errors.ToDictionary()) : null;
    }
}

/// <summary>A page of a list as the API writes it: <c>{ items, next_cursor }</c>, the cursor opaque text.</summary>
public sealed record PageResponse<T>(IReadOnlyList<T> Items, string? NextCursor);
